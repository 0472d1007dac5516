import { describe, expect, it } from "vitest";
import { dashboardFormatters } from "./dashboard-format";

describe("the dashboard's numbers and dates in the reader's language", () => {
  it("groups thousands and writes shares and medians the way each language does", () => {
    expect(dashboardFormatters("en").count(12345)).toBe("12,345");
    expect(dashboardFormatters("id").count(12345)).toBe("12.345");
    expect(dashboardFormatters("en").percent(0.25)).toBe("25%");
    expect(dashboardFormatters("id").percent(0.25)).toMatch(/^25\s?%$/);
    expect(dashboardFormatters("en").days(4.5)).toBe("4.5");
    expect(dashboardFormatters("vi").days(4.5)).toBe("4,5");
  });

  it("names a month in full for a table and briefly for a chart's axis, and leaves anything else as it came", () => {
    expect(dashboardFormatters("en").month("2026-03")).toBe("March 2026");
    expect(dashboardFormatters("id").month("2026-03")).toBe("Maret 2026");
    expect(dashboardFormatters("en").monthShort("2026-03")).toBe("Mar 26");
    expect(dashboardFormatters("en").month("2026-3")).toBe("2026-3");
  });

  it("gives today with its weekday, on the same calendar day in every zone", () => {
    expect(dashboardFormatters("en").dayWithWeekday("2026-03-16")).toBe("Monday, March 16, 2026");
    expect(dashboardFormatters("id").dayWithWeekday("2026-03-16")).toBe("Senin, 16 Maret 2026");
  });
});
