/**
 * Pages a drill-down list from a "source": a select that yields one row per list row with the
 * columns case_id, on_day (text), value (float8), code (text), person_id (uuid), target_id (uuid)
 * plus whatever its ordering needs. The same source gives the total, so the two always agree.
 */
import type { DashboardListParams } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { aliasIfOpenable, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { toListRow, type ListRowRecord } from "../list-row";

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
      const records = await queryRows<ListRowRecord>(env.ctx.db, sql`
        select c.id as case_id, c.case_number, ${aliasIfOpenable(env)} as alias, c.status, c.risk_level,
          w.id as worker_id, w.display_name as worker_name,
          x.on_day, x.value, x.code, p.id as person_id, p.display_name as person_name, x.target_id
        from (select x.* from (${source(env, params)}) x order by ${orderBy} limit ${limit} offset ${offset}) x
        join cases c on c.id = x.case_id
        join clients cl on cl.id = c.client_id
        left join users w on w.id = c.primary_social_worker_id
        left join users p on p.id = x.person_id
        order by ${orderBy}`);
      return records.map(toListRow);
    },
    async total(env, params) {
      const [row] = await queryRows<{ n: number }>(env.ctx.db, sql`select count(*)::int as n from (${source(env, params)}) x`);
      return Number(row?.n ?? 0);
    },
  };
}

/** Text ordered by bytes, so the order is the same whatever the database's collation. */
export const byBytes = (expression: SQL) => sql`${expression} collate "C"`;
