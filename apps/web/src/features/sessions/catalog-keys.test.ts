import { describe, expect, it } from "vitest";
import {
  ALL_NOTE_SECTIONS,
  COUNSELING_INTERVENTIONS,
  LOCALES,
  NOTE_FORMATS,
  NOTE_STATUSES,
  RISK_CHECK_ITEMS,
  RISK_FLAG_KINDS,
  SESSION_MODALITIES,
  sessionMetadataSchema,
} from "@lentera/domain";
import { catalogPart, hasText } from "../../i18n/test-catalogs";

/** The session screens look these up with computed keys, which the catalog test cannot see. */
describe("session vocabulary in the catalogs", () => {
  it.each(LOCALES)("%s: names every format, section, modality, attendance, status, intervention and risk item in the sessions part", (locale) => {
    const part = catalogPart(locale, "sessions");
    const keys = [
      ...NOTE_FORMATS.map((value) => `sessions.format.${value}`),
      ...ALL_NOTE_SECTIONS.map((value) => `sessions.section.name.${value}`),
      ...ALL_NOTE_SECTIONS.map((value) => `sessions.section.hint.${value}`),
      ...SESSION_MODALITIES.map((value) => `sessions.modality.${value}`),
      ...sessionMetadataSchema.shape.attendance.options.map((value) => `sessions.attendance.${value}`),
      ...NOTE_STATUSES.map((value) => `sessions.status.${value}`),
      ...COUNSELING_INTERVENTIONS.map((value) => `sessions.intervention.${value}`),
      ...RISK_CHECK_ITEMS.map((value) => `sessions.risk.question.${value}`),
    ];
    expect(keys.filter((key) => !hasText(part, key))).toEqual([]);
  });

  it.each(LOCALES)("%s: names every risk flag kind in the first screen's part (Home's alerts name them)", (locale) => {
    const common = catalogPart(locale, "common");
    expect(RISK_FLAG_KINDS.filter((kind) => !hasText(common, `sessions.flagKind.${kind}`))).toEqual([]);
  });

  it.each(LOCALES)("%s: names every note format in the agency settings' part", (locale) => {
    const admin = catalogPart(locale, "admin");
    expect(NOTE_FORMATS.filter((format) => !hasText(admin, `settings.noteFormats.${format}`))).toEqual([]);
  });
});
