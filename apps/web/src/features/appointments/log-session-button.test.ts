import { describe, expect, it } from "vitest";
import { offersSessionLog } from "./log-session-button";

const NOW = Date.parse("2026-03-02T03:00:00Z");
const counselor = { id: "c1", roles: ["counselor" as const] };
const appointment = {
  kind: "counseling" as const,
  staffUserId: "c1",
  status: "scheduled" as const,
  startsAt: new Date(NOW - 30 * 60_000),
};

describe("offersSessionLog", () => {
  it("offers the counselor's own counseling appointment once it has started, scheduled or attended", () => {
    expect(offersSessionLog(appointment, counselor, NOW)).toBe(true);
    expect(offersSessionLog({ ...appointment, status: "attended" }, counselor, NOW)).toBe(true);
  });

  it("does not offer it before it starts, when missed or called off, for another kind, or to someone else", () => {
    expect(offersSessionLog({ ...appointment, startsAt: new Date(NOW + 60_000) }, counselor, NOW)).toBe(false);
    expect(offersSessionLog({ ...appointment, status: "no_show" }, counselor, NOW)).toBe(false);
    expect(offersSessionLog({ ...appointment, status: "cancelled" }, counselor, NOW)).toBe(false);
    expect(offersSessionLog({ ...appointment, kind: "home_visit" }, counselor, NOW)).toBe(false);
    expect(offersSessionLog(appointment, { id: "c2", roles: ["counselor"] }, NOW)).toBe(false);
    expect(offersSessionLog(appointment, { id: "c1", roles: ["social_worker"] }, NOW)).toBe(false);
  });
});
