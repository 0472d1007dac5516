/**
 * Exports: a drill-down list's rows, the anonymized statistics and a case summary for a case
 * conference. Every export leaves one audit event; the summary names the client only for the care
 * team and never carries what was said in a session or any note a person wrote.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, auditEvents, desc, eq, outcomeAssessments } from "@lentera/db";
import type { CaseSummary, DomainScore } from "@lentera/domain";
import { expectCode } from "./expect-error";
import { noRisk, PHRASE } from "./sessions-fixture";
import { DAY, MINUTE, workWorld, type Actor, type WorkWorld } from "./my-work-fixture";

let w: WorkWorld;

/** 10:00 on 2026-06-10 in Jakarta. */
const NOW = new Date("2026-06-10T03:00:00Z");
const TODAY = "2026-06-10";
const FILTER = { from: "2026-06-01", to: TODAY };

const IDENTITY = {
  legalName: "Ratna Sari Dewi",
  phone: "+62 811 2233 4455",
  streetAddress: "Jl. Melati 7",
  villageOrCommune: "Cempaka",
};
/** Free text people wrote along the way: none of it belongs in a summary. */
const SECRETS = {
  otherRisk: "OTHER-RISK-older-cousin-visits",
  evidence: "EVIDENCE-enrolment-letter",
  reviewNote: "REVIEW-NOTE-missed-two-days",
  assessmentNote: "ASSESSMENT-NOTE-sleeps-badly",
  appointmentNote: "APPOINTMENT-NOTE-bring-school-report",
  place: "PLACE-grandmother-house-behind-mosque",
};

let summaryCase: { id: string; caseNumber: string; alias: string; team: string };
let otherCases: string[];
let teamBCase: string;

async function eventsOf(action: string, actor: Actor) {
  return w.t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.actorUserId, actor.user.id)))
    .orderBy(desc(auditEvents.id));
}

const scores = (values: Record<string, number>): DomainScore[] =>
  Object.entries(values).map(([domain, score]) => ({ domain, score, answered: 1, items: 1, band: null, atRisk: score <= 2 }));

/** A completed (or draft) IJM assessment written as the outcomes procedures would. */
async function assessment(caseId: string, timepoint: "intake" | "six_months", assessedOn: string, values: Record<string, number>, status: "completed" | "draft" = "completed") {
  await w.t.db.insert(outcomeAssessments).values({
    id: randomUUID(),
    agencyId: w.agencyId,
    caseId,
    instrumentCode: "ijm-aso",
    instrumentVersion: 1,
    timepoint,
    assessedOn,
    status,
    domainScores: scores(values),
    note: SECRETS.assessmentNote,
    assessedBy: w.sw.user.id,
    completedAt: status === "completed" ? w.now() : null,
  });
}

