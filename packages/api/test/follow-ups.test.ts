/** Post-closure follow-ups: listing, the recording rules, reopening, and who may do what. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@lentera/domain";
import { domainCause, expectCode } from "./expect-error";
import { DAY, workWorld, type Actor, type WorkWorld } from "./my-work-fixture";

let w: WorkWorld;
/** Closed now: follow-ups due in 6 and 12 months. */
let closed: { caseId: string; caseNumber: string; dates: string[] };
/** Still open. */
let open: { caseId: string };

beforeAll(async () => {
  w = await workWorld();
  const created = await w.newCase();
  await w.closeCase(created.caseId);
  const { followUps } = await w.sw.api.followUps.byCase({ caseId: created.caseId });
  closed = { ...created, dates: followUps.map((followUp) => followUp.dueOn) };
  open = await w.newCase();
});
afterAll(() => w.t.close());

async function refused(promise: Promise<unknown>, code: "BAD_REQUEST" | "CONFLICT" | "FORBIDDEN" | "NOT_FOUND", reason?: string) {
  const error = await expectCode(promise, code);
  if (reason) expect(domainCause(error).reason).toBe(reason);
}

describe("followUps.byCase", () => {
  it("lists the dates scheduled at closure, none due yet, with what the reader may do", async () => {
    const list = await w.sw.api.followUps.byCase({ caseId: closed.caseId });
    expect(list).toMatchObject({ caseId: closed.caseId, caseStatus: "closed", today: w.today(), canRecord: true });
    expect(list.followUps).toEqual(closed.dates.map((dueOn) => ({ dueOn, scheduled: true, due: false, outcome: null })));
    expect(closed.dates).toHaveLength(2);
    expect((await w.sw.api.followUps.byCase({ caseId: open.caseId })).followUps).toEqual([]);
    expect((await w.sw.api.followUps.byCase({ caseId: open.caseId })).canRecord).toBe(false);
  });

  it("the care team and the team's supervisor may record; a break-glass reader may only read; nobody else reaches it", async () => {
    for (const who of [w.sw, w.counselor, w.supervisor]) {
      expect((await who.api.followUps.byCase({ caseId: closed.caseId })).canRecord).toBe(true);
    }
    const reader = await w.t.signedInUser({ agencyId: w.agencyId, roles: ["social_worker"], teamIds: [w.teamB] });
    await reader.api.cases.breakGlass({ caseNumber: closed.caseNumber, reason: "Police asked at night" });
    expect((await reader.api.followUps.byCase({ caseId: closed.caseId })).canRecord).toBe(false);
    await refused(reader.api.followUps.record({ caseId: closed.caseId, dueOn: closed.dates[0] ?? "", outcome: "doing_well" }), "FORBIDDEN");
    for (const who of [w.swSameTeam, w.supervisorB, w.counselorB, w.admin, w.outsider]) {
      await refused(who.api.followUps.byCase({ caseId: closed.caseId }), "NOT_FOUND");
      await refused(who.api.followUps.record({ caseId: closed.caseId, dueOn: closed.dates[0] ?? "", outcome: "doing_well" }), "NOT_FOUND");
    }
    await refused(w.sw.api.followUps.byCase({ caseId: randomUUID() }), "NOT_FOUND");
    await expectCode(w.t.caller(null).api.followUps.byCase({ caseId: closed.caseId }), "UNAUTHORIZED");
  });
});

