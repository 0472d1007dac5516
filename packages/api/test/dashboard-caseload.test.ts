/**
 * The dashboard's case figures on a data set built by hand (dashboard-caseload-fixture.ts, whose
 * table lists every case): each number below is counted from that story, each list behind a figure
 * must hold exactly the cases named, and its total must be the figure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CASE_STATUSES,
  dashboardSchema,
  HARM_TYPES,
  RISK_LEVELS,
  type Dashboard,
  type DashboardFilter,
  type DashboardList,
  type DashboardListParams,
  type DashboardListRow,
} from "@lentera/domain";
import { loadDashboardEnv } from "../src/dashboard/env";
import { caseloadFigures } from "../src/dashboard/caseload-figures";
import { expectCode } from "./expect-error";
import { caseloadWorld, TODAY, type Actor, type CaseloadWorld, type CaseName } from "./dashboard-caseload-fixture";

let w: CaseloadWorld;
beforeAll(async () => {
  w = await caseloadWorld();
}, 120_000);
afterAll(() => w.t.close());

const CASE_FIGURES = dashboardSchema.pick({
  caseload: true,
  casesByStatus: true,
  casesByRisk: true,
  casesByHarm: true,
  monthly: true,
  waiting: true,
  overdue: true,
  openFlags: true,
  noContact: true,
});
type CaseFigures = Pick<Dashboard, keyof typeof CASE_FIGURES.shape>;

/** The case figures `who` gets with the filter (the module alone: the activity figures are tested elsewhere). */
async function figuresOf(who: Actor, over: Partial<DashboardFilter> = {}): Promise<CaseFigures> {
  const env = await loadDashboardEnv(await w.contextOf(who), w.filter(over));
  return CASE_FIGURES.strict().parse(await caseloadFigures.figures(env));
}

/** A whole list through the router: its rows and total. */
async function listOf(who: Actor, list: DashboardList, params: DashboardListParams = {}, over: Partial<DashboardFilter> = {}) {
  const result = await who.api.dashboard.list({ filter: w.filter(over), list, params, page: 0 });
  return { total: result.total, rows: result.rows };
}

/** The case numbers of the named cases, in that order. */
const numbers = (...names: CaseName[]) => names.map((name) => w.n[name]);
async function expectList(who: Actor, list: DashboardList, params: DashboardListParams, names: CaseName[], over: Partial<DashboardFilter> = {}) {
  const { total, rows } = await listOf(who, list, params, over);
  expect(rows.map((row) => row.caseNumber), `${list} ${JSON.stringify(params)}`).toEqual(numbers(...names));
  expect(total, `${list} ${JSON.stringify(params)} total`).toBe(names.length);
  return rows;
}

const risk = (counts: Partial<Record<(typeof RISK_LEVELS)[number], number>>) => ({ low: 0, medium: 0, high: 0, critical: 0, ...counts });
const statuses = (counts: Partial<Record<(typeof CASE_STATUSES)[number], number>>) => ({ intake: 0, active: 0, on_hold: 0, closed: 0, ...counts });
const harms = (counts: Partial<Record<(typeof HARM_TYPES)[number], number>>) =>
  ({ ...Object.fromEntries(HARM_TYPES.map((harm) => [harm, 0])), ...counts }) as Record<(typeof HARM_TYPES)[number], number>;
const person = (actor: Actor) => ({ id: actor.user.id, name: actor.user.displayName });

/**
 * Every figure against its list: the list's total (through the router) must be the figure's number,
 * for each worker, risk level, status, harm type, month and count.
 */