beforeAll(async () => {
  w = await workWorld();
  w.t.advanceClock(NOW.getTime() - w.now().getTime());

  // The case the summary is about: a full identity, a birth date (15 on the day it opens).
  const created = await w.sw.api.cases.create({
    client: {
      alias: `Kenanga ${randomUUID().slice(0, 6)}`,
      birthDate: "2011-06-10",
      sex: "female",
      address: { country: "ID", province: "Jawa Barat", regencyCity: "Bandung", district: "Coblong" },
    },
    identity: IDENTITY,
    harmTypes: ["sextortion", "grooming"],
    referralSource: "hotline",
    riskLevel: "high",
  });
  await w.supervisor.api.cases.assignCareTeam({
    caseId: created.id,
    version: created.version,
    primarySocialWorkerId: w.sw.user.id,
    counselorIds: [w.counselor.user.id],
  });
  const caseId = created.id;

  await w.sw.api.cases.consents.record({ caseId, scope: "services", givenBy: "guardian", givenOn: "2026-06-01" });
  await w.sw.api.cases.consents.record({ caseId, scope: "reporting", givenBy: "guardian", givenOn: "2026-06-01" });
  await w.sw.api.cases.consents.record({ caseId, scope: "referral", givenBy: "guardian", givenOn: "2026-01-01", expiresOn: "2026-05-01" });

  const plan = await w.planInForce(caseId);
  await w.sw.api.plans.recordReview({ caseId, goalKey: plan.goalKey, reviewedOn: TODAY, progress: 40, note: SECRETS.reviewNote });

  await assessment(caseId, "intake", "2026-06-01", { safety: 2, mental_wellbeing: 1.5 });
  await assessment(caseId, "six_months", "2026-06-09", { safety: 3, mental_wellbeing: 1 });
  await assessment(caseId, "six_months", TODAY, { safety: 4, mental_wellbeing: 4 }, "draft");

  await w.sw.api.milestones.add({ caseId, catalogKey: "enrolled_in_school", targetDate: "2026-08-01", evidenceNote: SECRETS.evidence });

  // Appointments: two inside the window (85 days ago, in 3 days), two outside (95 days ago, in 40 days).
  await w.book(caseId, w.counselor, -85 * DAY);
  await w.book(caseId, w.counselor, -95 * DAY);
  await w.sw.api.appointments.book({
    caseId,
    staffUserId: w.sw.user.id,
    kind: "home_visit",
    startsAt: new Date(NOW.getTime() + 3 * DAY),
    endsAt: new Date(NOW.getTime() + 3 * DAY + 60 * MINUTE),
    place: SECRETS.place,
    notes: SECRETS.appointmentNote,
  });
  await w.book(caseId, w.counselor, 40 * DAY);

  // A signed session note with what was said and a risk check that raises a flag.
  const { noteId } = await w.counselor.api.sessions.start({ caseId });
  const saved = await w.counselor.api.sessions.save({
    noteId,
    version: 0,
    sessionDate: TODAY,
    durationMinutes: 50,
    modality: "in_person",
    format: "dap",
    sections: { data: PHRASE, assessment: "Low mood, engaged.", plan: "Safety plan review next week." },
    interventions: ["safety_planning"],
    nextStep: "Meet next Tuesday",
    riskCheck: { answers: { ...noRisk(), other: true }, otherDetail: SECRETS.otherRisk },
    screenings: [],
  });
  await w.counselor.api.sessions.sign({ noteId, version: saved.version });

  const overview = await w.sw.api.cases.byId({ caseId });
  summaryCase = { id: caseId, caseNumber: created.caseNumber, alias: overview.client.alias, team: overview.team.name };
  otherCases = [(await w.newCase()).caseId, (await w.newCase()).caseId];
  teamBCase = (await w.newCase({ team: "B" })).caseId;
}, 120_000);
afterAll(() => w.t.close());

describe("exportList", () => {
  it("returns every row of the list and writes one audit event saying what was exported", async () => {
    const result = await w.supervisor.api.dashboard.exportList({ filter: FILTER, list: "cases", params: {}, format: "xlsx" });
    expect(result.total).toBe(3);
    expect(result.truncated).toBe(false);
    expect(result.rows.map((row) => row.caseId).sort()).toEqual([summaryCase.id, ...otherCases].sort());
    expect(result.rows.find((row) => row.caseId === summaryCase.id)).toMatchObject({ alias: summaryCase.alias, caseNumber: summaryCase.caseNumber });

    const events = await eventsOf("report.list_exported", w.supervisor);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: "report", entityId: null, caseId: null, agencyId: w.agencyId });
    expect(events[0]?.details).toEqual({
      list: "cases",
      params: {},
      filter: { ...FILTER, agencyWide: false },
      format: "xlsx",
      reach: "teams",
      rows: 3,
      truncated: false,
    });
  });

  it("gives another team's supervisor only their own rows, and refuses an administrator without writing an event", async () => {
    const result = await w.supervisorB.api.dashboard.exportList({ filter: FILTER, list: "cases", params: {}, format: "csv" });
    expect(result.rows.map((row) => row.caseId)).toEqual([teamBCase]);
    expect((await eventsOf("report.list_exported", w.supervisorB))[0]?.details).toMatchObject({ format: "csv", rows: 1 });

    await expectCode(w.admin.api.dashboard.exportList({ filter: FILTER, list: "cases", params: {}, format: "csv" }), "FORBIDDEN");
    await expectCode(w.supervisorB.api.dashboard.exportList({ filter: { ...FILTER, teamId: w.teamA }, list: "cases", params: {}, format: "csv" }), "FORBIDDEN");
    expect(await eventsOf("report.list_exported", w.admin)).toHaveLength(0);
    expect(await eventsOf("report.list_exported", w.supervisorB)).toHaveLength(1);
  });

  it("holds no identifying data", async () => {
    const result = await w.supervisor.api.dashboard.exportList({ filter: FILTER, list: "cases", params: {}, format: "csv" });
    const text = JSON.stringify(result);
    for (const value of Object.values(IDENTITY)) expect(text).not.toContain(value);
  });
});

