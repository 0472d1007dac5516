import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, auditEvents, caseOutcomeChanges, count, eq, planGoals, planVersions } from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import { addDays, RECOVERY_INSTRUMENT, type GoalInput } from "@lentera/domain";
import { createTestApi, type TestApi } from "../src/testing";
import { domainCause, expectCode } from "./expect-error";

let t: TestApi;
type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;
let sw: Actor; // primary social worker, team A
let swSameTeam: Actor; // team A, not on the care team
let counselor: Actor; // team A, on the care team
let supervisor: Actor; // supervises team A
let supervisorB: Actor; // supervises team B
let admin: Actor;
let outsider: Actor; // another agency
let agencyId: string;

const DAY = 24 * 60 * 60 * 1000;

async function newCase() {
  const created = await sw.api.cases.create({
    client: { alias: `Plan ${randomUUID().slice(0, 6)}`, estimatedAge: 15, sex: "female", address: { country: "ID", province: null } },
    identity: { legalName: "Sinta Wulandari" },
    harmTypes: ["sextortion"],
    referralSource: "hotline",
    riskLevel: "high",
  });
  await supervisor.api.cases.assignCareTeam({
    caseId: created.id,
    version: created.version,
    primarySocialWorkerId: sw.user.id,
    counselorIds: [counselor.user.id],
  });
  return created.id;
}

const goal = (domain: GoalInput["domain"], title: string, over: Partial<GoalInput> = {}): GoalInput => ({
  key: randomUUID(),
  domain,
  title,
  ...over,
});

const coreGoals = () => [
  goal("physical", "Completes the course of treatment", { outcomeDomain: "physical_wellbeing", target: "All visits attended" }),
  goal("psychological", "Sleeps through most nights", { outcomeDomain: "mental_wellbeing", status: "in_progress" }),
  goal("social", "Back at school", { outcomeDomain: "education_livelihood", interventions: [{ type: "education_support", providerName: "SMP Negeri 3", frequency: "weekly" }] }),
];

/** A draft with `goals`, saved by `actor`; returns the version id and its current version. */
async function draftWith(actor: Actor, caseId: string, goals: GoalInput[]) {
  const draft = await actor.api.plans.startDraft({ caseId });
  const saved = await actor.api.plans.saveDraft({ versionId: draft.id, version: draft.version, goals });
  return { versionId: draft.id, version: saved?.version ?? -1 };
}

/** A plan approved by the supervisor, drafted by the social worker. */
async function approvedPlan(caseId: string, goals = coreGoals()) {
  const draft = await draftWith(sw, caseId, goals);
  const submitted = await sw.api.plans.submit(draft);
  await supervisor.api.plans.decide({ versionId: draft.versionId, version: submitted?.version ?? -1, decision: "approve" });
  return draft.versionId;
}

const allAnswers = (value: number, over: Record<string, number> = {}) => ({
  ...Object.fromEntries(RECOVERY_INSTRUMENT.domains.flatMap((domain) => domain.items.map((item) => [item.id, value]))),
  ...over,
});

async function completedAssessment(actor: Actor, caseId: string, answers: Record<string, number>, assessedOn = new Date().toISOString().slice(0, 10)) {
  const saved = await actor.api.outcomes.save({
    caseId,
    assessmentId: null,
    version: 0,
    instrumentCode: RECOVERY_INSTRUMENT.code,
    instrumentVersion: RECOVERY_INSTRUMENT.version,
    timepoint: "intake",
    assessedOn,
    answers,
  });
  return actor.api.outcomes.complete({ assessmentId: saved?.id ?? "", version: saved?.version ?? -1 });
}

async function auditCount() {
  const [row] = await t.db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

beforeAll(async () => {
  t = await createTestApi();
  const agency = await makeAgency(t.db, { country: "ID" });
  agencyId = agency.id;
  const teamA = (await makeTeam(t.db, agency.id)).id;
  const teamB = (await makeTeam(t.db, agency.id)).id;
  sw = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  swSameTeam = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  counselor = await t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [teamA] });
  supervisor = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamA] });
  supervisorB = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamB] });
  admin = await t.signedInUser({ agencyId, roles: ["admin"] });
  const other = await makeAgency(t.db);
  outsider = await t.signedInUser({ agencyId: other.id, roles: ["supervisor"], teamIds: [(await makeTeam(t.db, other.id)).id] });
});
afterAll(() => t.close());

