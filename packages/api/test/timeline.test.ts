/**
 * A case's timeline: every kind of event of its life, newest first, facts only. No reader — clinical
 * or not — gets session content, a risk-check answer, a screening total, an addendum or any free
 * text a person wrote; a non-clinical reader does not even get the note's id.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeAssessments } from "@lentera/db";
import { TIMELINE_KINDS, type Timeline, type TimelineAction, type TimelineEntry } from "@lentera/domain";
import { expectCode } from "./expect-error";
import { noRisk, phqAnswers, PHRASE } from "./sessions-fixture";
import { DAY, HOUR, MINUTE, workWorld, type Actor, type WorkWorld } from "./my-work-fixture";

let w: WorkWorld;
let caseId: string;
let caseNumber: string;
let noteId: string;
let breakGlassReader: Actor;
let consentDay: string;

/** Free text people wrote along the way; none of it may reach a timeline. */
const SECRETS = {
  activate: "ACTIVATE-REASON-she-told-the-teacher",
  consentNote: "CONSENT-NOTE-aunt-signed-for-her",
  withdrawal: "WITHDRAWAL-REASON-father-objected",
  returnComment: "RETURN-COMMENT-add-a-legal-goal",
  cancel: "CANCEL-REASON-exam-week",
  addendum: "ADDENDUM-she-also-mentioned-a-second-account",
  assessmentNote: "ASSESSMENT-NOTE-sleeps-badly",
  evidence: "EVIDENCE-NOTE-enrolment-letter-seen",
  closureNote: "CLOSURE-NOTE-settled-with-grandmother",
  followUpNote: "FOLLOW-UP-NOTE-contacted-by-the-man-again",
  otherRisk: "OTHER-RISK-DETAIL-older-cousin",
};

const step = () => w.t.advanceClock(MINUTE);
const actionsOf = (timeline: Timeline) => timeline.entries.map((entry) => entry.action);
const entriesOf = <A extends TimelineAction>(timeline: Timeline, action: A) =>
  timeline.entries.filter((entry): entry is Extract<TimelineEntry, { action: A }> => entry.action === action);

