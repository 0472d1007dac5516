/**
 * The dashboard's activity and outcome figures on a data set built by hand (dashboard-activity-
 * fixture.ts): every number below is counted from the data written in beforeAll, and every list
 * behind a figure must have that number as its total.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APPOINTMENT_STATUSES,
  DASHBOARD_LIST_COLUMNS,
  dashboardListRowSchema,
  dashboardSchema,
  type DashboardFilter,
  type DashboardList,
  type DashboardListParams,
  type DashboardListRow,
} from "@lentera/domain";
import { loadDashboardEnv } from "../src/dashboard/env";
import { activityFigures } from "../src/dashboard/activity-figures";
import { dashboardList } from "../src/dashboard/get";
import { expectCode } from "./expect-error";
import { activityWorld, local, NOTE_BODY, TODAY, type ActivityWorld } from "./dashboard-activity-fixture";

type Actor = ActivityWorld["supervisor"];
let w: ActivityWorld;
/** Case numbers by the test's names for them. */
const n: Record<string, string> = {};
/** Record ids the rows must point at. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  w = await activityWorld();
  const { sw1, sw2, swB, co1, co2, coB, teamA, teamB } = w;

  // Cases. A1 opens at 03:00 on 1 January in Jakarta (still 31 December in UTC): inside the period.
  // A5 opens at 23:30 on 31 December in Jakarta: before it. A2 opens at 01:00 on 3 February (2 February in UTC).
  const A1 = await w.makeCase({ team: teamA, primary: sw1, counselors: [co1], openedAt: local("2026-01-01", "03:00") });
  const A2 = await w.makeCase({ team: teamA, primary: sw2, counselors: [co1], openedAt: local("2026-02-03", "01:00") });
  const A3 = await w.makeCase({ team: teamA, primary: sw1, openedAt: local("2026-03-02", "09:00") });
  const A4 = await w.makeCase({ team: teamA, primary: sw2, counselors: [co2], openedAt: local("2026-03-10", "14:00") });
  const A5 = await w.makeCase({ team: teamA, primary: sw1, counselors: [co1], openedAt: local("2025-12-31", "23:30") });
  const B1 = await w.makeCase({ team: teamB, primary: swB, counselors: [coB], openedAt: local("2026-01-15", "10:00") });
  const B2 = await w.makeCase({ team: teamB, primary: swB, openedAt: local("2026-03-18", "08:00") });
  for (const [name, made] of Object.entries({ A1, A2, A3, A4, A5, B1, B2 })) n[name] = made.caseNumber;

  // Session notes. First sessions: A1 3 days (4 Jan), A2 6 days (9 Feb), A4 0 days, B1 12 days (a draft: any status counts).
  ids.noteA1 = await w.note(A1.caseId, co1, "2026-01-04", "signed", 60);
  await w.note(A1.caseId, co1, "2026-01-20", "draft");
  await w.note(A2.caseId, co1, "2026-02-09", "signed");
  await w.note(A2.caseId, co1, TODAY, "draft"); // the period's last day is in it
  await w.note(A5.caseId, co1, "2026-01-10", "signed");
  await w.note(A5.caseId, co1, "2025-12-31", "signed"); // the day before the period
  await w.note(A4.caseId, co2, "2026-03-10", "signed");
  await w.note(A4.caseId, co2, "2026-03-12", "signed");
  await w.note(B1.caseId, coB, "2026-01-27", "draft");
  await w.note(B1.caseId, coB, "2026-02-03", "signed");
  await w.note(B1.caseId, coB, "2026-02-10", "signed");

  // Plans. First approvals: A1 8 Jan (7 days; a later version superseded nothing of it), A2 13 Feb (10 days),
  // A4 at 06:00 on 17 March in Jakarta, still 16 March in UTC (7 days). A3 submitted, B1 returned: not reached.
  ids.planA1 = await w.plan(A1.caseId, sw1, 1, "superseded", local("2026-01-08", "09:00"));
  await w.plan(A1.caseId, sw1, 2, "approved", local("2026-02-01", "09:00"));
  ids.planA2 = await w.plan(A2.caseId, sw2, 1, "approved", local("2026-02-13", "12:00"));
  await w.plan(A3.caseId, sw1, 1, "submitted");
  ids.planA4 = await w.plan(A4.caseId, sw2, 1, "approved", local("2026-03-17", "06:00"));
  await w.plan(A5.caseId, sw1, 1, "approved", local("2026-01-02", "09:00"));
  await w.plan(B1.caseId, swB, 1, "returned");

  // Appointments in the period (before this week).
  await w.appointment(A1.caseId, co1, local("2026-01-04"), "attended");
  ids.noShowA1 = await w.appointment(A1.caseId, co1, local("2026-01-15"), "no_show");
  await w.appointment(A2.caseId, co1, local("2026-02-09"), "attended");
  await w.appointment(B1.caseId, coB, local("2026-01-27"), "attended");
  ids.noShowB1 = await w.appointment(B1.caseId, swB, local("2026-02-20"), "no_show", "home_visit");
  await w.appointment(A5.caseId, co1, local("2025-12-31", "23:00"), "no_show"); // before the period
  await w.appointment(A1.caseId, co1, local("2026-03-15", "23:59"), "cancelled"); // in the period, not this week
  // This week, Monday 16 to Sunday 22 March.
  ids.attendedMonday = await w.appointment(A1.caseId, co1, local("2026-03-16", "00:00"), "attended");
  await w.appointment(A4.caseId, co2, local("2026-03-17", "10:00"), "attended");
  ids.noShowA2 = await w.appointment(A2.caseId, co1, local("2026-03-17", "11:00"), "no_show");
  await w.appointment(B1.caseId, coB, local("2026-03-18", "09:00"), "cancelled");
  ids.scheduledA1 = await w.appointment(A1.caseId, sw1, local("2026-03-19", "10:00"), "scheduled", "home_visit");
  ids.scheduledA2 = await w.appointment(A2.caseId, co1, local("2026-03-20", "10:00"), "scheduled");
  ids.scheduledB1 = await w.appointment(B1.caseId, coB, local("2026-03-22", "23:30"), "scheduled");
  await w.appointment(A1.caseId, co1, local("2026-03-23", "00:00"), "scheduled"); // next Monday

  // Milestones (not_applicable ones are left out; online_safety has nothing else).
  ids.familyA1 = await w.milestone(A1.caseId, "family", "achieved", "2026-02-10");
  await w.milestone(A1.caseId, "education", "in_progress", "2026-06-01");
  await w.milestone(A1.caseId, "education", "not_applicable");
  await w.milestone(A2.caseId, "family", "planned", "2026-05-01");
  await w.milestone(A2.caseId, "family", "regressed");
  await w.milestone(A2.caseId, "education", "achieved", "2026-03-01");
  await w.milestone(A3.caseId, "online_safety", "not_applicable");
  await w.milestone(A4.caseId, "health", "achieved", "2026-03-15");
  ids.familyB1 = await w.milestone(B1.caseId, "family", "achieved", "2026-02-20");
  await w.milestone(B1.caseId, "legal", "planned", "2026-07-01");

  // Outcome assessments.
  await w.assessment(A1.caseId, "ijm_aso", "intake", "2026-01-06", { safety: 2, legal_protection: 1.5, mental_wellbeing: 3 });
  ids.latestA1 = await w.assessment(A1.caseId, "ijm_aso", "six_months", "2026-03-01", { safety: 3, legal_protection: 1.5, mental_wellbeing: 2.5 });
  await w.assessment(A1.caseId, "ijm_aso", "ad_hoc", "2026-03-10", { safety: 1 }, { status: "draft" }); // a draft: ignored
  await w.assessment(A1.caseId, "csi", "intake", "2026-01-06", { food: 1 }, { status: "draft" }); // no completed intake
  await w.assessment(A1.caseId, "csi", "ad_hoc", "2026-02-01", { food: 3 });
  await w.assessment(A2.caseId, "ijm_aso", "intake", "2026-02-04", { safety: 1, legal_protection: 2, mental_wellbeing: null });
  // Two completed on 5 March: the one completed last is the latest.
  await w.assessment(A2.caseId, "ijm_aso", "ad_hoc", "2026-03-05", { safety: 4, legal_protection: 1, mental_wellbeing: 2 }, { completedAt: local("2026-03-05", "10:00") });
  ids.latestA2 = await w.assessment(A2.caseId, "ijm_aso", "ad_hoc", "2026-03-05", { safety: 1, legal_protection: 3, mental_wellbeing: 2 }, { completedAt: local("2026-03-05", "15:00") });
  await w.assessment(A4.caseId, "ijm_aso", "intake", "2026-03-11", { safety: 2 });
  await w.assessment(A4.caseId, "ijm_aso", "six_months", "2026-03-11", { safety: 4 }); // same day: not after the intake
  // Two intakes: the earliest is the baseline (2 → 2.5 improved; against the second, 3, it would have worsened).
  await w.assessment(B1.caseId, "ijm_aso", "intake", "2026-01-16", { safety: 2 });
  await w.assessment(B1.caseId, "ijm_aso", "intake", "2026-01-20", { safety: 3 });
  await w.assessment(B1.caseId, "ijm_aso", "annual", "2026-02-25", { safety: 2.5 });
  await w.assessment(B1.caseId, "csi", "intake", "2026-01-16", { food: 2, shelter: 3 });
  await w.assessment(B1.caseId, "csi", "six_months", "2026-02-25", { food: 2, shelter: 2 });
  await w.assessment(A5.caseId, "ijm_aso", "intake", "2026-01-02", { safety: 1 });
  await w.assessment(A5.caseId, "ijm_aso", "six_months", "2026-01-30", { safety: 2 });
});
afterAll(() => w.t.close());

async function figuresOf(who: Actor, filter: DashboardFilter) {
  const env = await loadDashboardEnv(await w.contextOf(who), filter);
  return activityFigures.figures(env);
}

async function listOf(who: Actor, filter: DashboardFilter, list: DashboardList, params: DashboardListParams = {}) {
  const { rows, total } = await who.api.dashboard.list({ filter, list, params });
  expect(rows.length).toBe(total); // every list here fits on one page
  return { rows, total, numbers: rows.map((row) => row.caseNumber) };
}

const week = (counts: Partial<Record<(typeof APPOINTMENT_STATUSES)[number], number>>) => ({
  ...Object.fromEntries(APPOINTMENT_STATUSES.map((status) => [status, 0])),
  ...counts,
});

describe("every figure, both teams, 1 January to today", () => {
  it("counts what was built, medians included", async () => {
    const figures = await figuresOf(w.supervisor, w.filter());
    expect(figures).toEqual({
      // Opened in the period: A1, A2, A3, A4, B1, B2. Days 0, 3, 6, 12 → (3 + 6) / 2.
      timeToFirstSession: { cases: 6, reached: 4, medianDays: 4.5 },
      // Days 7, 7, 10 → 7.
      timeToPlanApproval: { cases: 6, reached: 3, medianDays: 7 },
      appointmentsThisWeek: week({ scheduled: 3, attended: 2, no_show: 1, cancelled: 1 }),
      noShows: { attended: 5, noShow: 3, rate: 3 / 8 },
      sessionsPerCounselor: [
        { counselor: { id: w.co1.user.id, name: "Counselor Ani" }, sessions: 5, signed: 3 },
        { counselor: { id: w.coB.user.id, name: "Counselor Citra" }, sessions: 3, signed: 2 },
        { counselor: { id: w.co2.user.id, name: "Counselor Budi" }, sessions: 2, signed: 2 },
      ],
      milestonesByDomain: [
        { domain: "family", planned: 1, inProgress: 0, achieved: 2, regressed: 1, total: 4 },
        { domain: "education", planned: 0, inProgress: 1, achieved: 1, regressed: 0, total: 2 },
        { domain: "health", planned: 0, inProgress: 0, achieved: 1, regressed: 0, total: 1 },
        { domain: "legal", planned: 1, inProgress: 0, achieved: 0, regressed: 0, total: 1 },
      ],
      outcomeChange: [
        { instrumentCode: "csi", domain: "food", improved: 0, stayed: 1, worsened: 0 },
        { instrumentCode: "csi", domain: "shelter", improved: 0, stayed: 0, worsened: 1 },
        { instrumentCode: "ijm_aso", domain: "legal_protection", improved: 1, stayed: 1, worsened: 0 },
        { instrumentCode: "ijm_aso", domain: "mental_wellbeing", improved: 0, stayed: 0, worsened: 1 },
        { instrumentCode: "ijm_aso", domain: "safety", improved: 3, stayed: 1, worsened: 0 },
      ],
    });
    // The shape the router sends, with nothing more.
    const keys = { timeToFirstSession: true, timeToPlanApproval: true, appointmentsThisWeek: true, noShows: true, sessionsPerCounselor: true, milestonesByDomain: true, outcomeChange: true } as const;
    expect(() => dashboardSchema.pick(keys).strict().parse(figures)).not.toThrow();
    // And the router sends them as computed, beside the week they count.
    const sent = await w.supervisor.api.dashboard.get({ filter: w.filter() });
    expect(sent).toMatchObject({ ...figures, today: TODAY, week: { from: "2026-03-16", to: "2026-03-22" } });
  });
});

describe("the lists behind the figures", () => {
  it("time to first session and to plan approval: every case opened in the period, its days or none", async () => {
    const filter = w.filter();
    const first = await listOf(w.supervisor, filter, "first_session");
    expect(first.rows.map((row) => [row.caseNumber, row.on, row.value])).toEqual([
      [n.A1, "2026-01-01", 3],
      [n.B1, "2026-01-15", 12],
      [n.A2, "2026-02-03", 6],
      [n.A3, "2026-03-02", null],
      [n.A4, "2026-03-10", 0],
      [n.B2, "2026-03-18", null],
    ]);
    expect(first.rows[0]).toMatchObject({ worker: { id: w.sw1.user.id, name: "Worker Satu" }, person: null, code: null, targetId: null, alias: "Alias 1" });
    const plans = await listOf(w.supervisor, filter, "plan_approval");
    expect(plans.rows.map((row) => [row.caseNumber, row.value, row.targetId])).toEqual([
      [n.A1, 7, ids.planA1],
      [n.B1, null, null],
      [n.A2, 10, ids.planA2],
      [n.A3, null, null],
      [n.A4, 7, ids.planA4],
      [n.B2, null, null],
    ]);
    const figures = await figuresOf(w.supervisor, filter);
    expect(first.total).toBe(figures.timeToFirstSession?.cases);
    expect(first.rows.filter((row) => row.value !== null).length).toBe(figures.timeToFirstSession?.reached);
    expect(plans.total).toBe(figures.timeToPlanApproval?.cases);
    expect(plans.rows.filter((row) => row.value !== null).length).toBe(figures.timeToPlanApproval?.reached);
  });

  it("appointments this week per status, and the period's no-shows", async () => {
    const filter = w.filter();
    const figures = await figuresOf(w.supervisor, filter);
    for (const status of APPOINTMENT_STATUSES) {
      const { total, rows } = await listOf(w.supervisor, filter, "appointments_week", { appointmentStatus: status });
      expect(total, status).toBe(figures.appointmentsThisWeek?.[status]);
      expect(rows.every((row) => row.code === status)).toBe(true);
    }
    const all = await listOf(w.supervisor, filter, "appointments_week");
    expect(all.total).toBe(7);
    const scheduled = await listOf(w.supervisor, filter, "appointments_week", { appointmentStatus: "scheduled" });
    expect(scheduled.rows.map((row) => [row.caseNumber, row.on, row.person?.id, row.targetId])).toEqual([
      [n.A1, "2026-03-19", w.sw1.user.id, ids.scheduledA1],
      [n.A2, "2026-03-20", w.co1.user.id, ids.scheduledA2],
      [n.B1, "2026-03-22", w.coB.user.id, ids.scheduledB1],
    ]);
    // Monday 00:00 in Jakarta is still Sunday in UTC: the row's day is the agency's.
    const attended = await listOf(w.supervisor, filter, "appointments_week", { appointmentStatus: "attended" });
    expect(attended.rows[0]).toMatchObject({ caseNumber: n.A1, on: "2026-03-16", targetId: ids.attendedMonday });

    const noShows = await listOf(w.supervisor, filter, "no_shows");
    expect(noShows.total).toBe(figures.noShows?.noShow);
    expect(noShows.rows.map((row) => [row.caseNumber, row.on, row.code, row.person?.id, row.targetId])).toEqual([
      [n.A1, "2026-01-15", "counseling", w.co1.user.id, ids.noShowA1],
      [n.B1, "2026-02-20", "home_visit", w.swB.user.id, ids.noShowB1],
      [n.A2, "2026-03-17", "counseling", w.co1.user.id, ids.noShowA2],
    ]);
  });

  it("sessions per counselor: the period's notes of each, their metadata", async () => {
    const filter = w.filter();
    const figures = await figuresOf(w.supervisor, filter);
    for (const row of figures.sessionsPerCounselor ?? []) {
      const list = await listOf(w.supervisor, filter, "sessions", { personId: row.counselor.id });
      expect(list.total).toBe(row.sessions);
      expect(list.rows.filter((item) => item.code === "signed").length).toBe(row.signed);
      expect(list.rows.every((item) => item.person?.id === row.counselor.id)).toBe(true);
    }
    const co1 = await listOf(w.supervisor, filter, "sessions", { personId: w.co1.user.id });
    expect(co1.rows.map((row) => [row.caseNumber, row.on, row.code])).toEqual([
      [n.A1, "2026-01-04", "signed"],
      [n.A5, "2026-01-10", "signed"],
      [n.A1, "2026-01-20", "draft"],
      [n.A2, "2026-02-09", "signed"],
      [n.A2, TODAY, "draft"],
    ]);
    expect(co1.rows[0]).toMatchObject({ value: 60, targetId: ids.noteA1, person: { name: "Counselor Ani" } });
    expect((await listOf(w.supervisor, filter, "sessions")).total).toBe(10);
    expect((await listOf(w.supervisor, filter, "sessions", { personId: "unassigned" })).total).toBe(0);
  });

  it("milestones by domain and status", async () => {
    const filter = w.filter();
    const figures = await figuresOf(w.supervisor, filter);
    const fields = { planned: "planned", in_progress: "inProgress", achieved: "achieved", regressed: "regressed" } as const;
    for (const row of figures.milestonesByDomain ?? []) {
      for (const [status, field] of Object.entries(fields) as [keyof typeof fields, (typeof fields)[keyof typeof fields]][]) {
        const list = await listOf(w.supervisor, filter, "milestones", { milestoneDomain: row.domain, milestoneStatus: status });
        expect(list.total, `${row.domain} ${status}`).toBe(row[field]);
      }
      expect((await listOf(w.supervisor, filter, "milestones", { milestoneDomain: row.domain })).total).toBe(row.total);
    }
    const familyAchieved = await listOf(w.supervisor, filter, "milestones", { milestoneDomain: "family", milestoneStatus: "achieved" });
    expect(familyAchieved.rows.map((row) => [row.caseNumber, row.code, row.on, row.targetId])).toEqual([
      [n.A1, "achieved", "2026-02-10", ids.familyA1],
      [n.B1, "achieved", "2026-02-20", ids.familyB1],
    ]);
    expect((await listOf(w.supervisor, filter, "milestones", { milestoneStatus: "not_applicable" })).total).toBe(0);
    expect((await listOf(w.supervisor, filter, "milestones")).total).toBe(8);
  });

  it("outcome change per instrument domain and direction", async () => {
    const filter = w.filter();
    const figures = await figuresOf(w.supervisor, filter);
    for (const row of figures.outcomeChange ?? []) {
      for (const change of ["improved", "stayed", "worsened"] as const) {
        const list = await listOf(w.supervisor, filter, "outcome_change", { instrumentCode: row.instrumentCode, outcomeDomain: row.domain, change });
        expect(list.total, `${row.instrumentCode} ${row.domain} ${change}`).toBe(row[change]);
      }
    }
    const safety = await listOf(w.supervisor, filter, "outcome_change", { instrumentCode: "ijm_aso", outcomeDomain: "safety" });
    expect(safety.rows.map((row) => [row.caseNumber, row.code, row.on, row.value])).toEqual([
      [n.A1, "improved", "2026-03-01", 1],
      [n.A2, "stayed", "2026-03-05", 0],
      [n.A5, "improved", "2026-01-30", 1],
      [n.B1, "improved", "2026-02-25", 0.5],
    ]);
    expect(safety.rows.slice(0, 2).map((row) => row.targetId)).toEqual([ids.latestA1, ids.latestA2]);
    const a1 = await listOf(w.supervisor, filter, "outcome_change", { instrumentCode: "ijm_aso" });
    expect(a1.total).toBe(7);
    expect((await listOf(w.supervisor, filter, "outcome_change", { instrumentCode: "ijm_aso", outcomeDomain: "mental_wellbeing", change: "worsened" })).rows).toMatchObject([
      { caseNumber: n.A1, value: -0.5 },
    ]);
  });

  it("pages in a stable order", async () => {
    const env = await loadDashboardEnv(await w.contextOf(w.supervisor), w.filter());
    for (const list of ["sessions", "appointments_week", "milestones", "outcome_change", "first_session"] as const) {
      const query = activityFigures.lists[list];
      if (!query) throw new Error(`no ${list} list`);
      const whole = await query.rows(env, {}, 100, 0);
      const paged: DashboardListRow[] = [];
      for (let offset = 0; offset < whole.length; offset += 3) paged.push(...(await query.rows(env, {}, 3, offset)));
      expect(paged, list).toEqual(whole);
      expect(whole.length).toBe(await query.total(env, {}));
    }
  });
});

describe("the filter changes the numbers", () => {
  it("January only", async () => {
    const filter = w.filter({ from: "2026-01-01", to: "2026-01-31" });
    const figures = await figuresOf(w.supervisor, filter);
    expect(figures).toMatchObject({
      // A1 (3 days) and B1 (12 days): (3 + 12) / 2; one approval (A1, 7 days).
      timeToFirstSession: { cases: 2, reached: 2, medianDays: 7.5 },
      timeToPlanApproval: { cases: 2, reached: 1, medianDays: 7 },
      // This week does not depend on the period.
      appointmentsThisWeek: week({ scheduled: 3, attended: 2, no_show: 1, cancelled: 1 }),
      noShows: { attended: 2, noShow: 1, rate: 1 / 3 },
      sessionsPerCounselor: [
        { counselor: { id: w.co1.user.id }, sessions: 3, signed: 2 },
        { counselor: { id: w.coB.user.id }, sessions: 1, signed: 0 },
      ],
    });
    // Milestones and outcome change are counted as of today.
    expect(figures.milestonesByDomain).toEqual((await figuresOf(w.supervisor, w.filter())).milestonesByDomain);
    expect((await listOf(w.supervisor, filter, "first_session")).numbers).toEqual([n.A1, n.B1]);
    expect((await listOf(w.supervisor, filter, "no_shows")).numbers).toEqual([n.A1]);
    expect((await listOf(w.supervisor, filter, "sessions")).total).toBe(4);
  });

  it("team A only", async () => {
    const figures = await figuresOf(w.supervisor, w.filter({ teamId: w.teamA }));
    expect(figures).toEqual({
      timeToFirstSession: { cases: 4, reached: 3, medianDays: 3 },
      timeToPlanApproval: { cases: 4, reached: 3, medianDays: 7 },
      appointmentsThisWeek: week({ scheduled: 2, attended: 2, no_show: 1 }),
      noShows: { attended: 4, noShow: 2, rate: 2 / 6 },
      sessionsPerCounselor: [
        { counselor: { id: w.co1.user.id, name: "Counselor Ani" }, sessions: 5, signed: 3 },
        { counselor: { id: w.co2.user.id, name: "Counselor Budi" }, sessions: 2, signed: 2 },
      ],
      milestonesByDomain: [
        { domain: "family", planned: 1, inProgress: 0, achieved: 1, regressed: 1, total: 3 },
        { domain: "education", planned: 0, inProgress: 1, achieved: 1, regressed: 0, total: 2 },
        { domain: "health", planned: 0, inProgress: 0, achieved: 1, regressed: 0, total: 1 },
      ],
      outcomeChange: [
        { instrumentCode: "ijm_aso", domain: "legal_protection", improved: 1, stayed: 1, worsened: 0 },
        { instrumentCode: "ijm_aso", domain: "mental_wellbeing", improved: 0, stayed: 0, worsened: 1 },
        { instrumentCode: "ijm_aso", domain: "safety", improved: 2, stayed: 1, worsened: 0 },
      ],
    });
  });

  it("a worker: the cases on whose care team they are", async () => {
    // Worker Dua is the primary social worker of A2 and A4.
    const filter = w.filter({ workerId: w.sw2.user.id });
    const figures = await figuresOf(w.supervisor, filter);
    expect(figures).toEqual({
      // Days 6 and 0 → 3; approvals 10 and 7 → 8.5.
      timeToFirstSession: { cases: 2, reached: 2, medianDays: 3 },
      timeToPlanApproval: { cases: 2, reached: 2, medianDays: 8.5 },
      appointmentsThisWeek: week({ scheduled: 1, attended: 1, no_show: 1 }),
      noShows: { attended: 2, noShow: 1, rate: 1 / 3 },
      sessionsPerCounselor: [
        // Equal counts: by name.
        { counselor: { id: w.co1.user.id, name: "Counselor Ani" }, sessions: 2, signed: 1 },
        { counselor: { id: w.co2.user.id, name: "Counselor Budi" }, sessions: 2, signed: 2 },
      ],
      milestonesByDomain: [
        { domain: "family", planned: 1, inProgress: 0, achieved: 0, regressed: 1, total: 2 },
        { domain: "education", planned: 0, inProgress: 0, achieved: 1, regressed: 0, total: 1 },
        { domain: "health", planned: 0, inProgress: 0, achieved: 1, regressed: 0, total: 1 },
      ],
      outcomeChange: [
        { instrumentCode: "ijm_aso", domain: "legal_protection", improved: 1, stayed: 0, worsened: 0 },
        { instrumentCode: "ijm_aso", domain: "safety", improved: 0, stayed: 1, worsened: 0 },
      ],
    });
    expect((await listOf(w.supervisor, filter, "first_session")).numbers).toEqual([n.A2, n.A4]);
    expect((await listOf(w.supervisor, filter, "appointments_week")).numbers).toEqual([n.A4, n.A2, n.A2]);
    // A counselor as the worker: A1, A2, A5, whoever booked the appointment (sw1 on A1).
    const co1 = await figuresOf(w.supervisor, w.filter({ workerId: w.co1.user.id }));
    expect(co1.appointmentsThisWeek).toEqual(week({ scheduled: 2, attended: 1, no_show: 1 }));
    expect(co1.sessionsPerCounselor).toEqual([{ counselor: { id: w.co1.user.id, name: "Counselor Ani" }, sessions: 5, signed: 3 }]);
  });
});

describe("who sees what", () => {
  it("a supervisor of team B counts team B only", async () => {
    const figures = await figuresOf(w.supervisorB, w.filter());
    expect(figures).toMatchObject({
      timeToFirstSession: { cases: 2, reached: 1, medianDays: 12 },
      timeToPlanApproval: { cases: 2, reached: 0, medianDays: null },
      appointmentsThisWeek: week({ scheduled: 1, cancelled: 1 }),
      noShows: { attended: 1, noShow: 1, rate: 0.5 },
      sessionsPerCounselor: [{ counselor: { id: w.coB.user.id }, sessions: 3, signed: 2 }],
    });
    expect((await listOf(w.supervisorB, w.filter(), "no_shows")).numbers).toEqual([n.B1]);
    await expectCode(w.supervisorB.api.dashboard.list({ filter: w.filter({ teamId: w.teamA }), list: "sessions", params: {} }), "FORBIDDEN");
  });

  it("administrators and another agency's supervisor are refused", async () => {
    await expectCode(w.admin.api.dashboard.list({ filter: w.filter(), list: "sessions", params: {} }), "FORBIDDEN");
    await expectCode(w.outsider.api.dashboard.list({ filter: w.filter({ teamId: w.teamA }), list: "no_shows", params: {} }), "FORBIDDEN");
    // Their own (empty) agency: none of these cases.
    expect((await w.outsider.api.dashboard.list({ filter: w.filter(), list: "sessions", params: {} })).total).toBe(0);
  });

  it("a social worker with the agency-wide view sees that sessions happened, never what was said", async () => {
    const filter = w.filter({ agencyWide: true });
    const raw = await dashboardList(await w.contextOf(w.sw1), { filter, list: "sessions", params: {}, page: 0 });
    expect(raw.total).toBe(10);
    const allowed = Object.keys(dashboardListRowSchema.shape).sort();
    for (const row of raw.rows) expect(Object.keys(row).sort()).toEqual(allowed);
    expect(JSON.stringify(raw)).not.toContain(NOTE_BODY);
    // The alias only where the social worker may open the case (A1, A3, A5 are theirs).
    const aliasShown = new Set(raw.rows.filter((row) => row.alias !== null).map((row) => row.caseNumber));
    expect([...aliasShown].sort()).toEqual([n.A1, n.A5].sort());
    expect(raw.rows.find((row) => row.caseNumber === n.B1)?.alias).toBeNull();
    // The same through the router.
    const sent = await w.sw1.api.dashboard.list({ filter, list: "sessions", params: {} });
    expect(JSON.stringify(sent)).not.toContain(NOTE_BODY);
    expect(sent.rows).toEqual(raw.rows);
    // Its columns name no content either.
    expect(DASHBOARD_LIST_COLUMNS.sessions).toEqual(["on", "value", "code", "person"]);
  });
});