describe("drafting, submitting and approving a plan", () => {
  it("drafts goals in the three core domains, submits, and the supervisor's approval puts it in force", async () => {
    const caseId = await newCase();
    const empty = await sw.api.plans.byCase({ caseId });
    expect(empty).toMatchObject({ inForce: null, open: null, versions: [], permissions: { edit: true, decide: false } });
    expect(empty.settings.domains).toEqual(["physical", "psychological", "social"]);

    const goals = coreGoals();
    const draft = await draftWith(sw, caseId, goals);
    const withDraft = await sw.api.plans.byCase({ caseId });
    expect(withDraft.open).toMatchObject({ number: 1, status: "draft", draftedBy: { id: sw.user.id } });
    expect(withDraft.open?.goals.map((g) => [g.domain, g.title])).toEqual(goals.map((g) => [g.domain, g.title]));
    expect(withDraft.open?.goals[2]?.interventions).toEqual([
      { type: "education_support", providerPartnerId: null, providerName: "SMP Negeri 3", frequency: "weekly", startDate: null, endDate: null },
    ]);

    const submitted = await sw.api.plans.submit(draft);
    expect(submitted?.status).toBe("submitted");
    expect((await supervisor.api.plans.byCase({ caseId })).permissions.decide).toBe(true);
    const approved = await supervisor.api.plans.decide({ versionId: draft.versionId, version: submitted?.version ?? -1, decision: "approve", comment: "Good plan" });
    expect(approved?.status).toBe("approved");

    const plan = await sw.api.plans.byCase({ caseId });
    expect(plan.inForce).toMatchObject({ id: draft.versionId, number: 1, status: "approved", decidedBy: { id: supervisor.user.id }, decisionComment: "Good plan" });
    expect(plan.open).toBeNull();
    expect(plan.inForce?.goals).toHaveLength(3);
    const actions = (await t.auditForCase(caseId)).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["plan.draft_started", "plan.draft_saved", "plan.submitted", "plan.approved"]));
  });

  it("starts the next draft as a copy of the plan in force; approving it supersedes the older one, which stays readable", async () => {
    const caseId = await newCase();
    const first = await approvedPlan(caseId);
    const next = await sw.api.plans.startDraft({ caseId });
    expect(next).toMatchObject({ number: 2, status: "draft" });
    const before = await sw.api.plans.version({ versionId: first });
    expect(next.goals.map((g) => [g.key, g.title])).toEqual(before.goals.map((g) => [g.key, g.title]));
    // Asking again gives the same draft: one version is worked on at a time.
    expect((await counselor.api.plans.startDraft({ caseId })).id).toBe(next.id);

    const goals = next.goals.map((g) => ({ ...g, interventions: g.interventions.map((i) => ({ ...i, providerName: i.providerPartnerId ? null : i.providerName })) }));
    const [firstGoal] = goals;
    if (!firstGoal) throw new Error("no goal");
    const edited = [{ ...firstGoal, status: "achieved" as const }, ...goals.slice(1), goal("social", "Joins a youth group")];
    const saved = await counselor.api.plans.saveDraft({ versionId: next.id, version: next.version, goals: edited });
    const submitted = await counselor.api.plans.submit({ versionId: next.id, version: saved?.version ?? -1 });
    await supervisor.api.plans.decide({ versionId: next.id, version: submitted?.version ?? -1, decision: "approve" });

    const plan = await sw.api.plans.byCase({ caseId });
    expect(plan.inForce?.id).toBe(next.id);
    expect(plan.versions.map((v) => [v.number, v.status])).toEqual([
      [2, "approved"],
      [1, "superseded"],
    ]);
    const old = await sw.api.plans.version({ versionId: first });
    expect(old.status).toBe("superseded");
    expect(old.goals).toHaveLength(3);
    expect(plan.inForce?.goals).toHaveLength(4);
  });

  it("returning keeps the draft with the supervisor's comment; the care team edits and submits again", async () => {
    const caseId = await newCase();
    const draft = await draftWith(sw, caseId, coreGoals());
    const submitted = await sw.api.plans.submit(draft);
    await expectCode(supervisor.api.plans.decide({ versionId: draft.versionId, version: submitted?.version ?? -1, decision: "return" }), "BAD_REQUEST");
    const returned = await supervisor.api.plans.decide({ versionId: draft.versionId, version: submitted?.version ?? -1, decision: "return", comment: "Add a family goal" });
    expect(returned?.status).toBe("returned");
    const plan = await sw.api.plans.byCase({ caseId });
    expect(plan.open).toMatchObject({ status: "returned", decisionComment: "Add a family goal" });
    expect(plan.open?.goals).toHaveLength(3);
    expect(plan.inForce).toBeNull();
    expect((await t.auditForCase(caseId)).map((e) => e.action)).toContain("plan.returned");

    const goals = [...coreGoals(), goal("social", "Weekly family meeting")];
    const saved = await sw.api.plans.saveDraft({ versionId: draft.versionId, version: returned?.version ?? -1, goals });
    expect(saved?.status).toBe("draft");
    expect((await sw.api.plans.submit({ versionId: draft.versionId, version: saved?.version ?? -1 }))?.status).toBe("submitted");
  });

  it("refuses a stale save with CONFLICT and changes nothing", async () => {
    const caseId = await newCase();
    const draft = await sw.api.plans.startDraft({ caseId });
    const mine = await sw.api.plans.saveDraft({ versionId: draft.id, version: draft.version, goals: coreGoals() });
    const before = await auditCount();
    // The counselor still holds the version they opened.
    await expectCode(counselor.api.plans.saveDraft({ versionId: draft.id, version: draft.version, goals: [goal("social", "Overwrites")] }), "CONFLICT");
    const plan = await sw.api.plans.byCase({ caseId });
    expect(plan.open?.goals.map((g) => g.title)).toEqual(coreGoals().map((g) => g.title));
    expect(plan.open?.version).toBe(mine?.version);
    expect(await auditCount()).toBe(before);
    await expectCode(sw.api.plans.submit({ versionId: draft.id, version: draft.version }), "CONFLICT");
  });

  it("refuses a supervisor's approval of a plan they drafted, unless the agency allows self-approval", async () => {
    const caseId = await newCase();
    const draft = await draftWith(supervisor, caseId, coreGoals());
    const submitted = await sw.api.plans.submit(draft);
    expect((await supervisor.api.plans.byCase({ caseId })).permissions.decide).toBe(false);
    const error = await expectCode(supervisor.api.plans.decide({ versionId: draft.versionId, version: submitted?.version ?? -1, decision: "approve" }), "FORBIDDEN");
    expect(domainCause(error).reason).toBe("self_approval");
    expect((await sw.api.plans.byCase({ caseId })).open?.status).toBe("submitted");

    await t.db.update(agencies).set({ allowPlanSelfApproval: true }).where(eq(agencies.id, agencyId));
    try {
      const approved = await supervisor.api.plans.decide({ versionId: draft.versionId, version: submitted?.version ?? -1, decision: "approve" });
      expect(approved?.status).toBe("approved");
    } finally {
      await t.db.update(agencies).set({ allowPlanSelfApproval: false }).where(eq(agencies.id, agencyId));
    }
  });

  it("refuses an empty plan, a domain the agency has not switched on, and owners from elsewhere", async () => {
    const caseId = await newCase();
    const draft = await draftWith(sw, caseId, []);
    expect(domainCause(await expectCode(sw.api.plans.submit(draft), "BAD_REQUEST")).reason).toBe("plan_has_no_goals");
    const legal = [goal("legal", "Statement given to the police")];
    const refused = await expectCode(sw.api.plans.saveDraft({ ...draft, goals: legal }), "BAD_REQUEST");
    expect(domainCause(refused)).toEqual({ reason: "plan_domain_disabled", details: { domains: ["legal"] } });
    await expectCode(sw.api.plans.saveDraft({ ...draft, goals: [goal("social", "Owned elsewhere", { ownerUserId: outsider.user.id })] }), "BAD_REQUEST");
    await expectCode(sw.api.plans.saveDraft({ ...draft, goals: [goal("social", "Unknown domain", { outcomeDomain: "made_up" })] }), "BAD_REQUEST");

    const settings = await admin.api.admin.settings.get();
    await admin.api.admin.settings.update({ optionalPlanDomains: ["legal"], allowPlanSelfApproval: false, reviewIntervalDays: 90, version: settings.version });
    try {
      const partner = await supervisor.api.partners.create({ name: `LBH Harapan ${randomUUID().slice(0, 4)}`, kind: "legal_aid" });
      const saved = await sw.api.plans.saveDraft({ ...draft, goals: [goal("legal", "Statement given to the police", { ownerPartnerId: partner?.id ?? null })] });
      expect(saved?.version).toBe(draft.version + 1);
      expect((await sw.api.plans.byCase({ caseId })).open?.goals[0]).toMatchObject({ domain: "legal", ownerName: partner?.name });
    } finally {
      const current = await admin.api.admin.settings.get();
      await admin.api.admin.settings.update({ optionalPlanDomains: [], allowPlanSelfApproval: false, reviewIntervalDays: 90, version: current.version });
    }
  });

  it("refuses plan changes on a closed case", async () => {
    const caseId = await newCase();
    const draft = await draftWith(sw, caseId, coreGoals());
    const overview = await sw.api.cases.byId({ caseId });
    const requested = await sw.api.cases.requestClosure({ caseId, version: overview.version, reason: "goals_achieved" });
    await supervisor.api.cases.decideClosure({ caseId, version: requested?.version ?? -1, decision: "approve" });
    expect(domainCause(await expectCode(sw.api.plans.submit(draft), "CONFLICT")).reason).toBe("case_closed");
    expect((await sw.api.plans.byCase({ caseId })).permissions).toEqual({ edit: false, submit: false, decide: false, review: false });
  });
});

