import { describe, expect, it } from "vitest";
import { formatInZone, isValidTimeZone, localDate, startOfLocalDay, tomorrowIn } from "./time-zones";
import { noShowRate, outcomeRefusal, seriesOccurrences, spansOverlap } from "./rules";
import { bookSeriesInput, calendarInput, timeZone } from "./schemas";
import { updateAgencySettingsInput } from "../plans/schemas";

const at = (iso: string) => new Date(iso);

describe("time zones", () => {
  it("accepts IANA zones and refuses made-up ones", () => {
    expect(isValidTimeZone("Asia/Jakarta")).toBe(true);
    expect(isValidTimeZone("Asia/Ho_Chi_Minh")).toBe(true);
    expect(isValidTimeZone("Asia/Atlantis")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(timeZone.safeParse("Asia/Jayapura").success).toBe(true);
    expect(timeZone.safeParse("Mars/Olympus").success).toBe(false);
  });

  it("finds local dates and midnights (Jakarta is UTC+7, Jayapura UTC+9)", () => {
    expect(localDate(at("2026-03-01T18:00:00Z"), "Asia/Jakarta")).toBe("2026-03-02");
    expect(localDate(at("2026-03-01T16:00:00Z"), "Asia/Jakarta")).toBe("2026-03-01");
    expect(startOfLocalDay("2026-03-02", "Asia/Jakarta").toISOString()).toBe("2026-03-01T17:00:00.000Z");
    expect(startOfLocalDay("2026-03-02", "Asia/Jayapura").toISOString()).toBe("2026-03-01T15:00:00.000Z");
    const tomorrow = tomorrowIn(at("2026-03-01T20:00:00Z"), "Asia/Jakarta");
    expect([tomorrow.from.toISOString(), tomorrow.to.toISOString()]).toEqual(["2026-03-02T17:00:00.000Z", "2026-03-03T17:00:00.000Z"]);
  });

  it("shows a viewer in Ho Chi Minh City the same instant, naming the zone when it is not the agency's", () => {
    const instant = at("2026-03-02T02:00:00Z");
    const jakarta = formatInZone(instant, "Asia/Jakarta", "en", "Asia/Jakarta");
    expect(jakarta).toContain("9:00");
    expect(jakarta).not.toContain("Asia/");
    // Ho Chi Minh City is also UTC+7: the clock reads the same, but the zone is named.
    const saigon = formatInZone(instant, "Asia/Ho_Chi_Minh", "vi", "Asia/Jakarta");
    expect(saigon).toContain("09:00");
    expect(saigon).toContain("(Asia/Ho_Chi_Minh)");
    const jayapura = formatInZone(instant, "Asia/Jayapura", "id", "Asia/Jakarta");
    expect(jayapura).toContain("11.00");
    expect(jayapura).toContain("(Asia/Jayapura)");
  });
});

describe("series", () => {
  const first = { startsAt: at("2026-03-02T02:00:00Z"), endsAt: at("2026-03-02T03:00:00Z") };

  it("repeats weekly or every two weeks, N times or until a local date", () => {
    const weekly = seriesOccurrences(first, { frequency: "weekly", count: 4 }, "Asia/Jakarta");
    expect(weekly.map((span) => span.startsAt.toISOString().slice(0, 10))).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    expect(weekly[3]?.endsAt.toISOString()).toBe("2026-03-23T03:00:00.000Z");
    const biweekly = seriesOccurrences(first, { frequency: "biweekly", until: "2026-03-30" }, "Asia/Jakarta");
    expect(biweekly.map((span) => span.startsAt.toISOString().slice(0, 10))).toEqual(["2026-03-02", "2026-03-16", "2026-03-30"]);
  });

  it("never makes more than 52 occurrences", () => {
    expect(seriesOccurrences(first, { frequency: "weekly", until: "2030-01-01" }, "Asia/Jakarta")).toHaveLength(52);
    expect(bookSeriesInput.safeParse({ caseId: crypto.randomUUID(), staffUserId: crypto.randomUUID(), kind: "counseling", ...first, frequency: "weekly", count: 53 }).success).toBe(false);
  });

  it("needs exactly one of count and until", () => {
    const base = { caseId: crypto.randomUUID(), staffUserId: crypto.randomUUID(), kind: "counseling", ...first, frequency: "weekly" };
    expect(bookSeriesInput.safeParse(base).success).toBe(false);
    expect(bookSeriesInput.safeParse({ ...base, count: 3, until: "2026-04-01" }).success).toBe(false);
    expect(bookSeriesInput.safeParse({ ...base, count: 3 }).success).toBe(true);
  });
});

describe("rules", () => {
  it("treats back-to-back spans as not overlapping", () => {
    const a = { startsAt: at("2026-03-02T02:00:00Z"), endsAt: at("2026-03-02T03:00:00Z") };
    expect(spansOverlap(a, { startsAt: a.endsAt, endsAt: at("2026-03-02T04:00:00Z") })).toBe(false);
    expect(spansOverlap(a, { startsAt: at("2026-03-02T02:59:00Z"), endsAt: at("2026-03-02T04:00:00Z") })).toBe(true);
  });

  it("records outcomes only once the appointment has started", () => {
    const now = at("2026-03-02T05:00:00Z");
    expect(outcomeRefusal({ status: "scheduled", startsAt: at("2026-03-02T06:00:00Z") }, now)).toBe("appointment_in_future");
    expect(outcomeRefusal({ status: "scheduled", startsAt: at("2026-03-02T04:00:00Z") }, now)).toBeNull();
    expect(outcomeRefusal({ status: "cancelled", startsAt: at("2026-03-02T04:00:00Z") }, now)).toBe("appointment_closed");
  });

  it("computes no-show rates", () => {
    expect(noShowRate(3, 1)).toBe(0.25);
    expect(noShowRate(0, 0)).toBeNull();
  });

  it("limits calendars to 62 days", () => {
    expect(calendarInput.safeParse({ from: at("2026-03-01T00:00:00Z"), to: at("2026-05-02T00:00:00Z") }).success).toBe(true);
    expect(calendarInput.safeParse({ from: at("2026-03-01T00:00:00Z"), to: at("2026-05-03T00:00:00Z") }).success).toBe(false);
  });

  it("keeps the agency settings form valid without a time zone", () => {
    const form = { optionalPlanDomains: [], allowPlanSelfApproval: false, reviewIntervalDays: 90, version: 0 };
    expect(updateAgencySettingsInput.safeParse(form).success).toBe(true);
    expect(updateAgencySettingsInput.safeParse({ ...form, timeZone: "Asia/Makassar" }).success).toBe(true);
    expect(updateAgencySettingsInput.safeParse({ ...form, timeZone: "Nowhere/Else" }).success).toBe(false);
  });
});
