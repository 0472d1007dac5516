/** Anonymized statistics: counts by dimension over the cases whose consent covers reporting, small cells suppressed. */
import {
  AGE_GROUPS,
  ageGroup,
  HARM_TYPES,
  PLATFORM_KINDS,
  REFERRAL_SOURCES,
  SEXES,
  suppressSmallCells,
  suppressTotal,
  type AgeGroup,
  type DashboardFilter,
  type StatisticDimension,
  type Statistics,
} from "@lentera/domain";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { loadDashboardEnv, periodMonths, type DashboardEnv } from "../dashboard/env";
import { countStatistics, type StatisticCounts } from "./statistics-counts";

/** The province key of a client with none recorded. */
const UNKNOWN_PROVINCE = "unknown";

/** Whole years at opening → age groups (ageGroup in @lentera/domain decides the bands). */
function ageGroupCounts(byAge: Map<string, number>): Map<string, number> {
  const groups = new Map<AgeGroup, number>();
  for (const [age, count] of byAge) {
    const group = ageGroup(age === "" ? null : Number(age));
    groups.set(group, (groups.get(group) ?? 0) + count);
  }
  return groups;
}

/** Every key of each dimension, in the order the report shows them, with its real count. */
function rawBreakdowns(env: DashboardEnv, counts: StatisticCounts): { dimension: StatisticDimension; keys: string[]; counts: Map<string, number> }[] {
  const provinces = [...counts.province.keys()].filter((key) => key !== "").sort();
  const province = new Map(counts.province);
  province.set(UNKNOWN_PROVINCE, counts.province.get("") ?? 0);
  return [
    { dimension: "month", keys: periodMonths(env), counts: counts.month },
    { dimension: "harm_type", keys: [...HARM_TYPES], counts: counts.harmType },
    { dimension: "age_group", keys: [...AGE_GROUPS], counts: ageGroupCounts(counts.age) },
    { dimension: "sex", keys: [...SEXES], counts: counts.sex },
    { dimension: "province", keys: [...provinces, UNKNOWN_PROVINCE], counts: province },
    { dimension: "referral_source", keys: [...REFERRAL_SOURCES], counts: counts.referralSource },
    { dimension: "takedown_platform_kind", keys: [...PLATFORM_KINDS], counts: counts.takedownPlatformKind },
  ];
}

/**
 * Suppression happens here, on the server: a real count under the threshold never leaves it.
 * Harm types overlap (a case counts in each of its types), so their cells do not add up to the
 * published total and need no complementary suppression; nor do takedown requests by platform kind
 * (requests, not cases: no total to subtract from). Every other dimension does.
 */
async function computeStatistics(ctx: AuthedContext, filter: DashboardFilter): Promise<{ statistics: Statistics; env: DashboardEnv }> {
  const env = await loadDashboardEnv(ctx, filter);
  const counts = await countStatistics(env);
  const breakdowns = rawBreakdowns(env, counts).map(({ dimension, keys, counts: byKey }) => {
    const published = suppressSmallCells(
      keys.map((key) => byKey.get(key) ?? 0),
      dimension !== "harm_type" && dimension !== "takedown_platform_kind",
    );
    return { dimension, cells: keys.map((key, index) => ({ key, count: published[index] ?? null })) };
  });
  return {
    env,
    statistics: {
      from: filter.from,
      to: filter.to,
      includedCases: suppressTotal(counts.included),
      excludedCases: suppressTotal(counts.excluded),
      breakdowns,
    },
  };
}

export async function statistics(ctx: AuthedContext, filter: DashboardFilter): Promise<Statistics> {
  return (await computeStatistics(ctx, filter)).statistics;
}

/** The same statistics, audited as an export (the filter and reach; no case is named). */
export async function exportStatistics(ctx: AuthedContext, filter: DashboardFilter): Promise<Statistics> {
  const { statistics: result, env } = await computeStatistics(ctx, filter);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
      action: "report.statistics_exported",
      entityType: "report",
      details: { filter, reach: env.reach },
    }),
  );
  return result;
}