describe("the rule that joins assessments and plans", () => {
  it("refuses to submit while an at-risk domain has no open goal, naming the domains", async () => {
    const caseId = await newCase();
    // Safety (1) and legal protection (2) at risk, the rest stable.
    await completedAssessment(counselor, caseId, allAnswers(4, { safe_from_exploiters: 1, safe_home: 1, safe_online: 1, civil_documents: 2, knows_rights: 2, supported_in_justice: 2 }));
    const plan = await sw.api.plans.byCase({ caseId });
    expect(plan.atRiskDomains).toEqual(["safety", "legal_protection"]);

    const draft = await draftWith(sw, caseId, [...coreGoals(), goal("social", "No contact with the exploiter", { outcomeDomain: "safety", status: "achieved" })]);
    const before = await auditCount();
    const error = await expectCode(sw.api.plans.submit(draft), "BAD_REQUEST");
    expect(domainCause(error)).toEqual({ reason: "at_risk_domains_without_goals", details: { domains: ["safety", "legal_protection"] } });
    expect(await auditCount()).toBe(before);

    const covered = [
      ...coreGoals(),
      goal("social", "No contact with the exploiter", { outcomeDomain: "safety", status: "in_progress" }),
      goal("social", "Understands the court process", { outcomeDomain: "legal_protection" }),
    ];
    const saved = await sw.api.plans.saveDraft({ ...draft, goals: covered });
    expect((await sw.api.plans.submit({ versionId: draft.versionId, version: saved?.version ?? -1 }))?.status).toBe("submitted");
  });

  it("uses the latest completed assessment: a newer one without risks lifts the rule", async () => {
    const caseId = await newCase();
    const day = (offset: number) => new Date(Date.now() - offset * DAY).toISOString().slice(0, 10);
    await completedAssessment(sw, caseId, allAnswers(1), day(30));
    await completedAssessment(sw, caseId, allAnswers(3), day(1));
    expect((await sw.api.plans.byCase({ caseId })).atRiskDomains).toEqual([]);
    const draft = await draftWith(sw, caseId, [goal("social", "Any goal")]);
    expect((await sw.api.plans.submit(draft))?.status).toBe("submitted");
  });
});

