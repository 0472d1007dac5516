/**
 * A social worker's My work: each item appears when its condition holds and goes when the work is
 * done, on the cases whose care team they are on, and nobody else sees it. One world per file; each
 * test works on cases of its own (filtered by case id), so the clock moving on for one does not
 * disturb another.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@lentera/domain";
import { expectCode } from "./expect-error";
import { DAY, HOUR, itemsFor, onlyTheseSee, workWorld, type Actor, type WorkWorld } from "./my-work-fixture";

let w: WorkWorld;
let everyone: Actor[];
beforeAll(async () => {
  w = await workWorld();
  everyone = [w.sw, w.swSameTeam, w.counselor, w.supervisor, w.swB, w.counselorB, w.supervisorB, w.admin, w.outsider];
});
afterAll(() => w.t.close());

describe("sections by role", () => {
  it("a social worker has the six social-worker sections, even when empty", async () => {
    const work = await w.swSameTeam.api.myWork.get();
    expect(work.sections.map((section) => [section.role, section.key])).toEqual([
      ["social_worker", "review_due"],
      ["social_worker", "outcome_missing"],
      ["social_worker", "no_contact"],
      ["social_worker", "milestone_overdue"],
      ["social_worker", "follow_up_due"],
      ["social_worker", "takedown_follow_up"],
    ]);
    expect(work.teamOverdue).toBeNull();
    expect(work.today).toBe(w.today());
    expect(work.timeZone).toBe("Asia/Jakarta");
  });

  it("without a session: UNAUTHORIZED", async () => {
    await expectCode(w.t.caller(null).api.myWork.get(), "UNAUTHORIZED");
    await expectCode(w.t.caller(null).api.myWork.counts(), "UNAUTHORIZED");
  });
});

describe("appointment with no outcome", () => {
  it("appears once the appointment has ended, for the care team's social worker and the staff member; goes when the outcome is recorded", async () => {
    const { caseId, caseNumber, alias } = await w.newCase();
    const later = await w.book(caseId, w.counselor, HOUR);
    expect(await itemsFor(w.sw, "outcome_missing", caseId)).toEqual([]);
    const ended = await w.book(caseId, w.counselor, -2 * HOUR, { minutes: 60 });
    const [item] = await itemsFor(w.sw, "outcome_missing", caseId);
    expect(item).toMatchObject({
      kind: "outcome_missing",
      caseId,
      caseNumber,
      alias,
      at: ended.endsAt,
      facts: { appointmentId: ended.id, appointmentKind: "counseling", startsAt: ended.startsAt, endsAt: ended.endsAt, staff: { id: w.counselor.user.id } },
      link: { page: "appointment", caseId, targetId: ended.id },
    });
    expect((await itemsFor(w.sw, "outcome_missing", caseId)).map((i) => i.kind === "outcome_missing" && i.facts.appointmentId)).not.toContain(later.id);
    await onlyTheseSee("outcome_missing", caseId, everyone, [w.sw]);

    await w.counselor.api.appointments.recordOutcome({ appointmentId: ended.id, version: ended.version, outcome: "attended" });
    expect(await itemsFor(w.sw, "outcome_missing", caseId)).toEqual([]);
  });

  it("a social worker booked on a case they are not on sees their own appointment, without the alias", async () => {
    const { caseId } = await w.newCase();
    const visit = await w.book(caseId, w.swSameTeam, -3 * HOUR, { kind: "home_visit" });
    const [item] = await itemsFor(w.swSameTeam, "outcome_missing", caseId);
    expect(item).toMatchObject({ alias: null, facts: { appointmentId: visit.id, appointmentKind: "home_visit" } });
    await onlyTheseSee("outcome_missing", caseId, everyone, [w.sw, w.swSameTeam]);
    await w.swSameTeam.api.appointments.recordOutcome({ appointmentId: visit.id, version: visit.version, outcome: "no_show" });
    expect(await itemsFor(w.swSameTeam, "outcome_missing", caseId)).toEqual([]);
    expect(await itemsFor(w.sw, "outcome_missing", caseId)).toEqual([]);
  });

  it("a cancelled appointment is not waiting for an outcome", async () => {
    const { caseId } = await w.newCase();
    const ended = await w.book(caseId, w.counselor, -5 * HOUR);
    expect(await itemsFor(w.sw, "outcome_missing", caseId)).toHaveLength(1);
    await w.sw.api.appointments.cancel({ appointmentId: ended.id, version: ended.version, reason: "The family moved the meeting" });
    expect(await itemsFor(w.sw, "outcome_missing", caseId)).toEqual([]);
  });
});

describe("milestone past its target date", () => {
  it("appears the day after the target while planned, in progress or regressed; goes when achieved or not applicable", async () => {
    const { caseId } = await w.newCase();
    await w.addMilestone(caseId, { targetDate: w.today() });
    expect(await itemsFor(w.sw, "milestone_overdue", caseId)).toEqual([]);
    let late = await w.addMilestone(caseId, { targetDate: addDays(w.today(), -3) });
    late = await w.setMilestoneStatus(late, "in_progress");
    const [item] = await itemsFor(w.sw, "milestone_overdue", caseId);
    expect(item).toMatchObject({
      dueOn: addDays(w.today(), -3),
      facts: { milestoneId: late.id, catalogKey: "enrolled_in_school", customTitle: null, domain: "education", status: "in_progress" },
      link: { page: "milestone", caseId, targetId: late.id },
    });
    await onlyTheseSee("milestone_overdue", caseId, everyone, [w.sw]);

    late = await w.setMilestoneStatus(late, "achieved");
    expect(await itemsFor(w.sw, "milestone_overdue", caseId)).toEqual([]);
    late = await w.setMilestoneStatus(late, "regressed");
    expect(await itemsFor(w.sw, "milestone_overdue", caseId)).toMatchObject([{ facts: { status: "regressed" } }]);
    await w.setMilestoneStatus(late, "not_applicable");
    expect(await itemsFor(w.sw, "milestone_overdue", caseId)).toEqual([]);
  });

  it("a closed case's milestones are not overdue work", async () => {
    const { caseId } = await w.newCase();
    await w.addMilestone(caseId, { targetDate: addDays(w.today(), -1) });
    expect(await itemsFor(w.sw, "milestone_overdue", caseId)).toHaveLength(1);
    await w.closeCase(caseId);
    expect(await itemsFor(w.sw, "milestone_overdue", caseId)).toEqual([]);
  });
});

describe("plan review due or overdue", () => {
  it("shows seven days before the review is due, is marked overdue after, and goes when the review is recorded", async () => {
    const { caseId } = await w.newCase();
    const plan = await w.planInForce(caseId); // reviewIntervalDays 30: first review due in 30 days
    expect(await itemsFor(w.sw, "review_due", caseId)).toEqual([]);
    // Due 30 days after the approval's UTC date; "today" is Jakarta's, up to a day ahead of UTC.
    w.t.advanceClock(21 * DAY);
    expect(await itemsFor(w.sw, "review_due", caseId)).toEqual([]);
    w.t.advanceClock(3 * DAY);
    const [soon] = await itemsFor(w.sw, "review_due", caseId);
    expect(soon).toMatchObject({ kind: "review_due", facts: { goals: 1, overdueGoals: 0, overdue: false }, link: { page: "plan", caseId } });
    expect(soon?.dueOn && soon.dueOn > w.today()).toBe(true);
    await onlyTheseSee("review_due", caseId, everyone, [w.sw]);

    w.t.advanceClock(8 * DAY);
    const [late] = await itemsFor(w.sw, "review_due", caseId);
    expect(late).toMatchObject({ facts: { goals: 1, overdueGoals: 1, overdue: true } });
    expect(late?.dueOn && late.dueOn < w.today()).toBe(true);

    await w.sw.api.plans.recordReview({ caseId, goalKey: plan.goalKey, reviewedOn: w.today(), progress: 40 });
    expect(await itemsFor(w.sw, "review_due", caseId)).toEqual([]);
  });
});

describe("no contact", () => {
  it("an open case with no attended appointment and no session for the agency's days (14 here), counted from its opening", async () => {
    const { caseId } = await w.newCase();
    w.t.advanceClock(13 * DAY);
    expect(await itemsFor(w.sw, "no_contact", caseId)).toEqual([]);
    w.t.advanceClock(1 * DAY);
    const [item] = await itemsFor(w.sw, "no_contact", caseId);
    expect(item).toMatchObject({
      kind: "no_contact",
      dueOn: w.today(),
      facts: { lastContactOn: null, daysWithoutContact: 14, noContactDays: 14 },
      link: { page: "case", caseId, targetId: null },
    });
    await onlyTheseSee("no_contact", caseId, everyone, [w.sw]);

    // A session is contact.
    await w.draftNote(caseId);
    expect(await itemsFor(w.sw, "no_contact", caseId)).toEqual([]);
    const sessionDay = w.today();

    // Fourteen days later it is due again, counted from that session.
    w.t.advanceClock(14 * DAY);
    const [again] = await itemsFor(w.sw, "no_contact", caseId);
    expect(again).toMatchObject({ facts: { lastContactOn: sessionDay, daysWithoutContact: 14 } });

    // An attended appointment is contact too; a missed one is not.
    const missed = await w.book(caseId, w.sw, -3 * HOUR, { kind: "home_visit" });
    await w.sw.api.appointments.recordOutcome({ appointmentId: missed.id, version: missed.version, outcome: "no_show" });
    expect(await itemsFor(w.sw, "no_contact", caseId)).toHaveLength(1);
    const visit = await w.book(caseId, w.sw, -2 * HOUR, { kind: "home_visit" });
    await w.sw.api.appointments.recordOutcome({ appointmentId: visit.id, version: visit.version, outcome: "attended" });
    expect(await itemsFor(w.sw, "no_contact", caseId)).toEqual([]);
  });

  it("a case the agency's setting has not yet reached, or a closed one, is not listed", async () => {
    const { caseId } = await w.newCase();
    w.t.advanceClock(15 * DAY);
    expect(await itemsFor(w.sw, "no_contact", caseId)).toHaveLength(1);
    await w.closeCase(caseId);
    expect(await itemsFor(w.sw, "no_contact", caseId)).toEqual([]);
  });
});

describe("post-closure follow-up due", () => {
  it("appears when a follow-up date arrives (6 months after closure) and goes when its outcome is recorded", async () => {
    const { caseId } = await w.newCase();
    await w.closeCase(caseId);
    const { followUps } = await w.sw.api.followUps.byCase({ caseId });
    const [first, second] = followUps.map((followUp) => followUp.dueOn);
    expect(await itemsFor(w.sw, "follow_up_due", caseId)).toEqual([]);
    w.t.advanceClock(184 * DAY);
    const items = await itemsFor(w.sw, "follow_up_due", caseId);
    expect(items).toMatchObject([{ kind: "follow_up_due", dueOn: first, link: { page: "follow_up", caseId, targetId: null } }]);
    await onlyTheseSee("follow_up_due", caseId, everyone, [w.sw]);

    await w.sw.api.followUps.record({ caseId, dueOn: first ?? "", outcome: "doing_well" });
    expect(await itemsFor(w.sw, "follow_up_due", caseId)).toEqual([]);

    w.t.advanceClock(183 * DAY);
    expect((await itemsFor(w.sw, "follow_up_due", caseId)).map((item) => item.dueOn)).toEqual([second]);
    // Reopening clears the schedule: nothing is due on an open case.
    await w.sw.api.followUps.record({ caseId, dueOn: second ?? "", outcome: "serious_concerns", reopen: true });
    expect(await itemsFor(w.sw, "follow_up_due", caseId)).toEqual([]);
  });
});

describe("counts", () => {
  it("match the page, section by section, for every role", async () => {
    for (const who of everyone) {
      const [work, counts] = await Promise.all([who.api.myWork.get(), who.api.myWork.counts()]);
      const expected = Object.fromEntries(work.sections.map((section) => [section.key, section.items.length]));
      expect(counts.bySection).toEqual(expected);
      expect(counts.total).toBe(Object.values(expected).reduce((sum, n) => sum + n, 0));
    }
  });
});
