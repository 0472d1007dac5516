import { describe, expect, it } from "vitest";
import { caseActionsFor } from "./case-actions";

const pendingClosure = {
  id: "0b7c2d3e-1111-4222-8333-944455556666",
  reason: "goals_achieved" as const,
  note: null,
  requestedAt: new Date("2026-03-01T10:00:00Z"),
  requestedBy: "Sari",
};

describe("caseActionsFor", () => {
  it("offers the care team the next step of the status machine and a closure request", () => {
    const intake = caseActionsFor({ access: "care_team", status: "intake", pendingClosure: null });
    expect(intake.transitions).toEqual(["activate"]);
    expect(intake.requestClosure).toBe(true);
    expect(intake.decideClosure).toBe(false);
    expect(caseActionsFor({ access: "care_team", status: "active", pendingClosure: null }).transitions).toEqual(["hold"]);
    expect(caseActionsFor({ access: "care_team", status: "on_hold", pendingClosure: null }).transitions).toEqual(["resume"]);
  });

  it("does not ask for closure twice, nor of a closed case, which can be reopened instead", () => {
    expect(caseActionsFor({ access: "care_team", status: "active", pendingClosure }).requestClosure).toBe(false);
    const closed = caseActionsFor({ access: "care_team", status: "closed", pendingClosure: null });
    expect(closed).toMatchObject({ transitions: [], requestClosure: false, reopen: true });
  });

  it("lets a supervisor decide a pending closure, but not request one", () => {
    const supervisor = caseActionsFor({ access: "supervisor", status: "active", pendingClosure });
    expect(supervisor).toMatchObject({ decideClosure: true, requestClosure: false, transitions: ["hold"] });
    expect(caseActionsFor({ access: "supervisor", status: "active", pendingClosure: null }).decideClosure).toBe(false);
  });

  it("lets only a supervisor of the team change the care team", () => {
    expect(caseActionsFor({ access: "supervisor", status: "active", pendingClosure: null }).manageCareTeam).toBe(true);
    expect(caseActionsFor({ access: "care_team", status: "active", pendingClosure: null }).manageCareTeam).toBe(false);
  });

  it("gives emergency access reading only (and the identifying details)", () => {
    expect(caseActionsFor({ access: "break_glass", status: "active", pendingClosure })).toEqual({
      transitions: [],
      requestClosure: false,
      decideClosure: false,
      reopen: false,
      edit: false,
      recordConsent: false,
      revealIdentity: true,
      manageCareTeam: false,
    });
  });
});