async function expectListsAgree(who: Actor, figures: CaseFigures, over: Partial<DashboardFilter> = {}) {
  const total = async (list: DashboardList, params: DashboardListParams = {}) => (await listOf(who, list, params, over)).total;
  const personId = (worker: { id: string } | null) => worker?.id ?? "unassigned";
  expect(await total("caseload")).toBe(figures.caseload.reduce((sum, row) => sum + row.open, 0));
  for (const row of figures.caseload) {
    expect(await total("caseload", { personId: personId(row.worker) })).toBe(row.open);
    for (const level of RISK_LEVELS) expect(await total("caseload", { personId: personId(row.worker), riskLevel: level })).toBe(row.byRisk[level]);
  }
  for (const status of CASE_STATUSES) expect(await total("cases", { status })).toBe(figures.casesByStatus[status]);
  for (const level of RISK_LEVELS) expect(await total("cases", { riskLevel: level })).toBe(figures.casesByRisk[level]);
  for (const harm of HARM_TYPES) expect(await total("cases", { harmType: harm })).toBe(figures.casesByHarm[harm]);
  for (const month of figures.monthly) {
    expect(await total("opened", { month: month.month })).toBe(month.opened);
    expect(await total("closed", { month: month.month })).toBe(month.closed);
  }
  expect(await total("opened")).toBe(figures.monthly.reduce((sum, month) => sum + month.opened, 0));
  expect(await total("closed")).toBe(figures.monthly.reduce((sum, month) => sum + month.closed, 0));
  expect(await total("plans_waiting")).toBe(figures.waiting.plans);
  expect(await total("closures_waiting")).toBe(figures.waiting.closures);
  expect(await total("overdue_reviews")).toBe(figures.overdue.totalReviews);
  expect(await total("outcomes_missing")).toBe(figures.overdue.totalOutcomesMissing);
  for (const row of figures.overdue.byWorker) {
    expect(await total("overdue_reviews", { personId: personId(row.worker) })).toBe(row.overdueReviews);
    if (row.worker) expect(await total("outcomes_missing", { personId: row.worker.id })).toBe(row.outcomesMissing);
  }
  expect(await total("open_flags")).toBe(figures.openFlags);
  expect(await total("no_contact")).toBe(figures.noContact);
}

