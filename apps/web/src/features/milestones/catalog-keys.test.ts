import { describe, expect, it } from "vitest";
import { FOLLOW_UP_OUTCOMES, LOCALES, MILESTONE_DOMAINS, MILESTONE_EVENT_KINDS, MILESTONE_STATUSES } from "@lentera/domain";
import { catalogPart, hasText, mergedCatalog } from "../../i18n/test-catalogs";

/** The milestone screens and the case history look these up with computed keys, which the catalog test cannot see. */
describe("milestone vocabulary in the catalogs", () => {
  it.each(LOCALES)("%s names every domain, status and event kind in the milestones part", (locale) => {
    const part = catalogPart(locale, "milestones");
    const keys = [
      ...MILESTONE_DOMAINS.map((value) => `milestones.domain.${value}`),
      ...MILESTONE_STATUSES.map((value) => `milestones.status.${value}`),
      ...MILESTONE_EVENT_KINDS.map((value) => `milestones.eventKind.${value}`),
      ...FOLLOW_UP_OUTCOMES.map((value) => `cases.history.followUp.outcome.${value}`),
      "cases.history.boolean.true",
      "cases.history.boolean.false",
    ];
    expect(keys.filter((key) => !hasText(part, key))).toEqual([]);
  });

  it("has every validation message the milestone schemas and forms use, on the first screen's part", () => {
    const common = catalogPart("en", "common");
    const messages = ["required", "tooLong", "date", "catalogOrCustom", "noteRequiredToReject", "identifier"].map((key) => `validation.${key}`);
    expect([...messages, "errors.date_in_future"].filter((key) => !hasText(common, key))).toEqual([]);
    // A reason only milestones raise comes with their own part.
    expect(hasText(catalogPart("en", "milestones"), "errors.note_required")).toBe(true);
  });

  it("keeps the glossary's words for the section", () => {
    expect(mergedCatalog("en")).toMatchObject({ milestones: { section: { heading: "Reintegration milestones" } } });
    expect(mergedCatalog("id")).toMatchObject({ milestones: { section: { heading: "Tonggak reintegrasi" } } });
    expect(mergedCatalog("vi")).toMatchObject({ milestones: { section: { heading: "Mốc tái hòa nhập" } } });
  });
});
