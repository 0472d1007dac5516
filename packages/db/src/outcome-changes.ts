import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "./client";

/**
 * Rebuilds rows of case_outcome_changes from the completed assessments: for each case and
 * instrument, the earliest completed intake assessment against the latest completed one dated
 * after it (equal dates: the one completed last), per domain scored in both. `which` narrows the
 * assessments read (alias `a`); the API calls it for one case and instrument in the transaction
 * that completes an assessment, the bench generator and migration 0011 for all.
 */
export function outcomeChangeRows(which: SQL): SQL {
  return sql`
    select i.agency_id, i.case_id, i.instrument_code, b.v->>'domain' as domain, i.id as intake_assessment_id,
      latest.id as latest_assessment_id, latest.assessed_on as latest_assessed_on,
      (later.score_of->>(b.v->>'domain'))::float8 - (b.v->>'score')::float8 as difference
    from (
      select distinct on (a.case_id, a.instrument_code) a.id, a.agency_id, a.case_id, a.instrument_code, a.assessed_on, a.domain_scores
      from outcome_assessments a
      where a.timepoint = 'intake' and a.status = 'completed' and ${which}
      order by a.case_id, a.instrument_code, a.assessed_on, a.completed_at, a.id
    ) i
    join lateral (
      select l.id, l.assessed_on, l.domain_scores from outcome_assessments l
      where l.case_id = i.case_id and l.instrument_code = i.instrument_code and l.status = 'completed' and l.assessed_on > i.assessed_on
      order by l.assessed_on desc, l.completed_at desc, l.id desc
      limit 1
    ) latest on true
    cross join lateral (
      select jsonb_object_agg(l.v->>'domain', l.v->'score') as score_of from jsonb_array_elements(latest.domain_scores) l(v)
    ) later
    cross join lateral jsonb_array_elements(i.domain_scores) b(v)
    where jsonb_typeof(b.v->'score') = 'number' and jsonb_typeof(later.score_of->(b.v->>'domain')) = 'number'`;
}

const columns = sql.raw(
  "agency_id, case_id, instrument_code, domain, intake_assessment_id, latest_assessment_id, latest_assessed_on, difference",
);

/** Recomputes the outcome change of one case and instrument (call it in the transaction that completed an assessment). */
export async function rebuildOutcomeChanges(executor: Executor, caseId: string, instrumentCode: string): Promise<void> {
  await executor.execute(sql`delete from case_outcome_changes where case_id = ${caseId}::uuid and instrument_code = ${instrumentCode}`);
  await executor.execute(
    sql`insert into case_outcome_changes (${columns}) ${outcomeChangeRows(sql`a.case_id = ${caseId}::uuid and a.instrument_code = ${instrumentCode}`)}`,
  );
}

/** Recomputes every case's outcome change (bulk loads: the bench generator, test fixtures that insert assessments directly). */
export async function rebuildAllOutcomeChanges(executor: Executor): Promise<void> {
  await executor.execute(sql`delete from case_outcome_changes`);
  await executor.execute(sql`insert into case_outcome_changes (${columns}) ${outcomeChangeRows(sql`true`)}`);
}
