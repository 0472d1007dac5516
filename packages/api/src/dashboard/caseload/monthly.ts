/**
 * New and closed cases per month: the agency's calendar months of opened_at and closed_at, within
 * the period. A case closed in the period and reopened since has no closed_at and is not counted.
 */
import { addDays, startOfLocalDay, type Dashboard, type DashboardListParams } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, periodEnd, periodMonths, periodStart, type DashboardEnv } from "../env";
import { instant } from "../../my-work/env";
import { caseList } from "./list";
import { localDay } from "./source";

export async function monthlyFigures(env: DashboardEnv): Promise<Pick<Dashboard, "monthly">> {
  // One pass over the cases in scope: each case is an opening event and maybe a closing one.
  const rows = await queryRows<{ month: string; opened: number; closed: number }>(
    env.ctx.db,
    sql`
      select to_char(e.at at time zone ${env.timeZone}, 'YYYY-MM') as month,
        (count(*) filter (where e.kind = 'opened'))::int as opened, (count(*) filter (where e.kind = 'closed'))::int as closed
      from cases c
      cross join lateral (values ('opened', c.opened_at), ('closed', c.closed_at)) as e(kind, at)
      where ${casesInScope(env)} and e.at >= ${periodStart(env)} and e.at < ${periodEnd(env)}
      group by 1`,
  );
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return {
    monthly: periodMonths(env).map((month) => ({
      month,
      opened: Number(byMonth.get(month)?.opened ?? 0),
      closed: Number(byMonth.get(month)?.closed ?? 0),
    })),
  };
}

/** The instants a list counts between: the month (in the agency's zone) within the period, or the whole period. */
function span(env: DashboardEnv, params: DashboardListParams): { start: Date; end: Date } {
  if (!params.month) return { start: env.periodStart, end: env.periodEnd };
  const first = `${params.month}-01`;
  const next = addDays(`${params.month}-28`, 4).slice(0, 7); // some day of the next month
  const monthStart = startOfLocalDay(first, env.timeZone);
  const monthEnd = startOfLocalDay(`${next}-01`, env.timeZone);
  return {
    start: monthStart > env.periodStart ? monthStart : env.periodStart,
    end: monthEnd < env.periodEnd ? monthEnd : env.periodEnd,
  };
}

const within = (column: SQL, bounds: { start: Date; end: Date }) => sql`${column} >= ${instant(bounds.start)} and ${column} < ${instant(bounds.end)}`;

/**
 * opened: the cases opened in the month (monthly[].opened), or in the period without one. Row: `on`
 * the opening day; no value, code, person or target. In opening order, then case number.
 */
export const openedList = caseList((env, params) => ({
  source: { from: sql`cases c`, where: within(sql`c.opened_at`, span(env, params)) },
  on: localDay(env, sql`c.opened_at`),
  orderBy: sql`c.opened_at, c.case_number`,
}));

/**
 * closed: the cases closed in the month (monthly[].closed), or in the period without one. Row: `on`
 * the closing day, `code` the closure reason; no value, person or target. In closing order, then case number.
 */
export const closedList = caseList((env, params) => ({
  source: { from: sql`cases c`, where: within(sql`c.closed_at`, span(env, params)) },
  on: localDay(env, sql`c.closed_at`),
  code: sql`c.closure_reason`,
  orderBy: sql`c.closed_at, c.case_number`,
}));