beforeAll(async () => {
  w = await workWorld();
  ({ caseId, caseNumber } = await w.newCase());
  // Hours pass, so that the appointment held "two hours ago" below comes after the opening.
  w.t.advanceClock(3 * HOUR);
  await w.sw.api.cases.changeStatus({ caseId, version: await w.versionOf(caseId), transition: "activate", reason: SECRETS.activate });
  step();
  consentDay = w.today();
  const consent = await w.sw.api.cases.consents.record({ caseId, scope: "services", givenBy: "guardian", givenOn: consentDay, note: SECRETS.consentNote });
  step();
  await w.sw.api.cases.consents.withdraw({ consentId: consent.id, version: consent.version, withdrawnOn: consentDay, reason: SECRETS.withdrawal });
  step();
  const plan = await w.submittedPlan(caseId);
  step();
  const returned = await w.supervisor.api.plans.decide({ versionId: plan.versionId, version: plan.version, decision: "return", comment: SECRETS.returnComment });
  step();
  const resubmitted = await w.sw.api.plans.submit({ versionId: returned.id, version: returned.version });
  step();
  await w.supervisor.api.plans.decide({ versionId: resubmitted.id, version: resubmitted.version, decision: "approve" });
  step();

  // Appointments: one that took place (logged as a session), one cancelled, one moved.
  const held = await w.book(caseId, w.counselor, -2 * HOUR, { minutes: 50 });
  const cancelled = await w.book(caseId, w.counselor, 2 * DAY);
  const moved = await w.book(caseId, w.counselor, 3 * DAY);
  step();
  await w.sw.api.appointments.cancel({ appointmentId: cancelled.id, version: cancelled.version, reason: SECRETS.cancel });
  step();
  await w.sw.api.appointments.reschedule({
    appointmentId: moved.id,
    version: moved.version,
    startsAt: new Date(moved.startsAt.getTime() + DAY),
    endsAt: new Date(moved.endsAt.getTime() + DAY),
  });
  step();

  // The session: content, a risk check with a yes, a positive PHQ-A (total 13), signed, an addendum.
  ({ noteId } = await w.counselor.api.sessions.start({ caseId, appointmentId: held.id }));
  const saved = await w.counselor.api.sessions.save({
    noteId,
    version: 0,
    sessionDate: w.today(),
    durationMinutes: 50,
    modality: "in_person",
    format: "dap",
    sections: { data: PHRASE, assessment: "Low mood, engaged.", plan: "Safety plan review next week." },
    interventions: ["safety_planning"],
    nextStep: "Meet next Tuesday",
    riskCheck: { answers: { ...noRisk(), other: true }, otherDetail: SECRETS.otherRisk },
    screenings: [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: phqAnswers([2, 2, 2, 2, 2, 2, 1, 0, 0]) }],
  });
  await w.counselor.api.sessions.sign({ noteId, version: saved.version });
  await w.counselor.api.sessions.addAddendum({ noteId, body: SECRETS.addendum });
  step();

  // A completed outcome assessment (written as the outcomes procedures would).
  await w.t.db.insert(outcomeAssessments).values({
    id: randomUUID(),
    agencyId: w.agencyId,
    caseId,
    instrumentCode: "ijm-aso",
    instrumentVersion: 1,
    timepoint: "intake",
    assessedOn: w.today(),
    status: "completed",
    answers: { safety_1: 2 },
    note: SECRETS.assessmentNote,
    assessedBy: w.sw.user.id,
    completedAt: w.now(),
  });
  step();

  const milestone = await w.sw.api.milestones.add({ caseId, catalogKey: "enrolled_in_school", evidenceNote: SECRETS.evidence });
  step();
  await w.setMilestoneStatus(milestone, "achieved");
  step();

  // Closure, the first follow-up six months on, reopening on a serious concern.
  await w.sw.api.cases.requestClosure({ caseId, version: await w.versionOf(caseId), reason: "goals_achieved", note: SECRETS.closureNote });
  step();
  await w.supervisor.api.cases.decideClosure({ caseId, version: await w.versionOf(caseId), decision: "approve", comment: SECRETS.closureNote });
  w.t.advanceClock(184 * DAY);
  const { followUps } = await w.sw.api.followUps.byCase({ caseId });
  await w.sw.api.followUps.record({ caseId, dueOn: followUps[0]?.dueOn ?? "", outcome: "serious_concerns", note: SECRETS.followUpNote, reopen: true });
  step();

  breakGlassReader = w.swB;
  await breakGlassReader.api.cases.breakGlass({ caseNumber, reason: "Night call from the shelter" });
});
afterAll(() => w.t.close());