describe("team A's supervisor", () => {
  it("counts every case figure of team A", async () => {
    const figures = await figuresOf(w.sri);
    expect(figures).toEqual({
      caseload: [
        { worker: person(w.budi), open: 3, byRisk: risk({ low: 1, medium: 1, high: 1 }) },
        { worker: person(w.ana), open: 2, byRisk: risk({ high: 1, critical: 1 }) },
        { worker: null, open: 1, byRisk: risk({ medium: 1 }) },
      ],
      casesByStatus: statuses({ intake: 2, active: 3, on_hold: 1, closed: 1 }),
      casesByRisk: risk({ low: 1, medium: 2, high: 2, critical: 1 }),
      casesByHarm: harms({ grooming: 3, sextortion: 1, csam: 1, ncii: 1, other: 1, trafficking: 1 }),
      // C3 opened at 01:00 on 1 February in Jakarta (31 January in UTC): February.
      monthly: [
        { month: "2026-01", opened: 2, closed: 0 },
        { month: "2026-02", opened: 3, closed: 1 },
        { month: "2026-03", opened: 1, closed: 0 },
      ],
      waiting: { plans: 1, closures: 1 },
      overdue: {
        totalReviews: 1,
        totalOutcomesMissing: 2,
        byWorker: [
          { worker: person(w.ana), overdueReviews: 1, outcomesMissing: 1 },
          { worker: person(w.dian), overdueReviews: 0, outcomesMissing: 1 },
        ],
      },
      openFlags: 1,
      noContact: 3,
    });
    await expectListsAgree(w.sri, figures);
  });

  it("are the dashboard's, through the router", async () => {
    const dashboard = await w.sri.api.dashboard.get({ filter: w.filter() });
    expect(CASE_FIGURES.parse(dashboard)).toEqual(await figuresOf(w.sri));
    expect([dashboard.reach, dashboard.today, dashboard.noContactDays]).toEqual(["teams", TODAY, 14]);
  });

  it("lists the caseload: open cases, the highest risk first, by worker and risk", async () => {
    const rows = await expectList(w.sri, "caseload", {}, ["C2", "C1", "C7", "C3", "C5", "C4"]);
    expect(rows[0]).toEqual({
      caseId: w.ids.C2,
      caseNumber: w.n.C2,
      alias: "Alias C2",
      status: "active",
      riskLevel: "critical",
      worker: person(w.ana),
      on: "2026-01-15",
      value: null,
      code: null,
      person: null,
      targetId: null,
    } satisfies DashboardListRow);
    await expectList(w.sri, "caseload", { personId: w.budi.user.id }, ["C7", "C3", "C4"]);
    await expectList(w.sri, "caseload", { personId: w.budi.user.id, riskLevel: "high" }, ["C7"]);
    await expectList(w.sri, "caseload", { personId: w.ana.user.id }, ["C2", "C1"]);
    const [unassigned] = await expectList(w.sri, "caseload", { personId: "unassigned" }, ["C5"]);
    expect(unassigned?.worker).toBeNull();
    // C3 opened on 1 February in the agency's zone.
    expect((await listOf(w.sri, "caseload", { personId: w.budi.user.id, riskLevel: "medium" })).rows[0]?.on).toBe("2026-02-01");
  });

  it("lists cases by status (all of them), and open cases by risk and harm type", async () => {
    await expectList(w.sri, "cases", {}, ["C2", "C1", "C7", "C3", "C5", "C4"]);
    await expectList(w.sri, "cases", { status: "intake" }, ["C3", "C5"]);
    await expectList(w.sri, "cases", { status: "active" }, ["C2", "C1", "C7"]);
    await expectList(w.sri, "cases", { status: "on_hold" }, ["C4"]);
    await expectList(w.sri, "cases", { status: "closed" }, ["C6"]);
    await expectList(w.sri, "cases", { riskLevel: "medium" }, ["C3", "C5"]);
    await expectList(w.sri, "cases", { harmType: "grooming" }, ["C1", "C7", "C4"]);
    await expectList(w.sri, "cases", { harmType: "online_prostitution" }, []);
    await expectList(w.sri, "cases", { harmType: "grooming", riskLevel: "high" }, ["C1", "C7"]);
  });

  it("lists the cases opened and closed in each month, in the agency's zone", async () => {
    await expectList(w.sri, "opened", {}, ["C2", "C6", "C3", "C4", "C7", "C5"]);
    await expectList(w.sri, "opened", { month: "2026-01" }, ["C2", "C6"]);
    const [c3] = await expectList(w.sri, "opened", { month: "2026-02" }, ["C3", "C4", "C7"]);
    expect(c3?.on).toBe("2026-02-01");
    await expectList(w.sri, "opened", { month: "2025-12" }, []); // before the period
    const [c6] = await expectList(w.sri, "closed", { month: "2026-02" }, ["C6"]);
    expect(c6).toMatchObject({ on: "2026-02-25", code: "goals_achieved", status: "closed", worker: person(w.ana) });
    await expectList(w.sri, "closed", { month: "2026-01" }, []);
  });

  it("lists the plans and closures waiting, with who asked and the record", async () => {
    const [plan] = await expectList(w.sri, "plans_waiting", {}, ["C7"]);
    expect(plan).toMatchObject({ on: "2026-03-05", person: person(w.budi), worker: person(w.budi), targetId: w.targets.planC7 });
    const [closure] = await expectList(w.sri, "closures_waiting", {}, ["C4"]);
    expect(closure).toMatchObject({ on: "2026-03-01", code: "goals_achieved", person: person(w.budi), status: "on_hold" });
    expect(closure?.targetId).toEqual(expect.any(String));
  });

  it("lists the overdue reviews and the missing outcomes per worker", async () => {
    // C1's plan was approved on 5 January: its review was due on 4 February, 44 days ago.
    const [review] = await expectList(w.sri, "overdue_reviews", {}, ["C1"]);
    expect(review).toMatchObject({ on: "2026-02-04", value: 44, worker: person(w.ana), riskLevel: "high" });
    expect(review?.targetId).toEqual(expect.any(String));
    await expectList(w.sri, "overdue_reviews", { personId: w.ana.user.id }, ["C1"]);
    await expectList(w.sri, "overdue_reviews", { personId: w.budi.user.id }, []); // C4's review is due on 31 March
    await expectList(w.sri, "overdue_reviews", { personId: "unassigned" }, []);
    // The longest ended first: Dian's of 18 March on C2, then Ana's of 19 March on C1.
    const missing = await expectList(w.sri, "outcomes_missing", {}, ["C2", "C1"]);
    expect(missing[0]).toMatchObject({ on: "2026-03-18", code: "counseling", person: person(w.dian), worker: person(w.ana), targetId: w.targets.missingC2 });
    expect(missing[1]).toMatchObject({ on: "2026-03-19", person: person(w.ana), targetId: w.targets.missingC1 });
    await expectList(w.sri, "outcomes_missing", { personId: w.dian.user.id }, ["C2"]);
    await expectList(w.sri, "outcomes_missing", { personId: w.ana.user.id }, ["C1"]);
    await expectList(w.sri, "outcomes_missing", { personId: w.budi.user.id }, []);
  });

  it("lists the open flags and the cases without contact, the longest first", async () => {
    const [flag] = await expectList(w.sri, "open_flags", {}, ["C3"]);
    expect(flag).toMatchObject({ on: TODAY, code: "exploiter_contact", person: person(w.dian), targetId: w.targets.flagC3 });
    // C2: never in contact since opening on 15 January (64 days); C5: opened 2 March (18 days);
    // C4: attended on 6 March, the day before the 14-day window (14 days).
    const rows = await expectList(w.sri, "no_contact", {}, ["C2", "C5", "C4"]);
    expect(rows.map((row) => [row.on, row.value])).toEqual([
      [null, 64],
      [null, 18],
      ["2026-03-06", 14],
    ]);
  });

  it("pages a list stably: the pages put together are the whole list", async () => {
    const env = await loadDashboardEnv(await w.contextOf(w.sri), w.filter());
    const query = caseloadFigures.lists.cases;
    if (!query) throw new Error("no cases list");
    const pages = [...(await query.rows(env, {}, 4, 0)), ...(await query.rows(env, {}, 4, 4))];
    expect(pages.map((row) => row.caseNumber)).toEqual(numbers("C2", "C1", "C7", "C3", "C5", "C4"));
  });
});

