/**
 * Time from opening to the first counseling session and to the first approved plan, over the cases
 * in scope opened in the period. Days are whole calendar days in the agency's zone: the event's day
 * minus the opening day (a session's date is already a local day; an approval instant is turned into
 * one). A case that has not reached the event counts in `cases` and not in `reached` or the median.
 */
import type { Dashboard } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, periodEnd, periodStart, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { pagedList } from "./list-rows";

/**
 * One row per case in scope opened in the period (cases_team_opened_idx): its opening day, the day
 * of its first session note, any status (session_notes_case_date_idx), and its first approval (the
 * approval instant stays on superseded versions; plan_versions_case_number_unique leads with case_id).
 */
function openedInPeriod(env: DashboardEnv): SQL {
  return sql`
    select c.id as case_id, c.opened_at, (c.opened_at at time zone ${env.timeZone})::date as opened_on,
      first_session.on_day as first_session_on,
      plan.id as first_plan_id, (plan.approved_at at time zone ${env.timeZone})::date as approved_on
    from cases c
    cross join lateral (select min(s.session_date) as on_day from session_notes s where s.case_id = c.id) first_session
    left join lateral (
      select pv.id, pv.approved_at from plan_versions pv
      where pv.case_id = c.id and pv.approved_at is not null
      order by pv.approved_at, pv.id
      limit 1
    ) plan on true
    where ${casesInScope(env)} and c.opened_at >= ${periodStart(env)} and c.opened_at < ${periodEnd(env)}`;
}

/** The middle value of the days, or the mean of the two middle ones, to one decimal. */
const medianDays = (days: SQL) => sql`round((percentile_cont(0.5) within group (order by ${days}))::numeric, 1)::float8`;

export async function timeToEventFigures(env: DashboardEnv): Promise<Pick<Dashboard, "timeToFirstSession" | "timeToPlanApproval">> {
  const [row] = await queryRows<{
    cases: number;
    session_reached: number;
    session_median: number | null;
    plan_reached: number;
    plan_median: number | null;
  }>(env.ctx.db, sql`
    select count(*)::int as cases,
      count(o.first_session_on)::int as session_reached, ${medianDays(sql`o.first_session_on - o.opened_on`)} as session_median,
      count(o.approved_on)::int as plan_reached, ${medianDays(sql`o.approved_on - o.opened_on`)} as plan_median
    from (${openedInPeriod(env)}) o`);
  const cases = Number(row?.cases ?? 0);
  const median = (value: number | null | undefined) => (value === null || value === undefined ? null : Number(value));
  return {
    timeToFirstSession: { cases, reached: Number(row?.session_reached ?? 0), medianDays: median(row?.session_median) },
    timeToPlanApproval: { cases, reached: Number(row?.plan_reached ?? 0), medianDays: median(row?.plan_median) },
  };
}

/*
 * first_session and plan_approval: every case opened in the period, the earliest opened first.
 *   on = the opening day; value = whole days to the event (null: not reached yet);
 *   person, code = null; targetId = the first approved plan version (plan_approval), else null.
 */
export const firstSessionList: DashboardListQuery = pagedList(
  (env) => sql`
    select o.case_id, o.opened_at, o.opened_on::text as on_day, (o.first_session_on - o.opened_on)::float8 as value,
      null::text as code, null::uuid as person_id, null::uuid as target_id
    from (${openedInPeriod(env)}) o`,
  sql`x.opened_at, x.case_id`,
);

export const planApprovalList: DashboardListQuery = pagedList(
  (env) => sql`
    select o.case_id, o.opened_at, o.opened_on::text as on_day, (o.approved_on - o.opened_on)::float8 as value,
      null::text as code, null::uuid as person_id, o.first_plan_id as target_id
    from (${openedInPeriod(env)}) o`,
  sql`x.opened_at, x.case_id`,
);