describe("what the timeline holds", () => {
  it("every kind of event of the case, newest first", async () => {
    const timeline = await w.supervisor.api.timeline.byCase({ caseId });
    const times = timeline.entries.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(timeline.entries.map((entry) => entry.kind))).toEqual(new Set(TIMELINE_KINDS));
    expect(timeline.nextCursor).toBeNull();
    // The follow-up and the reopening it caused happened in one transaction, at one instant.
    expect(new Set(actionsOf(timeline).slice(0, 2))).toEqual(new Set(["case_reopened", "follow_up_recorded"]));
    expect(timeline.entries[0]?.at).toEqual(timeline.entries[1]?.at);
    expect(actionsOf(timeline)[2]).toBe("closure_approved");
    expect(actionsOf(timeline).at(-1)).toBe("case_opened");
    expect(timeline.entries.at(-1)).toMatchObject({ kind: "intake", actor: { id: w.sw.user.id }, facts: { caseNumber, referralSource: "school" } });
  });

  it("status changes, closure and reopening", async () => {
    const timeline = await w.sw.api.timeline.byCase({ caseId, kinds: ["status"] });
    expect(actionsOf(timeline)).toEqual(["case_reopened", "closure_approved", "closure_requested", "status_changed"]);
    expect(entriesOf(timeline, "status_changed")[0]).toMatchObject({ facts: { from: "intake", to: "active" }, actor: { id: w.sw.user.id } });
    expect(entriesOf(timeline, "closure_approved")[0]).toMatchObject({ facts: { reason: "goals_achieved" }, actor: { id: w.supervisor.user.id } });
    expect(entriesOf(timeline, "case_reopened")[0]).toMatchObject({ actor: { id: w.sw.user.id } });
  });

  it("consent recorded and withdrawn; plan versions submitted, returned, submitted again and approved", async () => {
    const timeline = await w.sw.api.timeline.byCase({ caseId, kinds: ["consent", "plan"] });
    expect(actionsOf(timeline)).toEqual(["plan_approved", "plan_submitted", "plan_returned", "plan_submitted", "consent_withdrawn", "consent_recorded"]);
    expect(entriesOf(timeline, "consent_withdrawn")[0]).toMatchObject({ facts: { scope: "services", withdrawnOn: consentDay } });
    expect(entriesOf(timeline, "consent_recorded")[0]).toMatchObject({ facts: { scope: "services", givenBy: "guardian", expiresOn: null } });
    expect(entriesOf(timeline, "plan_approved")[0]).toMatchObject({ facts: { number: 1 }, actor: { id: w.supervisor.user.id } });
  });

  it("appointments: booked, held, cancelled, moved (kind and time)", async () => {
    const timeline = await w.sw.api.timeline.byCase({ caseId, kinds: ["appointment"] });
    expect(actionsOf(timeline).filter((action) => action === "appointment_booked")).toHaveLength(4); // three, and the moved one's new booking
    const [held] = entriesOf(timeline, "appointment_outcome");
    expect(held).toMatchObject({ facts: { outcome: "attended", appointmentKind: "counseling", staff: { id: w.counselor.user.id } } });
    expect(held?.at).toEqual(held?.facts.startsAt);
    const [moved] = entriesOf(timeline, "appointment_rescheduled");
    expect(moved?.facts.rescheduledTo?.startsAt.getTime()).toBe((moved?.facts.startsAt.getTime() ?? 0) + DAY);
    expect(entriesOf(timeline, "appointment_cancelled")[0]).toMatchObject({ actor: { id: w.sw.user.id } });
  });

  it("assessments, milestones and follow-ups", async () => {
    const timeline = await w.sw.api.timeline.byCase({ caseId, kinds: ["assessment", "milestone", "follow_up"] });
    expect(actionsOf(timeline)).toEqual(["follow_up_recorded", "milestone_status", "milestone_status", "assessment_completed"]);
    expect(entriesOf(timeline, "follow_up_recorded")[0]).toMatchObject({ facts: { outcome: "serious_concerns", reopened: true } });
    expect(entriesOf(timeline, "milestone_status").map((entry) => [entry.facts.fromStatus, entry.facts.toStatus])).toEqual([
      ["planned", "achieved"],
      [null, "planned"],
    ]);
    expect(entriesOf(timeline, "assessment_completed")[0]).toMatchObject({ facts: { instrumentCode: "ijm-aso", timepoint: "intake" } });
  });
});

