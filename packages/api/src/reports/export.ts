/** Exports of a dashboard list: the rows for the browser to write as CSV or XLSX, and the audit event. */
import {
  EXPORT_MAX_ROWS,
  type DashboardFilter,
  type DashboardList,
  type DashboardListParams,
  type DashboardListRow,
  type ExportFormat,
} from "@lentera/domain";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { allListRows } from "../dashboard/get";

/**
 * Every row of the list (up to EXPORT_MAX_ROWS), read with the same scope as the list on screen.
 * The rows carry case numbers and aliases (null outside the viewer's teams), never identifying
 * data; the audit event records what was exported, not the rows themselves.
 */
export async function exportList(
  ctx: AuthedContext,
  input: { filter: DashboardFilter; list: DashboardList; params: DashboardListParams; format: ExportFormat },
): Promise<{ rows: DashboardListRow[]; total: number; truncated: boolean }> {
  const { rows, total, env } = await allListRows(ctx, input, EXPORT_MAX_ROWS);
  const truncated = total > rows.length;
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
      action: "report.list_exported",
      entityType: "report",
      details: {
        list: input.list,
        params: input.params,
        filter: input.filter,
        format: input.format,
        reach: env.reach,
        rows: rows.length,
        truncated,
      },
    }),
  );
  return { rows, total, truncated };
}
