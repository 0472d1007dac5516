/**
 * Items found online on the cases in scope and what their takedown requests achieved, as of today
 * (not bound to the period). Only counts, days and codes leave: never a locator or a platform name.
 * An item's state is its latest request's (the latest reported_on, then the latest recorded).
 */
import type { Dashboard } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { uuid } from "../../my-work/env";
import { pagedList } from "../activity/list-rows";

/**
 * One row per item on a case in scope with at least one takedown request: the first request's day,
 * the latest request's status and status day, and whole days to removal when that status is removed.
 */
function reportedItems(env: DashboardEnv): SQL {
  return sql`
    select h.id as item_id, h.case_id, first_request.reported_on as first_reported_on,
      latest.status as latest_status,
      case when latest.status = 'removed' then latest.status_on - first_request.reported_on end as days_to_removal
    from harm_items h
    join cases c on c.id = h.case_id
    cross join lateral (select min(t.reported_on) as reported_on from takedown_requests t where t.item_id = h.id) first_request
    cross join lateral (
      select t.status, t.status_on from takedown_requests t where t.item_id = h.id
      order by t.reported_on desc, t.created_at desc, t.id desc
      limit 1
    ) latest
    where h.agency_id = ${uuid(env.agencyId)} and ${casesInScope(env)}`;
}

export async function takedownFigures(env: DashboardEnv): Promise<Pick<Dashboard, "takedowns">> {
  const [row] = await queryRows<{ reported: number; removed: number; median: number | null }>(
    env.ctx.db,
    sql`
      select count(*)::int as reported, count(*) filter (where i.latest_status = 'removed')::int as removed,
        round((percentile_cont(0.5) within group (order by i.days_to_removal))::numeric, 1)::float8 as median
      from (${reportedItems(env)}) i`,
  );
  const median = row?.median;
  return {
    takedowns: {
      itemsReported: Number(row?.reported ?? 0),
      itemsRemoved: Number(row?.removed ?? 0),
      medianDaysToRemoval: median === null || median === undefined ? null : Number(median),
    },
  };
}

/*
 * takedowns (param takedownState: reported, the default, is every item with a request; removed, those
 * whose latest request is removed): the earliest first request first. on = the first request's day;
 * code = the latest request's status; value = days to removal (null: not removed); person = null;
 * targetId = the item.
 */
export const takedownsList: DashboardListQuery = pagedList(
  (env, params) => sql`
    select i.case_id, i.item_id, i.first_reported_on, i.first_reported_on::text as on_day, i.days_to_removal::float8 as value,
      i.latest_status as code, null::uuid as person_id, i.item_id as target_id
    from (${reportedItems(env)}) i
    ${params.takedownState === "removed" ? sql`where i.latest_status = 'removed'` : sql``}`,
  sql`x.first_reported_on, x.item_id`,
);
