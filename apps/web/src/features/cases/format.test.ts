import { describe, expect, it } from "vitest";
import { dateFormatters, todayIso } from "./format";

describe("date formatting", () => {
  it("gives today as a date input value", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });

  it("shows a calendar date on the same day in every time zone", () => {
    expect(dateFormatters("en").date("2026-03-01")).toBe("Mar 1, 2026");
    expect(dateFormatters("id").date("2026-03-01")).toMatch(/^1 Mar 2026$/);
  });
});
