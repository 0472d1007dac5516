import { describe, expect, it } from "vitest";
import { APPOINTMENT_KINDS, APPOINTMENT_MODES, APPOINTMENT_OUTCOMES, APPOINTMENT_STATUSES, SERIES_FREQUENCIES } from "@lentera/domain";
import { catalogPart, hasText, mergedCatalog } from "../../i18n/test-catalogs";

const en = mergedCatalog("en");
const has = (key: string) => hasText(en, key);

/** The appointment screens look these up with computed keys, which the catalog test cannot see. */
describe("appointment vocabulary in the catalogs", () => {
  it("names every kind, status, mode, outcome and repeat the screens show", () => {
    const keys = [
      ...APPOINTMENT_KINDS.map((value) => `appointments.kind.${value}`),
      ...APPOINTMENT_STATUSES.map((value) => `appointments.status.${value}`),
      ...APPOINTMENT_MODES.map((value) => `appointments.mode.${value}`),
      ...APPOINTMENT_OUTCOMES.map((value) => `appointments.outcome.${value}`),
      ...APPOINTMENT_OUTCOMES.map((value) => `appointments.done.${value}`),
      ...SERIES_FREQUENCIES.map((value) => `appointments.repeat.${value}`),
      ...["booked", "seriesBooked", "moved", "rescheduled", "cancelled"].map((value) => `appointments.done.${value}`),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });

  it("keeps the kinds in the first screen's part (Home's reminders name them)", () => {
    const common = catalogPart("en", "common");
    expect(APPOINTMENT_KINDS.filter((kind) => !hasText(common, `appointments.kind.${kind}`))).toEqual([]);
  });

  it("has every validation message the domain's appointment schemas and the booking form use", () => {
    const messages = ["required", "tooLong", "date", "endBeforeStart", "tooMany", "range", "countOrUntil", "startAndEnd", "teamOrStaff", "timeZone", "untilAfterStart"];
    expect(messages.filter((message) => !has(`validation.${message}`))).toEqual([]);
  });
});
