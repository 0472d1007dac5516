/**
 * Overdue work per worker: open cases with a goal review overdue (by primary social worker), and
 * appointments that ended with no outcome recorded (by the staff member booked).
 */
import type { Dashboard } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { day, instant, uuid } from "../../my-work/env";
import type { DashboardEnv } from "../env";
import { caseList } from "./list";
import { fromSource, isOpen, localDay, personIs, riskRank, type CaseSource } from "./source";

/**
 * The open cases with a goal due for review before today, with the earliest such date and its plan
 * version. review_due_on is kept only on the open goals of the plan in force of an open case
 * (plans/review-schedule.ts clears it on every other version and on closing), so the overdue goals
 * are read straight from plan_goals_review_due_idx, grouped per case, as My work and the plan
 * pages do; the case's status is checked again.
 */
export const overdueReviewsSource = (env: DashboardEnv): CaseSource => ({
  from: sql`(
      select g.case_id, min(g.review_due_on) as due_on, (array_agg(g.plan_version_id order by g.review_due_on))[1] as plan_version_id
      from plan_goals g
      where g.agency_id = ${uuid(env.agencyId)} and g.review_due_on is not null and g.review_due_on < ${day(env.today)}
      group by g.case_id
    ) overdue
    join cases c on c.id = overdue.case_id`,
  where: isOpen,
});

/** Appointments still 'scheduled' after their end: no outcome recorded (appointments_case_open_ends_idx). */
export const outcomesMissingSource = (env: DashboardEnv): CaseSource => ({
  from: sql`appointments a join cases c on c.id = a.case_id`,
  where: sql`a.status = 'scheduled' and a.ends_at <= ${instant(env.now)}`,
});

type Counted = { worker_id: string | null; worker_name: string | null; n: number };
type ByWorker = Dashboard["overdue"]["byWorker"][number];

export async function overdueFigures(env: DashboardEnv): Promise<Pick<Dashboard, "overdue">> {
  const reviews = overdueReviewsSource(env);
  const outcomes = outcomesMissingSource(env);
  // Counted per worker, then named (one users lookup per worker, not per row).
  const named = (counts: SQL) => sql`select counts.worker_id, u.display_name as worker_name, counts.n from (${counts}) counts left join users u on u.id = counts.worker_id`;
  const [reviewRows, outcomeRows] = await Promise.all([
    queryRows<Counted>(
      env.ctx.db,
      named(sql`select c.primary_social_worker_id as worker_id, count(*)::int as n ${fromSource(env, reviews)} group by c.primary_social_worker_id`),
    ),
    queryRows<Counted>(env.ctx.db, named(sql`select a.staff_user_id as worker_id, count(*)::int as n ${fromSource(env, outcomes)} group by a.staff_user_id`)),
  ]);
  // One row per worker (null: cases with no primary social worker), both counts side by side.
  const byWorker = new Map<string | null, ByWorker>();
  const entry = (row: Counted) => {
    const found = byWorker.get(row.worker_id);
    if (found) return found;
    const created: ByWorker = { worker: row.worker_id ? { id: row.worker_id, name: row.worker_name ?? "" } : null, overdueReviews: 0, outcomesMissing: 0 };
    byWorker.set(row.worker_id, created);
    return created;
  };
  for (const row of reviewRows) entry(row).overdueReviews = Number(row.n);
  for (const row of outcomeRows) entry(row).outcomesMissing = Number(row.n);
  const sum = (rows: Counted[]) => rows.reduce((total, row) => total + Number(row.n), 0);
  const load = (row: ByWorker) => row.overdueReviews + row.outcomesMissing;
  return {
    overdue: {
      totalReviews: sum(reviewRows),
      totalOutcomesMissing: sum(outcomeRows),
      // The most overdue first; the unassigned after workers with as much.
      byWorker: [...byWorker.values()].sort(
        (a, b) => load(b) - load(a) || (a.worker === null ? 1 : 0) - (b.worker === null ? 1 : 0) || (a.worker?.name ?? "").localeCompare(b.worker?.name ?? ""),
      ),
    },
  };
}

/**
 * overdue_reviews (overdue.totalReviews; with personId the primary social worker's overdueReviews,
 * "unassigned" the cases without one): one row per case. `on` the earliest overdue review date,
 * `value` the days it is overdue, `targetId` the plan version in force; no code or person. The most
 * overdue first, then the highest risk, then case number.
 */
export const overdueReviewsList = caseList((env, params) => {
  const source = overdueReviewsSource(env);
  return {
    source: { from: source.from, where: sql`${source.where} and ${personIs(sql`c.primary_social_worker_id`, params.personId)}` },
    on: sql`overdue.due_on`,
    value: sql`${day(env.today)} - overdue.due_on`,
    targetId: sql`overdue.plan_version_id`,
    orderBy: sql`overdue.due_on, ${riskRank} desc, c.case_number`,
  };
});

/**
 * outcomes_missing (overdue.totalOutcomesMissing; with personId the staff member's outcomesMissing):
 * one row per appointment. `on` its day, `code` its kind, `person` the staff member booked,
 * `targetId` the appointment; no value. The longest ended first.
 */
export const outcomesMissingList = caseList((env, params) => {
  const source = outcomesMissingSource(env);
  return {
    // Every appointment has a staff member: "unassigned" matches none.
    source: { from: source.from, where: sql`${source.where} and ${personIs(sql`a.staff_user_id`, params.personId)}` },
    joins: sql`join users st on st.id = a.staff_user_id`,
    on: localDay(env, sql`a.starts_at`),
    code: sql`a.kind`,
    personId: sql`st.id`,
    personName: sql`st.display_name`,
    targetId: sql`a.id`,
    orderBy: sql`a.ends_at, c.case_number, a.id`,
  };
});