describe("progress reviews", () => {
  it("records a dated review without a new version, with an audit event; due dates follow the interval", async () => {
    const caseId = await newCase();
    const versionId = await approvedPlan(caseId);
    const plan = await sw.api.plans.byCase({ caseId });
    const [first, second] = plan.inForce?.goals ?? [];
    if (!first || !second) throw new Error("goals missing");
    const today = new Date().toISOString().slice(0, 10);
    expect(plan.reviewsDue.find((due) => due.goalKey === first.key)).toMatchObject({ overdue: false });

    const review = await counselor.api.plans.recordReview({ caseId, goalKey: second.key, reviewedOn: today, progress: 40, note: "Sleeping better" });
    const after = await sw.api.plans.byCase({ caseId });
    expect(after.versions).toHaveLength(1);
    expect(after.inForce?.id).toBe(versionId);
    expect(after.reviews).toEqual([expect.objectContaining({ goalKey: second.key, progress: 40, rating: null, note: "Sleeping better" })]);
    const [event] = await t.auditFor(review?.id ?? "");
    expect(event).toMatchObject({ action: "plan.review_recorded", caseId, actorUserId: counselor.user.id });

    await expectCode(sw.api.plans.recordReview({ caseId, goalKey: first.key, reviewedOn: today }), "BAD_REQUEST");
    await expectCode(sw.api.plans.recordReview({ caseId, goalKey: first.key, reviewedOn: "2999-01-01", rating: "no_change" }), "BAD_REQUEST");
    await expectCode(sw.api.plans.recordReview({ caseId, goalKey: randomUUID(), reviewedOn: today, rating: "no_change" }), "NOT_FOUND");
  });

  it("shows an overdue review on the case and to the team's supervisor, not to another team's", async () => {
    const caseId = await newCase();
    await approvedPlan(caseId);
    const goals = (await sw.api.plans.byCase({ caseId })).inForce?.goals ?? [];
    const reviewed = goals[1];
    if (!reviewed) throw new Error("goal missing");
    t.advanceClock(60 * DAY);
    try {
      // Sessions do not survive months: sign in again at each point in time.
      const later = await t.signInAgain(sw.user.id);
      await later.plans.recordReview({ caseId, goalKey: reviewed.key, reviewedOn: t.deps.clock().toISOString().slice(0, 10), rating: "some_progress" });
      t.advanceClock(40 * DAY);
      const signedIn = { sw: await t.signInAgain(sw.user.id), supervisor: await t.signInAgain(supervisor.user.id), supervisorB: await t.signInAgain(supervisorB.user.id) };
      const plan = await signedIn.sw.plans.byCase({ caseId });
      // 100 days after approval: the two unreviewed open goals are overdue, the reviewed one is not (due at day 150).
      expect(plan.overdueReviewCount).toBe(2);
      expect(plan.reviewsDue.find((due) => due.goalKey === reviewed.key)?.overdue).toBe(false);
      const forSupervisor = (await signedIn.supervisor.plans.overdueReviews({ limit: 200 })).filter((row) => row.caseId === caseId);
      expect(forSupervisor.map((row) => row.goalKey).sort()).toEqual(goals.filter((g) => g.key !== reviewed.key).map((g) => g.key).sort());
      expect((await signedIn.sw.plans.overdueReviews({ limit: 200 })).some((row) => row.caseId === caseId)).toBe(true);
      expect((await signedIn.supervisorB.plans.overdueReviews({ limit: 200 })).some((row) => row.caseId === caseId)).toBe(false);
    } finally {
      t.advanceClock(-100 * DAY);
    }
  });
  it("takes a closed case's reviews off the list and puts them back when it reopens", async () => {
    const caseId = await newCase();
    await approvedPlan(caseId);
    const overview = await sw.api.cases.byId({ caseId });
    const requested = await sw.api.cases.requestClosure({ caseId, version: overview.version, reason: "goals_achieved" });
    const closed = await supervisor.api.cases.decideClosure({ caseId, version: requested?.version ?? -1, decision: "approve" });
    expect((await sw.api.plans.byCase({ caseId })).reviewsDue).toEqual([]);
    await supervisor.api.cases.reopen({ caseId, version: closed?.version ?? -1, reason: "New threats received" });
    t.advanceClock(91 * DAY);
    try {
      const later = await t.signInAgain(supervisor.user.id);
      expect((await later.plans.byCase({ caseId })).overdueReviewCount).toBe(3);
      expect((await later.plans.overdueReviews({ limit: 200 })).filter((row) => row.caseId === caseId)).toHaveLength(3);
    } finally {
      t.advanceClock(-91 * DAY);
    }
  });

  it("moves every scheduled review when the agency changes its review interval", async () => {
    const caseId = await newCase();
    await approvedPlan(caseId);
    const before = (await sw.api.plans.byCase({ caseId })).reviewsDue;
    const settings = await admin.api.admin.settings.get();
    await admin.api.admin.settings.update({ optionalPlanDomains: [], allowPlanSelfApproval: false, reviewIntervalDays: 30, version: settings.version });
    try {
      const after = (await sw.api.plans.byCase({ caseId })).reviewsDue;
      expect(after.map((due) => due.dueOn)).toEqual(before.map((due) => addDays(due.dueOn, -60)));
    } finally {
      const current = await admin.api.admin.settings.get();
      await admin.api.admin.settings.update({ optionalPlanDomains: [], allowPlanSelfApproval: false, reviewIntervalDays: 90, version: current.version });
    }
    expect((await sw.api.plans.byCase({ caseId })).reviewsDue).toEqual(before);
  });
});

