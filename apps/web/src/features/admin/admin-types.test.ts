import { describe, expect, it } from "vitest";
import { userStatus } from "./admin-types";

const now = new Date("2026-03-01T10:00:00Z");

describe("userStatus", () => {
  it("tells active, locked and deactivated accounts apart", () => {
    expect(userStatus({ active: true, lockedUntil: null }, now)).toBe("active");
    expect(userStatus({ active: true, lockedUntil: new Date("2026-03-01T10:15:00Z") }, now)).toBe("locked");
    expect(userStatus({ active: true, lockedUntil: new Date("2026-03-01T09:00:00Z") }, now)).toBe("active");
    expect(userStatus({ active: false, lockedUntil: new Date("2026-03-01T10:15:00Z") }, now)).toBe("deactivated");
  });
});
