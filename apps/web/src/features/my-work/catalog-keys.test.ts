import { describe, expect, it } from "vitest";
import { LOCALES, MY_WORK_SECTION_KEYS, NOTE_STATUSES } from "@lentera/domain";
import { catalogPart, hasText } from "../../i18n/test-catalogs";

/** My work looks its words up with computed keys, which the catalog test cannot see. */
describe("My work's words in the catalogs", () => {
  const work = catalogPart("en", "work");

  it("names every section and says every kind of item (with its variants) in the work part", () => {
    const keys = [
      ...MY_WORK_SECTION_KEYS.map((key) => `work.section.${key}`),
      ...MY_WORK_SECTION_KEYS.map((key) => `work.item.${key}`),
      "work.item.no_contactNever",
      "work.item.positive_screenCritical",
      "work.item.notYours",
      ...["none", ...NOTE_STATUSES].map((status) => `work.note.${status}`),
      ...["heading", "worker", "overdueReviews", "outcomesMissing", "unsignedNotes", "milestonesPastTarget"].map((key) => `work.team.${key}`),
    ];
    expect(keys.filter((key) => !hasText(work, key))).toEqual([]);
  });

  it("keeps the navigation's name and count in the first screen's part, in every language", () => {
    for (const locale of LOCALES) {
      const common = catalogPart(locale, "common");
      expect(["nav.myWork", "nav.itemsDue", "home.adminNoCaseWork"].filter((key) => !hasText(common, key))).toEqual([]);
    }
    expect((catalogPart("id", "common").nav as Record<string, string>).myWork).toBe("Tugas saya");
    expect((catalogPart("vi", "common").nav as Record<string, string>).myWork).toBe("Việc của tôi");
  });

  it("names the kinds of appointment and risk flag its items mention in the first screen's part", () => {
    // Home loads only `common` and `work`: the words it borrows from other features must be there.
    const common = catalogPart("en", "common");
    expect(hasText(common, "appointments.kind.home_visit") && hasText(common, "sessions.flagKind.self_harm")).toBe(true);
  });
});