describe("filters", () => {
  it("a worker filter counts the cases on that worker's care team", async () => {
    const budi = await figuresOf(w.sri, { workerId: w.budi.user.id });
    expect(budi).toEqual({
      caseload: [{ worker: person(w.budi), open: 3, byRisk: risk({ low: 1, medium: 1, high: 1 }) }],
      casesByStatus: statuses({ intake: 1, active: 1, on_hold: 1 }),
      casesByRisk: risk({ low: 1, medium: 1, high: 1 }),
      casesByHarm: harms({ grooming: 2, ncii: 1, trafficking: 1 }),
      monthly: [
        { month: "2026-01", opened: 0, closed: 0 },
        { month: "2026-02", opened: 3, closed: 0 },
        { month: "2026-03", opened: 0, closed: 0 },
      ],
      waiting: { plans: 1, closures: 1 },
      overdue: { totalReviews: 0, totalOutcomesMissing: 0, byWorker: [] },
      openFlags: 1,
      noContact: 1,
    });
    await expectListsAgree(w.sri, budi, { workerId: w.budi.user.id });

    // Dian, a counselor, is on C1, C2 and C3.
    const dian = await figuresOf(w.sri, { workerId: w.dian.user.id });
    expect(dian.caseload).toEqual([
      { worker: person(w.ana), open: 2, byRisk: risk({ high: 1, critical: 1 }) },
      { worker: person(w.budi), open: 1, byRisk: risk({ medium: 1 }) },
    ]);
    expect(dian.casesByStatus).toEqual(statuses({ intake: 1, active: 2 }));
    expect(dian.overdue).toEqual({
      totalReviews: 1,
      totalOutcomesMissing: 2,
      byWorker: [
        { worker: person(w.ana), overdueReviews: 1, outcomesMissing: 1 },
        { worker: person(w.dian), overdueReviews: 0, outcomesMissing: 1 },
      ],
    });
    expect([dian.waiting, dian.openFlags, dian.noContact]).toEqual([{ plans: 0, closures: 0 }, 1, 1]);
    await expectList(w.sri, "no_contact", {}, ["C2"], { workerId: w.dian.user.id });
    await expectListsAgree(w.sri, dian, { workerId: w.dian.user.id });
  });

  it("the period bounds new and closed cases (the agency's days) and nothing counted as of today", async () => {
    const over = { from: "2026-01-16", to: "2026-02-28" };
    const narrow = await figuresOf(w.sri, over);
    expect(narrow.monthly).toEqual([
      { month: "2026-01", opened: 1, closed: 0 },
      { month: "2026-02", opened: 3, closed: 1 },
    ]);
    await expectList(w.sri, "opened", {}, ["C6", "C3", "C4", "C7"], over);
    await expectList(w.sri, "opened", { month: "2026-01" }, ["C6"], over);
    await expectList(w.sri, "opened", { month: "2026-03" }, [], over);
    const whole = await figuresOf(w.sri);
    expect({ ...narrow, monthly: [] }).toEqual({ ...whole, monthly: [] });
    await expectListsAgree(w.sri, narrow, over);

    // One day, 1 February in Jakarta: C3 (31 January at 18:00 in UTC) is in it.
    expect((await figuresOf(w.sri, { from: "2026-02-01", to: "2026-02-01" })).monthly).toEqual([{ month: "2026-02", opened: 1, closed: 0 }]);
    await expectList(w.sri, "opened", {}, ["C3"], { from: "2026-02-01", to: "2026-02-01" });
    await expectList(w.sri, "opened", {}, [], { from: "2026-01-31", to: "2026-01-31" });
  });
});

