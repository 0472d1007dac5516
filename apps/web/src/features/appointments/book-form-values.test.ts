import { describe, expect, it } from "vitest";
import { bookFormSchema, bookRequest, nearestDuration, spanOf, type BookFormValues } from "./book-form-values";
import { clashingSpans } from "./appointment-error";
import { formatTimeRange, fromLocalInputs, localInputs } from "./appointment-time";

const base: BookFormValues = {
  kind: "counseling",
  staffUserId: "0b7c2d3e-1111-4222-8333-944455556666",
  goalKeys: [],
  date: "2026-03-02",
  time: "10:00",
  duration: "60",
  mode: "in_person",
  place: "  ",
  notes: "",
  repeat: "none",
  repeatEnd: "count",
  count: "4",
  until: "",
};
const caseId = "1b7c2d3e-1111-4222-8333-944455556666";

describe("the booking form's values", () => {
  it("turn a local date, start and duration into a span of instants", () => {
    const span = spanOf(base);
    expect(span?.startsAt.getTime()).toBe(new Date("2026-03-02T10:00:00").getTime());
    expect(span && (span.endsAt.getTime() - span.startsAt.getTime()) / 60_000).toBe(60);
    expect(spanOf({ ...base, time: "" })).toBeNull();
    expect(localInputs(new Date("2026-03-02T09:05:00"))).toEqual({ date: "2026-03-02", time: "09:05" });
    expect(fromLocalInputs("2026-13-45", "10:00")).toBeNull();
  });

  it("book one appointment without blank place or notes, or a series ending after N times or on a date", () => {
    const single = bookRequest(caseId, base);
    expect(single?.series).toBe(false);
    expect(single?.input).not.toHaveProperty("place");
    const weekly = bookRequest(caseId, { ...base, repeat: "weekly", count: "6" });
    expect(weekly).toMatchObject({ series: true, input: { frequency: "weekly", count: 6 } });
    const fortnightly = bookRequest(caseId, { ...base, repeat: "biweekly", repeatEnd: "until", until: "2026-04-30" });
    expect(fortnightly).toMatchObject({ series: true, input: { frequency: "biweekly", until: "2026-04-30" } });
    expect(fortnightly?.input).not.toHaveProperty("count");
  });

  it("refuses a series without a sensible end", () => {
    expect(bookFormSchema.safeParse({ ...base, repeat: "weekly", count: "1" }).success).toBe(false);
    expect(bookFormSchema.safeParse({ ...base, repeat: "weekly", count: "53" }).success).toBe(false);
    expect(bookFormSchema.safeParse({ ...base, repeat: "weekly", repeatEnd: "until", until: "2026-03-01" }).success).toBe(false);
    expect(bookFormSchema.safeParse({ ...base, repeat: "weekly", count: "8" }).success).toBe(true);
    expect(bookFormSchema.safeParse({ ...base, duration: "7" }).success).toBe(false);
  });

  it("offers the nearest duration for an appointment's length", () => {
    expect(nearestDuration(new Date("2026-03-02T10:00:00Z"), new Date("2026-03-02T10:50:00Z"))).toBe("45");
    expect(nearestDuration(new Date("2026-03-02T10:00:00Z"), new Date("2026-03-02T11:00:00Z"))).toBe("60");
  });
});

describe("appointment times", () => {
  const start = new Date("2026-03-02T02:00:00Z");
  const end = new Date("2026-03-02T03:00:00Z");

  it("name the zone only when the viewer's differs from the agency's", () => {
    expect(formatTimeRange(start, end, "en", "Asia/Jakarta", "Asia/Jakarta")).toMatch(/9:00.*10:00/);
    expect(formatTimeRange(start, end, "en", "Asia/Jakarta", "Asia/Jakarta")).not.toContain("Asia/");
    const jayapura = formatTimeRange(start, end, "id", "Asia/Jakarta", "Asia/Jayapura");
    expect(jayapura).toContain("11.00");
    expect(jayapura.endsWith("(Asia/Jayapura)")).toBe(true);
  });

  it("find no clash in an error that is not one", () => {
    expect(clashingSpans(new Error("appointment_clash"))).toEqual([]);
  });
});
