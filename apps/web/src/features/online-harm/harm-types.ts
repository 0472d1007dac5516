import type { RouterOutputs } from "@lentera/api";

export type CaseOnlineHarmData = RouterOutputs["onlineHarm"]["byCase"];
export type HarmItem = CaseOnlineHarmData["items"][number];
export type TakedownRequest = HarmItem["takedowns"][number];
export type EvidenceEntry = CaseOnlineHarmData["evidence"][number];
export type LegalProcess = NonNullable<CaseOnlineHarmData["legalProcess"]>;
export type PartnerOption = RouterOutputs["partners"]["list"][number];
