import type { TRPCRouterRecord } from "@trpc/server";
import {
  caseIdInput,
  caseSummarySchema,
  dashboardFilterInput,
  dashboardListInput,
  dashboardListSchema,
  dashboardSchema,
  exportListInput,
  exportListSchema,
  exportStatisticsInput,
  statisticsInput,
  statisticsSchema,
} from "@lentera/domain";
import { z } from "zod";
import { authedProcedure } from "../trpc";
import { dashboard, dashboardList } from "../dashboard/get";
import { exportList } from "../reports/export";
import { exportStatistics, statistics } from "../reports/statistics";
import { caseSummary } from "../reports/case-summary";

// Who sees which teams is decided once, in loadDashboardEnv (dashboardReach in @lentera/domain):
// supervisors their teams, a role the agency granted the whole agency, administrators nothing.
// Exports are mutations: each writes its audit event before the rows leave.
export const dashboardRouter = {
  get: authedProcedure.input(z.object({ filter: dashboardFilterInput })).output(dashboardSchema).query(({ ctx, input }) => dashboard(ctx, input.filter)),
  list: authedProcedure.input(dashboardListInput).output(dashboardListSchema).query(({ ctx, input }) => dashboardList(ctx, input)),
  exportList: authedProcedure.input(exportListInput).output(exportListSchema).mutation(({ ctx, input }) => exportList(ctx, input)),
  statistics: authedProcedure.input(statisticsInput).output(statisticsSchema).query(({ ctx, input }) => statistics(ctx, input.filter)),
  exportStatistics: authedProcedure
    .input(exportStatisticsInput)
    .output(statisticsSchema)
    .mutation(({ ctx, input }) => exportStatistics(ctx, input.filter)),
  caseSummary: authedProcedure.input(caseIdInput).output(caseSummarySchema).mutation(({ ctx, input }) => caseSummary(ctx, input.caseId)),
} satisfies TRPCRouterRecord;