describe("outcome assessments", () => {
  it("saves a draft scored as entered, completes it only when every item is answered, then never changes it", async () => {
    const caseId = await newCase();
    const draft = await counselor.api.outcomes.save({
      caseId,
      assessmentId: null,
      version: 0,
      instrumentCode: "lentera-recovery",
      instrumentVersion: 1,
      timepoint: "intake",
      assessedOn: new Date().toISOString().slice(0, 10),
      answers: { safe_from_exploiters: 1, safe_home: 2 },
    });
    const [listed] = await sw.api.outcomes.byCase({ caseId });
    expect(listed).toMatchObject({ status: "draft", assessedBy: { id: counselor.user.id } });
    expect(listed?.scores[0]).toMatchObject({ domain: "safety", score: 1.5, atRisk: true, answered: 2 });
    const incomplete = await expectCode(counselor.api.outcomes.complete({ assessmentId: draft?.id ?? "", version: draft?.version ?? -1 }), "BAD_REQUEST");
    expect(domainCause(incomplete)).toEqual({ reason: "assessment_incomplete", details: { missing: 14 } });

    const full = await counselor.api.outcomes.save({
      caseId,
      assessmentId: draft?.id ?? null,
      version: draft?.version ?? -1,
      instrumentCode: "lentera-recovery",
      instrumentVersion: 1,
      timepoint: "intake",
      assessedOn: new Date().toISOString().slice(0, 10),
      answers: allAnswers(3, { safe_from_exploiters: 1, safe_home: 2, safe_online: 2 }),
    });
    const completed = await counselor.api.outcomes.complete({ assessmentId: draft?.id ?? "", version: full?.version ?? -1 });
    expect(completed?.status).toBe("completed");
    const [done] = await sw.api.outcomes.byCase({ caseId });
    expect(done?.scores.find((s) => s.domain === "safety")).toMatchObject({ score: 1.67, atRisk: true, band: "at_risk" });
    expect(done?.scores.find((s) => s.domain === "social_support")).toMatchObject({ score: 3, atRisk: false });
    const events = await t.auditFor(draft?.id ?? "");
    expect(events.map((e) => e.action)).toEqual(["assessment.completed", "assessment.saved", "assessment.saved"]);

    const again = { caseId, assessmentId: draft?.id ?? null, version: completed?.version ?? -1, instrumentCode: "lentera-recovery", instrumentVersion: 1, timepoint: "intake" as const, assessedOn: "2026-01-01", answers: {} };
    expect(domainCause(await expectCode(counselor.api.outcomes.save(again), "CONFLICT")).reason).toBe("assessment_completed");
  });

  it("refuses answers off the scale, unknown instruments and future dates, changing nothing", async () => {
    const caseId = await newCase();
    const base = { caseId, assessmentId: null, version: 0, instrumentCode: "lentera-recovery", instrumentVersion: 1, timepoint: "ad_hoc" as const, assessedOn: "2026-01-01" };
    const before = await auditCount();
    const offScale = await expectCode(sw.api.outcomes.save({ ...base, answers: { safe_home: 7, invented: 1 } }), "BAD_REQUEST");
    expect(domainCause(offScale)).toEqual({ reason: "invalid_answers", details: { items: ["safe_home", "invented"] } });
    await expectCode(sw.api.outcomes.save({ ...base, instrumentCode: "nope", answers: {} }), "BAD_REQUEST");
    await expectCode(sw.api.outcomes.save({ ...base, assessedOn: "2999-01-01", answers: {} }), "BAD_REQUEST");
    expect(await auditCount()).toBe(before);
    expect(await sw.api.outcomes.byCase({ caseId })).toEqual([]);
  });

  it("lets an administrator add the agency's own instrument, seen only by that agency", async () => {
    const definition = {
      ...RECOVERY_INSTRUMENT,
      code: "stage-of-change",
      domains: RECOVERY_INSTRUMENT.domains.slice(0, 1),
    };
    await expectCode(supervisor.api.outcomes.createInstrument({ definition }), "FORBIDDEN");
    await admin.api.outcomes.createInstrument({ definition });
    expect(domainCause(await expectCode(admin.api.outcomes.createInstrument({ definition }), "CONFLICT")).reason).toBe("instrument_exists");
    expect(domainCause(await expectCode(admin.api.outcomes.createInstrument({ definition: RECOVERY_INSTRUMENT }), "CONFLICT")).reason).toBe("instrument_code_reserved");
    expect((await sw.api.outcomes.instruments()).map((d) => d.code)).toEqual(["lentera-recovery", "stage-of-change"]);
    expect((await outsider.api.outcomes.instruments()).map((d) => d.code)).toEqual(["lentera-recovery"]);
    const caseId = await newCase();
    const saved = await sw.api.outcomes.save({ caseId, assessmentId: null, version: 0, instrumentCode: "stage-of-change", instrumentVersion: 1, timepoint: "ad_hoc", assessedOn: "2026-01-01", answers: { safe_home: 2 } });
    expect(saved?.status).toBe("draft");
  });
});