describe("exportStatistics", () => {
  it("returns the same numbers as the statistics and writes one audit event per call: filter and reach, no case", async () => {
    const shown = await w.supervisor.api.dashboard.statistics({ filter: FILTER });
    const exported = await w.supervisor.api.dashboard.exportStatistics({ filter: FILTER });
    expect(exported).toEqual(shown);
    // Three team A cases opened today, one with reporting consent: 1 and 2, both under 5.
    expect(exported.includedCases).toBeNull();
    expect(exported.excludedCases).toBeNull();

    await w.supervisor.api.dashboard.exportStatistics({ filter: { ...FILTER, teamId: w.teamA } });
    const events = await eventsOf("report.statistics_exported", w.supervisor);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ entityType: "report", entityId: null, caseId: null });
    expect(events[1]?.details).toEqual({ filter: { ...FILTER, agencyWide: false }, reach: "teams" });
    expect(events[0]?.details).toEqual({ filter: { ...FILTER, agencyWide: false, teamId: w.teamA }, reach: "teams" });
    expect(JSON.stringify(events)).not.toContain(summaryCase.id);
  });

  it("writes nothing for a refused caller", async () => {
    await expectCode(w.sw.api.dashboard.exportStatistics({ filter: FILTER }), "FORBIDDEN");
    expect(await eventsOf("report.statistics_exported", w.sw)).toHaveLength(0);
  });
});

