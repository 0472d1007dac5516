import { describe, expect, it } from "vitest";
import { isFutureDate, latestTodayAnywhere } from "./dates";

describe("future dates", () => {
  it("accepts the local today of a user east of UTC while the server's UTC day is still yesterday", () => {
    // 06:00 in Jakarta (UTC+7) on 1 March is 23:00 UTC on 28 February.
    const now = new Date("2026-02-28T23:00:00Z");
    expect(isFutureDate("2026-03-01", now)).toBe(false);
    expect(isFutureDate("2026-03-02", now)).toBe(true);
  });

  it("is the UTC+14 calendar day", () => {
    expect(latestTodayAnywhere(new Date("2026-06-10T09:59:00Z"))).toBe("2026-06-10");
    expect(latestTodayAnywhere(new Date("2026-06-10T10:00:00Z"))).toBe("2026-06-11");
  });
});
