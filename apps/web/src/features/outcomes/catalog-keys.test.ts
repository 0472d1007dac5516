import { describe, expect, it } from "vitest";
import { ASSESSMENT_STATUSES, ASSESSMENT_TIMEPOINTS } from "@lentera/domain";
import { hasText, mergedCatalog } from "../../i18n/test-catalogs";
import { TRENDS } from "./outcome-summary";

const en = mergedCatalog("en");
const has = (key: string) => hasText(en, key);

/** The outcome screens look these up with computed keys, which the catalog test cannot see. */
describe("outcome vocabulary in the catalogs", () => {
  it("names every timepoint, status and trend the outcome screens show", () => {
    const keys = [
      ...ASSESSMENT_TIMEPOINTS.map((value) => `outcomes.timepoint.${value}`),
      ...ASSESSMENT_STATUSES.map((value) => `outcomes.status.${value}`),
      ...TRENDS.map((value) => `outcomes.trend.${value}`),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });

  it("has the messages the entry form's own checks use", () => {
    expect(["validation.required", "validation.date", "validation.tooLong", "errors.date_in_future"].filter((key) => !has(key))).toEqual([]);
  });
});
