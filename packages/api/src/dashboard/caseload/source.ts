/**
 * What a figure and its list share: the rows they count, as FROM items joining the case as `c` and
 * a condition. The figure counts (or groups) them, the list pages through them; casesInScope(env)
 * is added in both places, so the list's total is the figure's number by construction.
 */
import { RISK_LEVELS } from "@lentera/domain";
import { sql, type SQL } from "@lentera/db";
import { casesInScope, type DashboardEnv } from "../env";

export interface CaseSource {
  /** FROM items with the case aliased `c`, e.g. `plan_versions pv join cases c on c.id = pv.case_id`. */
  from: SQL;
  /** The source's own condition (without the scope). */
  where: SQL;
}

/** The source's condition in the request's scope. */
export const inScope = (env: DashboardEnv, source: CaseSource) => sql`${casesInScope(env)} and ${source.where}`;

/** The source's rows in the request's scope, as a FROM … WHERE fragment. */
export const fromSource = (env: DashboardEnv, source: CaseSource) => sql`from ${source.from} where ${inScope(env, source)}`;

/** How many rows the source has in scope, as a scalar subquery. */
export const countOfSource = (env: DashboardEnv, source: CaseSource) => sql`(select count(*)::int ${fromSource(env, source)})`;

/** Open = not closed. */
export const isOpen = sql`c.status <> 'closed'`;

/** Risk by severity (critical highest), not by name. */
export const riskRank = sql`array_position(array[${sql.raw(RISK_LEVELS.map((level) => `'${level}'`).join(","))}]::text[], c.risk_level)`;

/** The agency's calendar day of an instant (a date). */
export const localDay = (env: DashboardEnv, at: SQL) => sql`(${at} at time zone ${env.timeZone})::date`;

/** `column = the person`, where "unassigned" means no one (the column is null). */
export function personIs(column: SQL, personId: string | undefined): SQL {
  if (personId === undefined) return sql`true`;
  return personId === "unassigned" ? sql`${column} is null` : sql`${column} = ${personId}::uuid`;
}