describe("scope", () => {
  it("team B's supervisor gets team B's numbers only, and is refused team A and its workers", async () => {
    const figures = await figuresOf(w.tono);
    expect(figures).toEqual({
      caseload: [{ worker: person(w.citra), open: 2, byRisk: risk({ medium: 1, critical: 1 }) }],
      casesByStatus: statuses({ intake: 1, active: 1, closed: 1 }),
      casesByRisk: risk({ medium: 1, critical: 1 }),
      casesByHarm: harms({ sextortion: 1, grooming: 1 }),
      monthly: [
        { month: "2026-01", opened: 1, closed: 1 },
        { month: "2026-02", opened: 1, closed: 0 },
        { month: "2026-03", opened: 0, closed: 0 },
      ],
      waiting: { plans: 1, closures: 0 },
      overdue: { totalReviews: 1, totalOutcomesMissing: 1, byWorker: [{ worker: person(w.citra), overdueReviews: 1, outcomesMissing: 1 }] },
      openFlags: 1,
      noContact: 2,
    });
    await expectListsAgree(w.tono, figures);
    const [c8] = await expectList(w.tono, "no_contact", {}, ["C8", "C10"]);
    expect(c8).toMatchObject({ on: "2026-02-20", value: 28, alias: "Alias C8" }); // its last session, 20 February
    await expectList(w.tono, "caseload", {}, ["C8", "C10"]);

    await expectCode(w.tono.api.dashboard.list({ filter: w.filter({ teamId: w.teamA }), list: "caseload" }), "FORBIDDEN");
    await expectCode(w.tono.api.dashboard.get({ filter: w.filter({ teamId: w.teamA }) }), "FORBIDDEN");
    await expectCode(w.tono.api.dashboard.list({ filter: w.filter({ workerId: w.ana.user.id }), list: "overdue_reviews" }), "FORBIDDEN");
    // Without the agency-wide view, team A's supervisor is refused team B's id as well.
    await expectCode(w.sri.api.dashboard.list({ filter: w.filter({ teamId: w.teamB }), list: "cases" }), "FORBIDDEN");
  });

  it("an administrator, and a counselor the agency did not grant the view, are refused", async () => {
    await expectCode(w.admin.api.dashboard.get({ filter: w.filter() }), "FORBIDDEN");
    await expectCode(w.admin.api.dashboard.list({ filter: w.filter(), list: "caseload" }), "FORBIDDEN");
    await expectCode(w.admin.api.dashboard.list({ filter: w.filter({ agencyWide: true }), list: "no_contact" }), "FORBIDDEN");
    await expectCode(w.dian.api.dashboard.list({ filter: w.filter({ agencyWide: true }), list: "caseload" }), "FORBIDDEN");
  });

  it("an agency-wide viewer counts both teams; rows of a team they do not supervise have no alias", async () => {
    const agency = { agencyWide: true };
    const figures = await figuresOf(w.sri, agency);
    expect(figures).toEqual({
      caseload: [
        { worker: person(w.budi), open: 3, byRisk: risk({ low: 1, medium: 1, high: 1 }) },
        { worker: person(w.ana), open: 2, byRisk: risk({ high: 1, critical: 1 }) },
        { worker: person(w.citra), open: 2, byRisk: risk({ medium: 1, critical: 1 }) },
        { worker: null, open: 1, byRisk: risk({ medium: 1 }) },
      ],
      casesByStatus: statuses({ intake: 3, active: 4, on_hold: 1, closed: 2 }),
      casesByRisk: risk({ low: 1, medium: 3, high: 2, critical: 2 }),
      casesByHarm: harms({ grooming: 4, sextortion: 2, csam: 1, ncii: 1, other: 1, trafficking: 1 }),
      monthly: [
        { month: "2026-01", opened: 3, closed: 1 },
        { month: "2026-02", opened: 4, closed: 1 },
        { month: "2026-03", opened: 1, closed: 0 },
      ],
      waiting: { plans: 2, closures: 1 },
      overdue: {
        totalReviews: 2,
        totalOutcomesMissing: 3,
        byWorker: [
          { worker: person(w.ana), overdueReviews: 1, outcomesMissing: 1 },
          { worker: person(w.citra), overdueReviews: 1, outcomesMissing: 1 },
          { worker: person(w.dian), overdueReviews: 0, outcomesMissing: 1 },
        ],
      },
      openFlags: 2,
      noContact: 5,
    });
    await expectListsAgree(w.sri, figures, agency);

    const flags = await expectList(w.sri, "open_flags", {}, ["C8", "C3"], agency);
    expect(flags.map((row) => [row.alias, row.targetId])).toEqual([
      [null, w.targets.flagC8],
      ["Alias C3", w.targets.flagC3],
    ]);
    const noContact = await expectList(w.sri, "no_contact", {}, ["C2", "C8", "C10", "C5", "C4"], agency);
    expect(noContact.map((row) => row.alias)).toEqual(["Alias C2", null, null, "Alias C5", "Alias C4"]);
    await expectList(w.sri, "overdue_reviews", {}, ["C1", "C8"], agency);
    await expectList(w.sri, "outcomes_missing", {}, ["C2", "C1", "C10"], agency);
    const plans = await expectList(w.sri, "plans_waiting", {}, ["C7", "C10"], agency);
    expect(plans.map((row) => [row.alias, row.targetId])).toEqual([
      ["Alias C7", w.targets.planC7],
      [null, w.targets.planC10],
    ]);
    await expectList(w.sri, "closed", {}, ["C9", "C6"], agency);

    // The team filter within the agency: team B's numbers, still without aliases.
    const teamB = await figuresOf(w.sri, { ...agency, teamId: w.teamB });
    expect(teamB).toEqual(await figuresOf(w.tono));
    const rows = await expectList(w.sri, "cases", { status: "closed" }, ["C9"], { ...agency, teamId: w.teamB });
    expect(rows[0]?.alias).toBeNull();
    expect((await figuresOf(w.sri, { ...agency, teamId: w.teamA })).casesByStatus).toEqual(statuses({ intake: 2, active: 3, on_hold: 1, closed: 1 }));
  });
});