describe("clinical content stays out", () => {
  const sessionOf = async (who: Actor) => entriesOf(await who.api.timeline.byCase({ caseId, kinds: ["session"] }), "session_held");

  it("everyone who may read the case sees that the session took place, and no more", async () => {
    for (const who of [w.sw, w.counselor, w.supervisor, breakGlassReader]) {
      const [session] = await sessionOf(who);
      expect(session).toMatchObject({
        kind: "session",
        actor: { id: w.counselor.user.id },
        facts: { durationMinutes: 50, modality: "in_person", counselor: { id: w.counselor.user.id }, attendance: "attended", status: "signed" },
      });
      expect(Object.keys(session?.facts ?? {}).sort()).toEqual(["attendance", "counselor", "durationMinutes", "modality", "sessionDate", "status"]);
    }
  });

  it("only a clinical reader (a counselor on the case, the team's supervisor) gets the link to the note", async () => {
    expect((await sessionOf(w.counselor))[0]?.link.noteId).toBe(noteId);
    expect((await sessionOf(w.supervisor))[0]?.link.noteId).toBe(noteId);
    expect((await sessionOf(w.sw))[0]?.link.noteId).toBeNull();
    expect((await sessionOf(breakGlassReader))[0]?.link.noteId).toBeNull();
    expect((await w.sw.api.timeline.byCase({ caseId })).clinical).toBe(false);
    expect((await w.counselor.api.timeline.byCase({ caseId })).clinical).toBe(true);
  });

  it("no section text, risk-check answer, screening total, addendum or other free text reaches any reader", async () => {
    for (const who of [w.sw, w.counselor, w.supervisor, breakGlassReader]) {
      const text = JSON.stringify(await who.api.timeline.byCase({ caseId }));
      for (const secret of [PHRASE, "Low mood", "Safety plan review", "Meet next Tuesday", ...Object.values(SECRETS)]) {
        expect(text, `${secret} for ${who.user.roles.join(",")}`).not.toContain(secret);
      }
      for (const clinicalKey of ["total", "band", "positive", "riskCheck", "answers", "sections", "addenda", "interventions", "criticalItems", "screenings"]) {
        expect(text).not.toContain(`"${clinicalKey}"`);
      }
      expect(text).not.toContain("self_harm");
      expect(text).not.toContain("phq-a");
    }
  });
});

describe("filtering and paging", () => {
  it("filters by kind", async () => {
    for (const kind of TIMELINE_KINDS) {
      const timeline = await w.sw.api.timeline.byCase({ caseId, kinds: [kind] });
      expect(timeline.entries.length, kind).toBeGreaterThan(0);
      expect(new Set(timeline.entries.map((entry) => entry.kind))).toEqual(new Set([kind]));
    }
    const both = await w.sw.api.timeline.byCase({ caseId, kinds: ["session", "follow_up"] });
    expect(new Set(both.entries.map((entry) => entry.kind))).toEqual(new Set(["session", "follow_up"]));
  });

  it("pages with a cursor: the pages together are the whole timeline, in order", async () => {
    const whole = await w.supervisor.api.timeline.byCase({ caseId });
    const paged: string[] = [];
    let before = undefined as Timeline["nextCursor"] | undefined;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await w.supervisor.api.timeline.byCase({ caseId, limit: 4, ...(before ? { before } : {}) });
      expect(page.entries.length).toBeLessThanOrEqual(4);
      paged.push(...page.entries.map((entry) => entry.id));
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    expect(paged).toEqual(whole.entries.map((entry) => entry.id));
    expect(new Set(paged).size).toBe(paged.length);
  });
});

describe("who may read it", () => {
  it("the care team, the team's supervisor and a break-glass reader; nobody else", async () => {
    for (const who of [w.sw, w.counselor, w.supervisor, breakGlassReader]) {
      expect((await who.api.timeline.byCase({ caseId })).caseId).toBe(caseId);
    }
    for (const who of [w.swSameTeam, w.supervisorB, w.counselorB, w.admin, w.outsider]) {
      await expectCode(who.api.timeline.byCase({ caseId }), "NOT_FOUND");
    }
    await expectCode(w.sw.api.timeline.byCase({ caseId: randomUUID() }), "NOT_FOUND");
    await expectCode(w.t.caller(null).api.timeline.byCase({ caseId }), "UNAUTHORIZED");
    await expectCode(w.sw.api.timeline.byCase({ caseId, limit: 501 }), "BAD_REQUEST");
  });
});
