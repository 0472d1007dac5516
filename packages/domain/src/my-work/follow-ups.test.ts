import { describe, expect, it } from "vitest";
import { followUpRefusal } from "./follow-ups";

const closed = { status: "closed" as const, followUpDates: ["2026-06-01", "2026-12-01"], today: "2026-06-01" };

describe("followUpRefusal", () => {
  it("allows a scheduled date that has come, on a closed case", () => {
    expect(followUpRefusal({ dueOn: "2026-06-01", outcome: "doing_well", reopen: false }, closed)).toBeNull();
    expect(followUpRefusal({ dueOn: "2026-06-01", outcome: "serious_concerns", reopen: true }, closed)).toBeNull();
  });

  it("names what is wrong", () => {
    expect(followUpRefusal({ dueOn: "2026-12-01", outcome: "doing_well", reopen: false }, closed)).toBe("follow_up_not_due");
    expect(followUpRefusal({ dueOn: "2026-05-31", outcome: "doing_well", reopen: false }, closed)).toBe("unknown_follow_up");
    expect(followUpRefusal({ dueOn: "2026-06-01", outcome: "doing_well", reopen: false }, { ...closed, followUpDates: null })).toBe("unknown_follow_up");
    expect(followUpRefusal({ dueOn: "2026-06-01", outcome: "doing_well", reopen: false }, { ...closed, status: "active" })).toBe("case_not_closed");
    expect(followUpRefusal({ dueOn: "2026-06-01", outcome: "some_concerns", reopen: true }, closed)).toBe("reopen_needs_serious_outcome");
  });
});