describe("caseSummary", () => {
  const summaries: CaseSummary[] = [];
  const summaryFor = async (who: Actor) => {
    const summary = await who.api.dashboard.caseSummary({ caseId: summaryCase.id });
    summaries.push(summary);
    return summary;
  };

  it("gives the primary social worker the whole summary, identity included", async () => {
    const summary = await summaryFor(w.sw);
    expect(summary.generatedAt).toEqual(NOW);
    expect(summary.case).toEqual({
      id: summaryCase.id,
      caseNumber: summaryCase.caseNumber,
      alias: summaryCase.alias,
      status: (await w.sw.api.cases.byId({ caseId: summaryCase.id })).status,
      riskLevel: "high",
      harmTypes: ["sextortion", "grooming"],
      referralSource: "hotline",
      openedOn: TODAY,
      closedOn: null,
      closureReason: null,
      team: summaryCase.team,
      ageGroup: "15-17",
      sex: "female",
    });
    expect(summary.identity).toEqual({
      legalName: IDENTITY.legalName,
      birthDate: "2011-06-10",
      phone: IDENTITY.phone,
      address: "Jl. Melati 7, Cempaka, Coblong, Bandung, Jawa Barat",
    });
    expect(summary.careTeam).toEqual([
      { name: w.counselor.user.displayName, role: "counselor" },
      { name: w.sw.user.displayName, role: "primary_social_worker" },
    ]);
    expect(summary.consentsInForce).toEqual(["services", "reporting"]);
    expect(summary.plan).toEqual({
      number: 1,
      approvedOn: TODAY,
      goals: [{ domain: "social", title: "Back at school four days a week", status: "not_started", targetDate: null, lastReview: TODAY }],
    });
    expect(summary.outcomes).toEqual([
      {
        instrumentCode: "ijm-aso",
        assessedOn: "2026-06-09",
        domains: [
          { domain: "safety", score: 3, intakeScore: 2 },
          { domain: "mental_wellbeing", score: 1, intakeScore: 1.5 },
        ],
      },
    ]);
    expect(summary.milestones).toEqual([{ domain: "education", catalogKey: "enrolled_in_school", customTitle: null, status: "planned", on: "2026-08-01" }]);
    expect(summary.appointments).toEqual([
      { kind: "counseling", on: "2026-03-17", status: "scheduled", staff: w.counselor.user.displayName },
      { kind: "home_visit", on: "2026-06-13", status: "scheduled", staff: w.sw.user.displayName },
    ]);
    expect(summary.sessions).toEqual({ count: 1, lastOn: TODAY });
    expect(summary.openFlags).toBe(1);
  });

  it("gives the counselor on the care team the identity too", async () => {
    expect((await summaryFor(w.counselor)).identity?.legalName).toBe(IDENTITY.legalName);
  });

  it("gives the team's supervisor, who is not on the care team, the summary without identity", async () => {
    const summary = await summaryFor(w.supervisor);
    expect(summary.identity).toBeNull();
    expect(summary.case.caseNumber).toBe(summaryCase.caseNumber);
    const text = JSON.stringify(summary);
    for (const value of Object.values(IDENTITY)) expect(text).not.toContain(value);
    expect(text).not.toContain("2011-06-10");
  });

  it("gives a break-glass reader no identity either", async () => {
    await w.swB.api.cases.breakGlass({ caseNumber: summaryCase.caseNumber, reason: "Night call from the shelter" });
    expect((await summaryFor(w.swB)).identity).toBeNull();
  });

  it("is NOT_FOUND for another team's supervisor, a social worker of the team off the care team, an administrator and another agency", async () => {
    await expectCode(w.supervisorB.api.dashboard.caseSummary({ caseId: summaryCase.id }), "NOT_FOUND");
    await expectCode(w.swSameTeam.api.dashboard.caseSummary({ caseId: summaryCase.id }), "NOT_FOUND");
    await expectCode(w.admin.api.dashboard.caseSummary({ caseId: summaryCase.id }), "NOT_FOUND");
    await expectCode(w.outsider.api.dashboard.caseSummary({ caseId: summaryCase.id }), "NOT_FOUND");
    await expectCode(w.sw.api.dashboard.caseSummary({ caseId: randomUUID() }), "NOT_FOUND");
  });

  it("leaves one audit event per summary on the case, saying whether it held the identity; none for refusals", async () => {
    const events = (await w.t.auditForCase(summaryCase.id)).filter((event) => event.action === "case.summary_exported");
    expect(events.map((event) => [event.actorUserId, event.details])).toEqual([
      [w.swB.user.id, { access: "break_glass", identity: false }],
      [w.supervisor.user.id, { access: "supervisor", identity: false }],
      [w.counselor.user.id, { access: "care_team", identity: true }],
      [w.sw.user.id, { access: "care_team", identity: true }],
    ]);
    expect(events[0]).toMatchObject({ entityType: "case", entityId: summaryCase.id, caseId: summaryCase.id });
  });

  it("shows in the case's history", async () => {
    const history = await w.sw.api.cases.history({ caseId: summaryCase.id });
    expect(history.filter((event) => event.action === "case.summary_exported")).toHaveLength(4);
  });

  it("never holds what was said in a session, a risk detail, or a note someone wrote", () => {
    expect(summaries).toHaveLength(4);
    const text = JSON.stringify(summaries);
    expect(text).not.toContain(PHRASE);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  });
});
