/**
 * The raw counts behind the anonymized statistics, counted by Postgres (one round trip, GROUP BY per
 * dimension). Only coded columns are read: no alias, no identifying column (not even the ciphertext)
 * is ever selected, so no row about a person leaves the database.
 */
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, periodEnd, periodStart, type DashboardEnv } from "../dashboard/env";
import { day } from "../my-work/env";

/** Counts by dimension: key → count. `age` is keyed by whole years at opening ("" when unknown). */
export interface StatisticCounts {
  included: number;
  excluded: number;
  month: Map<string, number>;
  harmType: Map<string, number>;
  age: Map<string, number>;
  sex: Map<string, number>;
  /** "" for a client with no province recorded. */
  province: Map<string, number>;
  referralSource: Map<string, number>;
  /** Takedown requests on the included cases, by the item's platform kind. */
  takedownPlatformKind: Map<string, number>;
}

/**
 * consentInForce (@lentera/domain, cases/consent.ts) as SQL: a reporting consent given on or before
 * today, not expired and not withdrawn by today.
 */
function reportingConsentInForce(caseId: SQL, today: string): SQL {
  return sql`exists (select 1 from consents k where k.case_id = ${caseId} and k.scope = 'reporting'
    and k.given_on <= ${day(today)}
    and (k.expires_on is null or k.expires_on > ${day(today)})
    and (k.withdrawn_on is null or k.withdrawn_on > ${day(today)}))`;
}

/**
 * ageOn (@lentera/domain, dashboard/cells.ts) as SQL: whole years from the birth date to the opening
 * day; the estimated age where no birth date is known.
 */
const ageAtOpening = sql`case when s.birth_date is not null
    then extract(year from s.opened_on)::int - extract(year from s.birth_date)::int
      - case when to_char(s.opened_on, 'MM-DD') < to_char(s.birth_date, 'MM-DD') then 1 else 0 end
    else s.estimated_age end`;

function countsQuery(env: DashboardEnv): SQL {
  return sql`
    with scoped as (
      select c.id, c.harm_types, c.referral_source, cl.birth_date, cl.estimated_age, cl.sex, cl.province,
        (c.opened_at at time zone ${env.timeZone})::date as opened_on,
        ${reportingConsentInForce(sql`c.id`, env.today)} as reporting
      from cases c
      join clients cl on cl.id = c.client_id
      where ${casesInScope(env)} and c.opened_at >= ${periodStart(env)} and c.opened_at < ${periodEnd(env)}
    ),
    s as (select * from scoped where reporting)
    select 'total' as dimension, case when reporting then 'included' else 'excluded' end as key, count(*)::int as count
      from scoped group by 2
    union all
    select 'month', to_char(s.opened_on, 'YYYY-MM'), count(*)::int from s group by 2
    union all
    -- A case counts once in each of its harm types.
    select 'harm_type', h.harm, count(distinct s.id)::int from s cross join lateral unnest(s.harm_types) as h(harm) group by 2
    union all
    select 'age', coalesce((${ageAtOpening})::text, ''), count(*)::int from s group by 2
    union all
    select 'sex', s.sex, count(*)::int from s group by 2
    union all
    select 'province', coalesce(s.province, ''), count(*)::int from s group by 2
    union all
    select 'referral_source', s.referral_source, count(*)::int from s group by 2
    union all
    -- Requests, not cases: an item with two requests counts twice. Only the coded kind is read.
    select 'takedown_platform_kind', h.platform_kind, count(*)::int
      from s join harm_items h on h.case_id = s.id join takedown_requests t on t.item_id = h.id group by 2`;
}

export async function countStatistics(env: DashboardEnv): Promise<StatisticCounts> {
  const rows = await queryRows<{ dimension: string; key: string; count: number }>(env.ctx.db, countsQuery(env));
  const of = (dimension: string) => new Map(rows.filter((row) => row.dimension === dimension).map((row) => [row.key, Number(row.count)]));
  const totals = of("total");
  return {
    included: totals.get("included") ?? 0,
    excluded: totals.get("excluded") ?? 0,
    month: of("month"),
    harmType: of("harm_type"),
    age: of("age"),
    sex: of("sex"),
    province: of("province"),
    referralSource: of("referral_source"),
    takedownPlatformKind: of("takedown_platform_kind"),
  };
}
