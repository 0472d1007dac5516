/**
 * Outcome change since intake, as of today. For each case in scope and each instrument: the
 * completed intake assessment (the earliest if several) and the latest completed assessment of the
 * same instrument dated after it (equal dates: the one completed last). Each domain scored in both
 * is compared: higher is improved, equal stayed, lower worsened — every instrument scores "higher is
 * better" (its atRiskAtOrBelow threshold marks the low end), so no instrument needs a direction.
 */
import type { Dashboard } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { uuid } from "../../my-work/env";
import { byBytes, pagedList } from "./list-rows";

/**
 * One row per (case, instrument, domain) compared: the latest assessment's id and day, and the
 * domain's latest score minus its intake score — read from case_outcome_changes, which the
 * transaction completing an assessment keeps current (packages/db/src/outcome-changes.ts says how
 * a pair is chosen). Computing it here from the jsonb scores took most of the dashboard's time at
 * 100,000 cases.
 */
function comparisons(env: DashboardEnv, only: { instrumentCode?: string | undefined; domain?: string | undefined } = {}): SQL {
  const instrument = only.instrumentCode === undefined ? sql`` : sql`and o.instrument_code = ${only.instrumentCode}`;
  const domain = only.domain === undefined ? sql`` : sql`and o.domain = ${only.domain}`;
  return sql`
    select o.case_id, o.instrument_code, o.latest_assessment_id as assessment_id, o.latest_assessed_on as assessed_on, o.domain, o.difference
    from case_outcome_changes o join cases c on c.id = o.case_id
    where o.agency_id = ${uuid(env.agencyId)} and ${casesInScope(env)} ${instrument} ${domain}`;
}

const change = (difference: SQL) => sql`case when ${difference} > 0 then 'improved' when ${difference} = 0 then 'stayed' else 'worsened' end`;

/** Rows per instrument, then domain (byte order: the same on every database). */
export async function outcomeChangeFigures(env: DashboardEnv): Promise<Pick<Dashboard, "outcomeChange">> {
  const rows = await queryRows<{ instrument_code: string; domain: string; improved: number; stayed: number; worsened: number }>(env.ctx.db, sql`
    select x.instrument_code, x.domain,
      count(*) filter (where x.difference > 0)::int as improved,
      count(*) filter (where x.difference = 0)::int as stayed,
      count(*) filter (where x.difference < 0)::int as worsened
    from (${comparisons(env)}) x
    group by x.instrument_code, x.domain
    order by ${byBytes(sql`x.instrument_code`)}, ${byBytes(sql`x.domain`)}`);
  return {
    outcomeChange: rows.map((row) => ({
      instrumentCode: row.instrument_code,
      domain: row.domain,
      improved: Number(row.improved),
      stayed: Number(row.stayed),
      worsened: Number(row.worsened),
    })),
  };
}

/*
 * outcome_change (params instrumentCode, outcomeDomain, change): one row per case and instrument
 * domain compared, by instrument, domain, then case number. code = the change (improved, stayed,
 * worsened); on = the latest assessment's day; value = latest score − intake score; person = null;
 * targetId = the latest assessment.
 */
export const outcomeChangeList: DashboardListQuery = pagedList(
  (env, params) => sql`
    select x.case_id, x.instrument_code, x.domain, c.case_number, x.assessed_on::text as on_day, x.difference::float8 as value,
      ${change(sql`x.difference`)} as code, null::uuid as person_id, x.assessment_id as target_id
    from (${comparisons(env, { instrumentCode: params.instrumentCode, domain: params.outcomeDomain })}) x
    join cases c on c.id = x.case_id
    ${params.change === undefined ? sql`` : sql`where ${change(sql`x.difference`)} = ${params.change}`}`,
  sql`${byBytes(sql`x.instrument_code`)}, ${byBytes(sql`x.domain`)}, ${byBytes(sql`x.case_number`)}, x.case_id`,
);
