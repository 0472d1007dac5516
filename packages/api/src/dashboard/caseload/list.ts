/**
 * A drill-down list over a CaseSource: each row is the case (number, alias where openable, status,
 * risk, primary social worker) and the list's own facts; `total` counts the same source.
 */
import type { DashboardListParams } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { aliasIfOpenable, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { fromSource, inScope, type CaseSource } from "./source";
import { toListRow, type ListRowRecord } from "../list-row";

/** One list: its source and what each of the row's own fields means in it (absent: null). */
export interface CaseListSpec {
  source: CaseSource;
  /** Joins the facts need, each giving exactly one row per source row (so paging and `total` agree). */
  joins?: SQL;
  /** A date (YYYY-MM-DD). */
  on?: SQL;
  value?: SQL;
  code?: SQL;
  personId?: SQL;
  personName?: SQL;
  targetId?: SQL;
  /** Most urgent first; must end with a key unique per row (the case number, then the record's id) so pages are stable. */
  orderBy: SQL;
}

const orNull = (expression: SQL | undefined) => expression ?? sql`null`;

function rowsQuery(env: DashboardEnv, spec: CaseListSpec, limit: number, offset: number): SQL {
  return sql`
    select c.id as case_id, c.case_number, ${aliasIfOpenable(env)} as alias, c.status, c.risk_level,
      pw.id as worker_id, pw.display_name as worker_name,
      (${orNull(spec.on)})::text as on_day, (${orNull(spec.value)})::float8 as value, (${orNull(spec.code)})::text as code,
      (${orNull(spec.personId)})::uuid as person_id, (${orNull(spec.personName)})::text as person_name,
      (${orNull(spec.targetId)})::uuid as target_id
    from ${spec.source.from}
    join clients cl on cl.id = c.client_id
    left join users pw on pw.id = c.primary_social_worker_id
    ${spec.joins ?? sql``}
    where ${inScope(env, spec.source)}
    order by ${spec.orderBy}
    limit ${limit} offset ${offset}`;
}

/** The DashboardListQuery of a spec that depends on the request and the list's parameters. */
export function caseList(specOf: (env: DashboardEnv, params: DashboardListParams) => CaseListSpec): DashboardListQuery {
  return {
    async rows(env, params, limit, offset) {
      const rows = await queryRows<ListRowRecord>(env.ctx.db, rowsQuery(env, specOf(env, params), limit, offset));
      return rows.map(toListRow);
    },
    async total(env, params) {
      const [row] = await queryRows<{ n: number }>(env.ctx.db, sql`select count(*)::int as n ${fromSource(env, specOf(env, params).source)}`);
      return Number(row?.n ?? 0);
    },
  };
}
