/** A supervisor's My work, on the cases of the teams they supervise; an administrator's is empty. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@lentera/domain";
import { noRisk } from "./sessions-fixture";
import { DAY, HOUR, itemsFor, itemsOf, onlyTheseSee, workWorld, type Actor, type WorkWorld } from "./my-work-fixture";

let w: WorkWorld;
let everyone: Actor[];
beforeAll(async () => {
  // Achievements wait for a supervisor's verification in this agency.
  w = await workWorld({ milestoneVerificationRequired: true });
  everyone = [w.sw, w.swSameTeam, w.counselor, w.supervisor, w.swB, w.counselorB, w.supervisorB, w.admin, w.outsider];
});
afterAll(() => w.t.close());

describe("sections by role", () => {
  it("a supervisor has the five supervisor sections and the team's overdue work", async () => {
    const work = await w.supervisorB.api.myWork.get();
    expect(work.sections.map((section) => [section.role, section.key])).toEqual([
      ["supervisor", "plan_to_approve"],
      ["supervisor", "closure_to_decide"],
      ["supervisor", "risk_flag_open"],
      ["supervisor", "break_glass_to_review"],
      ["supervisor", "milestone_to_verify"],
    ]);
    expect(work.teamOverdue).toEqual([]);
  });

  it("an administrator's My work is empty, and so are its counts", async () => {
    const { caseId } = await w.newCase();
    await w.submittedPlan(caseId);
    expect(await w.admin.api.myWork.get()).toEqual({ today: w.today(), timeZone: "Asia/Jakarta", sections: [], teamOverdue: null });
    expect(await w.admin.api.myWork.counts()).toEqual({ total: 0, bySection: {} });
  });

  it("a user with two roles gets both roles' sections, in order", async () => {
    const both = await w.t.signedInUser({ agencyId: w.agencyId, roles: ["supervisor", "counselor"], teamIds: [w.teamB] });
    const work = await both.api.myWork.get();
    expect(work.sections.map((section) => section.role)).toEqual(["counselor", "counselor", "counselor", "supervisor", "supervisor", "supervisor", "supervisor", "supervisor"]);
  });
});

describe("plans to approve", () => {
  it("a submitted plan waits on its team's supervisor until decided", async () => {
    const { caseId, caseNumber, alias } = await w.newCase();
    const plan = await w.submittedPlan(caseId);
    const [item] = await itemsFor(w.supervisor, "plan_to_approve", caseId);
    expect(item).toMatchObject({
      kind: "plan_to_approve",
      caseNumber,
      alias,
      facts: { planVersionId: plan.versionId, number: 1, submittedBy: { id: w.sw.user.id }, mayDecide: true },
      link: { page: "plan", caseId, targetId: plan.versionId },
    });
    expect(item?.at).toBeInstanceOf(Date);
    await onlyTheseSee("plan_to_approve", caseId, everyone, [w.supervisor]);
    await w.supervisor.api.plans.decide({ versionId: plan.versionId, version: plan.version, decision: "approve" });
    expect(await itemsFor(w.supervisor, "plan_to_approve", caseId)).toEqual([]);
  });

  it("a returned plan leaves the list; one the supervisor drafted says they may not decide it", async () => {
    const { caseId } = await w.newCase();
    const plan = await w.submittedPlan(caseId);
    await w.supervisor.api.plans.decide({ versionId: plan.versionId, version: plan.version, decision: "return", comment: "Add a legal goal" });
    expect(await itemsFor(w.supervisor, "plan_to_approve", caseId)).toEqual([]);

    const other = await w.newCase();
    await w.submittedPlan(other.caseId, w.supervisor);
    expect(await itemsFor(w.supervisor, "plan_to_approve", other.caseId)).toMatchObject([{ facts: { mayDecide: false } }]);
  });
});

describe("closures to decide", () => {
  it("a pending closure request waits until approved or returned", async () => {
    const { caseId } = await w.newCase();
    await w.sw.api.cases.requestClosure({ caseId, version: await w.versionOf(caseId), reason: "moved_away", note: "Family moved to Surabaya" });
    const [item] = await itemsFor(w.supervisor, "closure_to_decide", caseId);
    expect(item).toMatchObject({ kind: "closure_to_decide", facts: { reason: "moved_away", requestedBy: { id: w.sw.user.id } }, link: { page: "closure", caseId } });
    expect(JSON.stringify(item)).not.toContain("Surabaya");
    await onlyTheseSee("closure_to_decide", caseId, everyone, [w.supervisor]);
    await w.supervisor.api.cases.decideClosure({ caseId, version: await w.versionOf(caseId), decision: "return", comment: "Transfer the case first" });
    expect(await itemsFor(w.supervisor, "closure_to_decide", caseId)).toEqual([]);

    await w.sw.api.cases.requestClosure({ caseId, version: await w.versionOf(caseId), reason: "transferred" });
    expect(await itemsFor(w.supervisor, "closure_to_decide", caseId)).toHaveLength(1);
    await w.supervisor.api.cases.decideClosure({ caseId, version: await w.versionOf(caseId), decision: "approve" });
    expect(await itemsFor(w.supervisor, "closure_to_decide", caseId)).toEqual([]);
  });
});

describe("open risk flags", () => {
  it("a flag raised in a session waits until acknowledged with the action taken", async () => {
    const { caseId } = await w.newCase();
    await w.draftNote(caseId, w.counselor, { riskCheck: { answers: { ...noRisk(), exploiter_contact: true } } });
    const [item] = await itemsFor(w.supervisor, "risk_flag_open", caseId);
    expect(item).toMatchObject({ kind: "risk_flag_open", facts: { kinds: ["exploiter_contact"], raisedBy: { id: w.counselor.user.id }, version: 0 } });
    await onlyTheseSee("risk_flag_open", caseId, everyone, [w.supervisor]);
    if (item?.kind !== "risk_flag_open") throw new Error("not a flag");
    await w.supervisor.api.supervision.acknowledgeFlag({ flagId: item.facts.flagId, version: item.facts.version, actionTaken: "Reported to the police unit" });
    expect(await itemsFor(w.supervisor, "risk_flag_open", caseId)).toEqual([]);
  });
});

describe("break-glass accesses to review", () => {
  it("an emergency access to a team's case waits on that team's supervisor until reviewed", async () => {
    const { caseId, caseNumber } = await w.newCase();
    await w.swB.api.cases.breakGlass({ caseNumber, reason: "Hotline call at night, child in danger" });
    const [item] = await itemsFor(w.supervisor, "break_glass_to_review", caseId);
    expect(item).toMatchObject({
      kind: "break_glass_to_review",
      facts: { user: { id: w.swB.user.id }, reason: "Hotline call at night, child in danger" },
      link: { page: "break_glass", caseId },
    });
    // The one who broke the glass does not review it, nor does their own supervisor.
    await onlyTheseSee("break_glass_to_review", caseId, everyone, [w.supervisor]);
    if (item?.kind !== "break_glass_to_review") throw new Error("not a grant");
    await w.supervisor.api.cases.reviewBreakGlass({ grantId: item.facts.grantId });
    expect(await itemsFor(w.supervisor, "break_glass_to_review", caseId)).toEqual([]);
  });
});

describe("milestones awaiting verification", () => {
  it("an achievement waits for the team's supervisor until verified", async () => {
    const { caseId } = await w.newCase();
    const milestone = await w.setMilestoneStatus(await w.addMilestone(caseId), "achieved");
    expect(milestone.awaitingVerification).toBe(true);
    const [item] = await itemsFor(w.supervisor, "milestone_to_verify", caseId);
    expect(item).toMatchObject({
      kind: "milestone_to_verify",
      dueOn: w.today(),
      facts: { milestoneId: milestone.id, catalogKey: "enrolled_in_school", achievedOn: w.today(), achievedBy: { id: w.sw.user.id }, mayVerify: true },
      link: { page: "milestone", caseId, targetId: milestone.id },
    });
    await onlyTheseSee("milestone_to_verify", caseId, everyone, [w.supervisor]);
    await w.supervisor.api.milestones.verify({ milestoneId: milestone.id, version: milestone.version, decision: "verify" });
    expect(await itemsFor(w.supervisor, "milestone_to_verify", caseId)).toEqual([]);
  });

  it("a rejected achievement leaves the list; the supervisor's own achievement says they may not verify it", async () => {
    const { caseId } = await w.newCase();
    const milestone = await w.setMilestoneStatus(await w.addMilestone(caseId), "achieved");
    await w.supervisor.api.milestones.verify({ milestoneId: milestone.id, version: milestone.version, decision: "reject", note: "No enrolment letter yet" });
    expect(await itemsFor(w.supervisor, "milestone_to_verify", caseId)).toEqual([]);

    const own = await w.setMilestoneStatus(await w.addMilestone(caseId, { by: w.supervisor }), "achieved", w.supervisor);
    expect(await itemsFor(w.supervisor, "milestone_to_verify", caseId)).toMatchObject([{ facts: { milestoneId: own.id, mayVerify: false } }]);
  });
});

describe("counts", () => {
  it("match the page for each role", async () => {
    for (const who of everyone) {
      const [work, counts] = await Promise.all([who.api.myWork.get(), who.api.myWork.counts()]);
      const expected = Object.fromEntries(work.sections.map((section) => [section.key, section.items.length]));
      expect(counts.bySection).toEqual(expected);
    }
    const counts = await w.supervisor.api.myWork.counts();
    expect(counts.total).toBeGreaterThan(0);
  });
});

describe("the team's overdue work per worker", () => {
  it("counts each worker's overdue reviews, appointments without outcome, drafts unsigned over 48 hours and milestones past target, until done", async () => {
    // A world of its own: these are counts over every case of the team.
    const v = await workWorld();
    try {
      const { caseId } = await v.newCase();
      const plan = await v.planInForce(caseId);
      const milestone = await v.addMilestone(caseId, { targetDate: addDays(v.today(), 3) });
      const ended = await v.book(caseId, v.counselor, 1 * HOUR);
      const draft = await v.draftNote(caseId);
      expect((await v.supervisor.api.myWork.get()).teamOverdue).toEqual([]);

      v.t.advanceClock(31 * DAY);
      const overdue = (await v.supervisor.api.myWork.get()).teamOverdue;
      expect(overdue).toEqual([
        { worker: { id: v.sw.user.id, name: v.sw.user.displayName }, overdueReviews: 1, outcomesMissing: 0, unsignedNotes: 0, milestonesPastTarget: 1 },
        { worker: { id: v.counselor.user.id, name: v.counselor.user.displayName }, overdueReviews: 0, outcomesMissing: 1, unsignedNotes: 1, milestonesPastTarget: 0 },
      ].sort((a, b) => a.worker.name.localeCompare(b.worker.name)));
      // Another team's supervisor sees none of it.
      expect((await v.supervisorB.api.myWork.get()).teamOverdue).toEqual([]);

      await v.sw.api.plans.recordReview({ caseId, goalKey: plan.goalKey, reviewedOn: v.today(), progress: 70 });
      await v.setMilestoneStatus(milestone, "achieved");
      await v.counselor.api.appointments.recordOutcome({ appointmentId: ended.id, version: ended.version, outcome: "attended" });
      await v.counselor.api.sessions.sign({ noteId: draft.noteId, version: draft.version });
      expect((await v.supervisor.api.myWork.get()).teamOverdue).toEqual([]);
      expect(itemsOf(await v.sw.api.myWork.get(), "review_due")).toEqual([]);
    } finally {
      await v.t.close();
    }
  });
});
