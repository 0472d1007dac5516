import { describe, expect, it } from "vitest";
import {
  EVIDENCE_ENTRY_KINDS,
  HARM_ITEM_FINDERS,
  HARM_ITEM_KINDS,
  HARM_ITEM_ONLINE_STATES,
  LEGAL_STAGES,
  LOCALES,
  PLATFORM_KINDS,
  TAKEDOWN_CHANNELS,
  TAKEDOWN_STATUSES,
} from "@lentera/domain";
import { catalogPart, hasText as has } from "../../i18n/test-catalogs";
import { HARM_REASONS } from "./harm-errors";

/** The online-harm section looks its vocabulary and refusals up with computed keys, which the catalog test cannot see. */
describe("online-harm vocabulary in the catalogs", () => {
  it.each(LOCALES.map((locale) => [locale, catalogPart(locale, "harm"), catalogPart(locale, "common")] as const))(
    "%s names every kind, platform, finder, channel, status, stage and refusal",
    (_locale, harm, common) => {
      const keys = [
        ...HARM_ITEM_KINDS.map((value) => `harm.itemKind.${value}`),
        ...PLATFORM_KINDS.map((value) => `harm.platformKind.${value}`),
        ...HARM_ITEM_FINDERS.map((value) => `harm.finder.${value}`),
        ...TAKEDOWN_CHANNELS.map((value) => `harm.channel.${value}`),
        ...TAKEDOWN_STATUSES.map((value) => `harm.takedownStatus.${value}`),
        ...HARM_ITEM_ONLINE_STATES.map((value) => `harm.online.${value}`),
        ...EVIDENCE_ENTRY_KINDS.map((value) => `harm.evidenceKind.${value}`),
        ...LEGAL_STAGES.map((value) => `harm.legalStage.${value}`),
        ...HARM_REASONS.map((reason) => `harm.errors.${reason}`),
      ];
      expect(keys.filter((key) => !has(harm, key))).toEqual([]);
      expect(["validation.contentNotAccepted", "validation.sha256"].filter((key) => !has(common, key))).toEqual([]);
    },
  );
});
