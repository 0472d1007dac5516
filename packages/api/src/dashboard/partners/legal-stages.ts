/** Cases in scope with a legal process, by the stage it is at now (one process per case; not bound to the period). */
import { LEGAL_STAGES, type Dashboard, type LegalStage } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { uuid } from "../../my-work/env";
import { byBytes, pagedList } from "../activity/list-rows";

/** `from … where …` of the legal processes counted (legal_processes_agency_stage_idx). */
function processesInScope(env: DashboardEnv): SQL {
  return sql`
    from legal_processes lp join cases c on c.id = lp.case_id
    where lp.agency_id = ${uuid(env.agencyId)} and ${casesInScope(env)}`;
}

export async function legalStageFigures(env: DashboardEnv): Promise<Pick<Dashboard, "legalStages">> {
  const rows = await queryRows<{ stage: LegalStage; n: number }>(env.ctx.db, sql`select lp.stage, count(*)::int as n ${processesInScope(env)} group by lp.stage`);
  const legalStages = Object.fromEntries(LEGAL_STAGES.map((stage) => [stage, 0])) as Record<LegalStage, number>;
  for (const row of rows) legalStages[row.stage] = Number(row.n);
  return { legalStages };
}

/*
 * legal_stage (param legalStage; absent: every case with a process): by stage in the vocabulary's
 * order, then case number. code = the stage; on = the day it reached it; value, person = null;
 * targetId = the legal process.
 */
export const legalStageList: DashboardListQuery = pagedList(
  (env, params) => sql`
    select lp.case_id, c.case_number, array_position(${sql.raw(`array[${LEGAL_STAGES.map((stage) => `'${stage}'`).join(", ")}]::text[]`)}, lp.stage) as stage_order,
      lp.stage_on::text as on_day, null::float8 as value, lp.stage as code, null::uuid as person_id, lp.id as target_id
    ${processesInScope(env)}
    ${params.legalStage ? sql`and lp.stage = ${params.legalStage}` : sql``}`,
  sql`x.stage_order, ${byBytes(sql`x.case_number`)}, x.target_id`,
);
