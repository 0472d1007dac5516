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
 * domain's latest score minus its intake score. Both reads use outcome_assessments_case_idx; the
 * intake is picked by id first so the sort does not carry the scores, and the latest scores are
 * keyed by domain once per pair rather than searched per domain.
 */
function comparisons(env: DashboardEnv, only: { instrumentCode?: string | undefined; domain?: string | undefined } = {}): SQL {
  // A list of one instrument or domain filters before the scores are expanded, not after.
  const instrument = only.instrumentCode === undefined ? sql`` : sql`and a.instrument_code = ${only.instrumentCode}`;
  const domain = only.domain === undefined ? sql`` : sql`and b.v->>'domain' = ${only.domain}`;
  return sql`
    select i.case_id, i.instrument_code, latest.id as assessment_id, latest.assessed_on, d.domain, d.difference
    from (
      select distinct on (a.case_id, a.instrument_code) a.id, a.case_id, a.instrument_code, a.assessed_on
      from outcome_assessments a join cases c on c.id = a.case_id
      where a.agency_id = ${uuid(env.agencyId)} and ${casesInScope(env)} and a.timepoint = 'intake' and a.status = 'completed' ${instrument}
      order by a.case_id, a.instrument_code, a.assessed_on, a.completed_at, a.id
    ) i
    join outcome_assessments intake on intake.id = i.id
    join lateral (
      select l.id, l.assessed_on, l.domain_scores from outcome_assessments l
      where l.case_id = i.case_id and l.instrument_code = i.instrument_code and l.status = 'completed' and l.assessed_on > i.assessed_on
      order by l.assessed_on desc, l.completed_at desc, l.id desc
      limit 1
    ) latest on true
    cross join lateral (
      select jsonb_object_agg(l.v->>'domain', l.v->'score') as score_of from jsonb_array_elements(latest.domain_scores) l(v)
    ) later
    cross join lateral (
      select b.v->>'domain' as domain, (later.score_of->>(b.v->>'domain'))::numeric - (b.v->>'score')::numeric as difference
      from jsonb_array_elements(intake.domain_scores) b(v)
      where jsonb_typeof(b.v->'score') = 'number' and jsonb_typeof(later.score_of->(b.v->>'domain')) = 'number' ${domain}
      offset 0 -- computed here: pulled up, the scores would travel into the aggregate's sort
    ) d`;
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