describe("followUps.record: the rules", () => {
  const first = () => closed.dates[0] ?? "";

  it("refuses a date that is not one of the case's follow-ups", async () => {
    await refused(w.sw.api.followUps.record({ caseId: closed.caseId, dueOn: w.today(), outcome: "doing_well" }), "BAD_REQUEST", "unknown_follow_up");
  });

  it("refuses a follow-up before its date", async () => {
    await refused(w.sw.api.followUps.record({ caseId: closed.caseId, dueOn: first(), outcome: "doing_well" }), "BAD_REQUEST", "follow_up_not_due");
  });

  it("refuses an open case", async () => {
    await refused(w.sw.api.followUps.record({ caseId: open.caseId, dueOn: first(), outcome: "doing_well" }), "CONFLICT", "case_not_closed");
  });

  it("refuses reopening without a serious concern", async () => {
    for (const outcome of ["doing_well", "some_concerns", "not_reached"] as const) {
      await refused(
        w.sw.api.followUps.record({ caseId: closed.caseId, dueOn: first(), outcome, reopen: true }),
        "BAD_REQUEST",
        "reopen_needs_serious_outcome",
      );
    }
  });

  it("records a due follow-up once (with the day in the agency's zone), audited without its note", async () => {
    w.t.advanceClock(184 * DAY);
    const note = "Lives with her aunt, attends school, no contact from the man";
    const recorded = await w.counselor.api.followUps.record({ caseId: closed.caseId, dueOn: first(), outcome: "some_concerns", note });
    expect(recorded).toMatchObject({ caseId: closed.caseId, dueOn: first(), outcome: "some_concerns", reopened: false, caseStatus: "closed" });
    await refused(w.sw.api.followUps.record({ caseId: closed.caseId, dueOn: first(), outcome: "doing_well" }), "CONFLICT", "follow_up_recorded");

    const list = await w.sw.api.followUps.byCase({ caseId: closed.caseId });
    expect(list.followUps[0]).toMatchObject({
      dueOn: first(),
      due: true,
      outcome: { outcome: "some_concerns", note, reopened: false, recordedBy: { id: w.counselor.user.id, name: w.counselor.user.displayName } },
    });
    expect(list.followUps[1]).toMatchObject({ due: false, outcome: null });

    const [event] = (await w.t.auditForCase(closed.caseId)).filter((entry) => entry.action === "follow_up.recorded");
    expect(event).toMatchObject({ actorUserId: w.counselor.user.id, details: { dueOn: first(), withNote: true } });
    expect(JSON.stringify(event)).not.toContain("aunt");
  });

  it("a serious concern can reopen the case, in the same change, through the case workflow", async () => {
    const second = closed.dates[1] ?? "";
    await refused(w.sw.api.followUps.record({ caseId: closed.caseId, dueOn: second, outcome: "serious_concerns" }), "BAD_REQUEST", "follow_up_not_due");
    w.t.advanceClock(183 * DAY);
    const before = await w.versionOf(closed.caseId);
    const recorded = await w.supervisor.api.followUps.record({ caseId: closed.caseId, dueOn: second, outcome: "serious_concerns", reopen: true });
    expect(recorded).toMatchObject({ reopened: true, caseStatus: "active", caseVersion: before + 1 });

    const overview = await w.sw.api.cases.byId({ caseId: closed.caseId });
    expect(overview).toMatchObject({ status: "active", closedAt: null, closureReason: null, followUpDates: null });
    const actions = (await w.t.auditForCase(closed.caseId)).map((entry) => entry.action).filter((action) => action !== "case.viewed");
    expect(actions.slice(0, 2).sort()).toEqual(["case.reopened", "follow_up.recorded"]);
    const [reopened] = (await w.t.auditForCase(closed.caseId)).filter((entry) => entry.action === "case.reopened");
    expect(reopened).toMatchObject({ changes: { status: { from: "closed", to: "active" } }, details: { followUpDueOn: second, followUpOutcome: "serious_concerns" } });

    // The schedule is gone with the closure; what was recorded stays.
    const list = await w.sw.api.followUps.byCase({ caseId: closed.caseId });
    expect(list).toMatchObject({ caseStatus: "active", canRecord: false });
    expect(list.followUps.map((followUp) => [followUp.dueOn, followUp.scheduled, followUp.outcome?.outcome, followUp.outcome?.reopened])).toEqual([
      [closed.dates[0], false, "some_concerns", false],
      [second, false, "serious_concerns", true],
    ]);
    await refused(w.sw.api.followUps.record({ caseId: closed.caseId, dueOn: second, outcome: "doing_well" }), "CONFLICT", "case_not_closed");
  });

  it("refuses a malformed input before anything else", async () => {
    await expectCode(w.sw.api.followUps.record({ caseId: closed.caseId, dueOn: "31-12-2026", outcome: "doing_well" }), "BAD_REQUEST");
    await expectCode(
      w.sw.api.followUps.record({ caseId: closed.caseId, dueOn: addDays(w.today(), -1), outcome: "fine" as "doing_well" }),
      "BAD_REQUEST",
    );
  });
});

describe("who records", () => {
  it("each role on a freshly closed case whose follow-up is due", async () => {
    const cases: { caseId: string; dueOn: string }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const created = await w.newCase();
      await w.closeCase(created.caseId);
      const { followUps } = await w.sw.api.followUps.byCase({ caseId: created.caseId });
      cases.push({ caseId: created.caseId, dueOn: followUps[0]?.dueOn ?? "" });
    }
    w.t.advanceClock(184 * DAY);
    const allowed: Actor[] = [w.sw, w.counselor, w.supervisor];
    for (const [index, who] of allowed.entries()) {
      const target = cases[index];
      if (!target) throw new Error("missing case");
      expect((await who.api.followUps.record({ ...target, outcome: "not_reached" })).outcome).toBe("not_reached");
    }
  });
});
