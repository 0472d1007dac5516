/**
 * Pages a drill-down list from a "source": a select that yields one row per list row with the
 * columns case_id, on_day (text), value (float8), code (text), person_id (uuid), target_id (uuid)
 * plus whatever its ordering needs. The same source gives the total, so the two always agree.
 */
import type { CaseStatus, DashboardListParams, DashboardListRow, RiskLevel } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { aliasIfOpenable, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { person } from "../../my-work/env";

interface RowRecord extends Record<string, unknown> {
  case_id: string;
  case_number: string;
  alias: string | null;
  status: CaseStatus;
  risk_level: RiskLevel;
  worker_id: string | null;
  worker_name: string | null;
  on_day: string | null;
  value: number | null;
  code: string | null;
  person_id: string | null;
  person_name: string | null;
  target_id: string | null;
}

/**
 * A list from its source and its order (an expression over the source's columns as `x`, ending in
 * a unique column so pages never overlap). The page is cut from the source before the case, client
 * and user lookups, so those run for the page's rows only.
 */
export function pagedList(
  source: (env: DashboardEnv, params: DashboardListParams) => SQL,
  orderBy: SQL,
): DashboardListQuery {
  return {
    async rows(env, params, limit, offset) {
      const records = await queryRows<RowRecord>(env.ctx.db, sql`
        select c.id as case_id, c.case_number, ${aliasIfOpenable(env)} as alias, c.status, c.risk_level,
          w.id as worker_id, w.display_name as worker_name,
          x.on_day, x.value, x.code, p.id as person_id, p.display_name as person_name, x.target_id
        from (select x.* from (${source(env, params)}) x order by ${orderBy} limit ${limit} offset ${offset}) x
        join cases c on c.id = x.case_id
        join clients cl on cl.id = c.client_id
        left join users w on w.id = c.primary_social_worker_id
        left join users p on p.id = x.person_id
        order by ${orderBy}`);
      return records.map(toRow);
    },
    async total(env, params) {
      const [row] = await queryRows<{ n: number }>(env.ctx.db, sql`select count(*)::int as n from (${source(env, params)}) x`);
      return Number(row?.n ?? 0);
    },
  };
}

function toRow(record: RowRecord): DashboardListRow {
  return {
    caseId: record.case_id,
    caseNumber: record.case_number,
    alias: record.alias,
    status: record.status,
    riskLevel: record.risk_level,
    worker: record.worker_id ? person(record.worker_id, record.worker_name) : null,
    on: record.on_day,
    value: record.value === null ? null : Number(record.value),
    code: record.code,
    person: record.person_id ? person(record.person_id, record.person_name) : null,
    targetId: record.target_id,
  };
}

/** Text ordered by bytes, so the order is the same whatever the database's collation. */
export const byBytes = (expression: SQL) => sql`${expression} collate "C"`;
