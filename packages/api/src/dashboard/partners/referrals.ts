/**
 * Referrals sent in the period from the cases in scope: by status, per partner, and the days from
 * sending to acceptance. Days are whole calendar days in the agency's zone (the decision's day minus
 * the sending day). A completed referral was accepted first, so it counts as accepted.
 */
import { REFERRAL_STATUSES, type Dashboard, type ReferralStatus } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, periodEnd, periodStart, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { uuid } from "../../my-work/env";
import { pagedList } from "../activity/list-rows";

/** `from … where …` of the referrals counted (referrals_case_idx from the cases). */
function sentInPeriod(env: DashboardEnv): SQL {
  return sql`
    from referrals r join cases c on c.id = r.case_id
    where r.agency_id = ${uuid(env.agencyId)} and ${casesInScope(env)}
      and r.sent_at >= ${periodStart(env)} and r.sent_at < ${periodEnd(env)}`;
}

const wasAccepted = sql`r.status in ('accepted', 'completed')`;
/** Whole days from sending to the acceptance, for an accepted referral with its decision recorded. */
function daysToAcceptance(env: DashboardEnv): SQL {
  return sql`case when ${wasAccepted} and r.decided_at is not null
    then ((r.decided_at at time zone ${env.timeZone})::date - (r.sent_at at time zone ${env.timeZone})::date) end`;
}

export async function referralFigures(env: DashboardEnv): Promise<Pick<Dashboard, "referrals">> {
  const [statusRows, partnerRows, medianRows] = await Promise.all([
    queryRows<{ status: ReferralStatus; n: number }>(env.ctx.db, sql`select r.status, count(*)::int as n ${sentInPeriod(env)} group by r.status`),
    queryRows<{ id: string; name: string; sent: number; accepted: number; completed: number }>(
      env.ctx.db,
      sql`
        select p.id, p.name, count(*)::int as sent,
          count(*) filter (where ${wasAccepted})::int as accepted,
          count(*) filter (where r.status = 'completed')::int as completed
        from (select r.partner_id, r.status ${sentInPeriod(env)}) r
        join partners p on p.id = r.partner_id
        group by p.id, p.name
        order by count(*) desc, p.name collate "C", p.id`,
    ),
    queryRows<{ accepted: number; median: number | null }>(
      env.ctx.db,
      sql`
        select count(*) filter (where ${wasAccepted})::int as accepted,
          round((percentile_cont(0.5) within group (order by ${daysToAcceptance(env)}))::numeric, 1)::float8 as median
        ${sentInPeriod(env)}`,
    ),
  ]);
  const byStatus = Object.fromEntries(REFERRAL_STATUSES.map((status) => [status, 0])) as Record<ReferralStatus, number>;
  for (const row of statusRows) byStatus[row.status] = Number(row.n);
  const median = medianRows[0]?.median;
  return {
    referrals: {
      byStatus,
      byPartner: partnerRows.map((row) => ({
        partner: { id: row.id, name: row.name },
        sent: Number(row.sent),
        accepted: Number(row.accepted),
        completed: Number(row.completed),
      })),
      accepted: Number(medianRows[0]?.accepted ?? 0),
      medianDaysToAcceptance: median === null || median === undefined ? null : Number(median),
    },
  };
}

/*
 * referrals (params referralStatus, partnerId): the earliest sent first. on = the sending day;
 * code = the status; value = days to acceptance (null: not accepted); person = who sent it;
 * targetId = the referral. The partner's name is not a column: filter by partnerId instead.
 */
export const referralsList: DashboardListQuery = pagedList(
  (env, params) => sql`
    select r.case_id, r.sent_at, r.id as referral_id, (r.sent_at at time zone ${env.timeZone})::date::text as on_day,
      (${daysToAcceptance(env)})::float8 as value, r.status as code, r.sent_by as person_id, r.id as target_id
    ${sentInPeriod(env)}
    ${params.referralStatus ? sql`and r.status = ${params.referralStatus}` : sql``}
    ${params.partnerId ? sql`and r.partner_id = ${uuid(params.partnerId)}` : sql``}`,
  sql`x.sent_at, x.referral_id`,
);