describe("who may do what with a plan", () => {
  let caseId: string;
  let openVersion: { versionId: string; version: number };
  let inForceGoalKey: string;
  beforeAll(async () => {
    caseId = await newCase();
    await approvedPlan(caseId);
    inForceGoalKey = (await sw.api.plans.byCase({ caseId })).inForce?.goals[0]?.key ?? "";
    const draft = await sw.api.plans.startDraft({ caseId });
    openVersion = { versionId: draft.id, version: draft.version };
  });

  const outsiders = [
    ["a social worker of the team who is not on the care team", () => swSameTeam],
    ["another team's supervisor", () => supervisorB],
    ["an administrator", () => admin],
    ["a supervisor of another agency", () => outsider],
  ] as const;

  it.each(outsiders)("%s cannot see or touch the plan (NOT_FOUND)", async (_name, who) => {
    const api = who().api;
    const today = new Date().toISOString().slice(0, 10);
    await expectCode(api.plans.byCase({ caseId }), "NOT_FOUND");
    await expectCode(api.plans.version({ versionId: openVersion.versionId }), "NOT_FOUND");
    await expectCode(api.plans.ownerOptions({ caseId }), "NOT_FOUND");
    await expectCode(api.plans.startDraft({ caseId }), "NOT_FOUND");
    await expectCode(api.plans.saveDraft({ ...openVersion, goals: [] }), "NOT_FOUND");
    await expectCode(api.plans.submit(openVersion), "NOT_FOUND");
    await expectCode(api.plans.decide({ ...openVersion, decision: "approve" }), "NOT_FOUND");
    await expectCode(api.plans.recordReview({ caseId, goalKey: inForceGoalKey, reviewedOn: today, progress: 10 }), "NOT_FOUND");
    await expectCode(api.outcomes.byCase({ caseId }), "NOT_FOUND");
    await expectCode(
      api.outcomes.save({ caseId, assessmentId: null, version: 0, instrumentCode: "lentera-recovery", instrumentVersion: 1, timepoint: "ad_hoc", assessedOn: today, answers: {} }),
      "NOT_FOUND",
    );
    expect((await api.plans.overdueReviews({ limit: 200 })).some((row) => row.caseId === caseId)).toBe(false);
  });

  it("the care team (social worker and counselor) edits, submits and reviews but cannot decide", async () => {
    for (const member of [sw, counselor]) {
      const plan = await member.api.plans.byCase({ caseId });
      expect(plan.permissions).toMatchObject({ edit: true, submit: true, decide: false, review: true });
      expect((await member.api.plans.ownerOptions({ caseId })).staff.map((s) => s.id)).toEqual(expect.arrayContaining([sw.user.id, counselor.user.id]));
    }
    const submitted = await sw.api.plans.submit(openVersion);
    await expectCode(counselor.api.plans.decide({ versionId: openVersion.versionId, version: submitted?.version ?? -1, decision: "approve" }), "FORBIDDEN");
    await expectCode(sw.api.plans.decide({ versionId: openVersion.versionId, version: submitted?.version ?? -1, decision: "return", comment: "mine" }), "FORBIDDEN");
    const [stored] = await t.db.select({ status: planVersions.status }).from(planVersions).where(eq(planVersions.id, openVersion.versionId));
    expect(stored?.status).toBe("submitted");
    expect((await t.db.select({ n: count() }).from(planGoals).where(eq(planGoals.planVersionId, openVersion.versionId)))[0]?.n).toBe(3);
  });

  it("partners are listed for everyone in the agency and added by supervisors and administrators only", async () => {
    await expectCode(sw.api.partners.create({ name: "Klinik Sehat", kind: "health" }), "FORBIDDEN");
    await expectCode(counselor.api.partners.create({ name: "Klinik Sehat", kind: "health" }), "FORBIDDEN");
    const created = await admin.api.partners.create({ name: "Klinik Sehat", kind: "health" });
    expect(domainCause(await expectCode(supervisor.api.partners.create({ name: "Klinik Sehat", kind: "health" }), "CONFLICT")).reason).toBe("partner_name_taken");
    expect((await counselor.api.partners.list()).map((p) => p.id)).toContain(created?.id);
    expect((await outsider.api.partners.list()).map((p) => p.id)).not.toContain(created?.id);
  });

  it("agency settings are for administrators; a stale update is refused", async () => {
    await expectCode(supervisor.api.admin.settings.get(), "FORBIDDEN");
    await expectCode(sw.api.admin.settings.update({ optionalPlanDomains: [], allowPlanSelfApproval: true, reviewIntervalDays: 30, version: 0 }), "FORBIDDEN");
    const current = await admin.api.admin.settings.get();
    await expectCode(admin.api.admin.settings.update({ optionalPlanDomains: [], allowPlanSelfApproval: false, reviewIntervalDays: 90, version: current.version + 5 }), "CONFLICT");
    await expectCode(admin.api.admin.settings.update({ optionalPlanDomains: [], allowPlanSelfApproval: false, reviewIntervalDays: 3, version: current.version }), "BAD_REQUEST");
  });
});

