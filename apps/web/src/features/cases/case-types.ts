import type { RouterOutputs } from "@lentera/api";

export type CaseOverview = RouterOutputs["cases"]["byId"];
export type CaseConsent = CaseOverview["consents"][number];
export type CaseListPage = RouterOutputs["cases"]["list"];
export type CaseListItem = CaseListPage["items"][number];
export type CaseHistoryEvent = RouterOutputs["cases"]["history"][number];
export type BreakGlassGrant = RouterOutputs["cases"]["breakGlassList"][number];
export type PossibleDuplicate = RouterOutputs["cases"]["create"]["possibleDuplicates"][number];
export type RevealedIdentity = RouterOutputs["cases"]["revealIdentity"];
export type CareTeamCandidate = RouterOutputs["cases"]["careTeamCandidates"][number];
