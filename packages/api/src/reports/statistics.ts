/** Anonymized statistics: counts by dimension over the cases whose consent covers reporting, small cells suppressed. */
import type { DashboardFilter, Statistics } from "@lentera/domain";
import type { AuthedContext } from "../trpc";

export async function statistics(_ctx: AuthedContext, _filter: DashboardFilter): Promise<Statistics> {
  throw new Error("not implemented");
}

/** The same statistics, audited as an export. */
export async function exportStatistics(_ctx: AuthedContext, _filter: DashboardFilter): Promise<Statistics> {
  throw new Error("not implemented");
}
