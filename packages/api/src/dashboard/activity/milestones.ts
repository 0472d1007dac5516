/**
 * Milestone attainment per domain, as of today: every milestone on the cases in scope except the
 * not-applicable ones, counted by status. Domains with none are left out.
 */
import { MILESTONE_DOMAINS, type Dashboard, type MilestoneDomain } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { uuid } from "../../my-work/env";
import { byBytes, pagedList } from "./list-rows";

/** `from … where …` of the milestones the figure counts (case_milestones_case_idx from the cases). */
function countedMilestones(env: DashboardEnv): SQL {
  return sql`
    from case_milestones m join cases c on c.id = m.case_id
    where m.agency_id = ${uuid(env.agencyId)} and ${casesInScope(env)} and m.status <> 'not_applicable'`;
}

export async function milestoneFigures(env: DashboardEnv): Promise<Pick<Dashboard, "milestonesByDomain">> {
  const rows = await queryRows<{ domain: MilestoneDomain; planned: number; in_progress: number; achieved: number; regressed: number }>(
    env.ctx.db,
    sql`
      select m.domain,
        count(*) filter (where m.status = 'planned')::int as planned,
        count(*) filter (where m.status = 'in_progress')::int as in_progress,
        count(*) filter (where m.status = 'achieved')::int as achieved,
        count(*) filter (where m.status = 'regressed')::int as regressed
      ${countedMilestones(env)}
      group by m.domain`,
  );
  const milestonesByDomain = rows
    .map((row) => {
      const counts = { planned: Number(row.planned), inProgress: Number(row.in_progress), achieved: Number(row.achieved), regressed: Number(row.regressed) };
      return { domain: row.domain, ...counts, total: counts.planned + counts.inProgress + counts.achieved + counts.regressed };
    })
    // The vocabulary's order, the same on every dashboard.
    .sort((a, b) => MILESTONE_DOMAINS.indexOf(a.domain) - MILESTONE_DOMAINS.indexOf(b.domain));
  return { milestonesByDomain };
}

/*
 * milestones (params milestoneDomain, milestoneStatus; not_applicable matches none): by domain, then
 * case number. code = the status; on = the achieved day, else the target day; value, person = null;
 * targetId = the milestone.
 */
export const milestonesList: DashboardListQuery = pagedList(
  (env, params) => sql`
    select m.case_id, m.domain, c.case_number, coalesce(m.achieved_on, m.target_date)::text as on_day, null::float8 as value,
      m.status as code, null::uuid as person_id, m.id as target_id
    ${countedMilestones(env)}
    ${params.milestoneDomain ? sql`and m.domain = ${params.milestoneDomain}` : sql``}
    ${params.milestoneStatus ? sql`and m.status = ${params.milestoneStatus}` : sql``}`,
  sql`${byBytes(sql`x.domain`)}, ${byBytes(sql`x.case_number`)}, x.target_id`,
);