describe("outcome change since intake (the dashboard's aggregate)", () => {
  it("is rebuilt in the transaction that completes an assessment: the intake against the latest later one, per domain", async () => {
    const caseId = await newCase();
    const today = new Date().toISOString().slice(0, 10);
    const [improving, ...others] = RECOVERY_INSTRUMENT.domains;
    if (!improving) throw new Error("the instrument has no domains");
    await completedAssessment(counselor, caseId, allAnswers(2), addDays(today, -60));
    const changes = () =>
      t.db
        .select({ domain: caseOutcomeChanges.domain, difference: caseOutcomeChanges.difference })
        .from(caseOutcomeChanges)
        .where(eq(caseOutcomeChanges.caseId, caseId));
    expect(await changes()).toEqual([]); // an intake alone compares with nothing

    const later = await counselor.api.outcomes.save({
      caseId,
      assessmentId: null,
      version: 0,
      instrumentCode: RECOVERY_INSTRUMENT.code,
      instrumentVersion: RECOVERY_INSTRUMENT.version,
      timepoint: "six_months",
      assessedOn: today,
      answers: allAnswers(2, Object.fromEntries(improving.items.map((item) => [item.id, 3]))),
    });
    expect(await changes()).toEqual([]); // a draft moves nothing
    await counselor.api.outcomes.complete({ assessmentId: later?.id ?? "", version: later?.version ?? -1 });
    const rows = await changes();
    expect(rows).toHaveLength(RECOVERY_INSTRUMENT.domains.length);
    expect(rows.find((row) => row.domain === improving.id)?.difference).toBe(1);
    for (const domain of others) expect(rows.find((row) => row.domain === domain.id)?.difference).toBe(0);
  });
});
