/** Exports of a dashboard list: the rows for the browser to write as CSV or XLSX, and the audit event. */
import { EXPORT_MAX_ROWS, type DashboardFilter, type DashboardList, type DashboardListParams, type ExportFormat } from "@lentera/domain";
import type { AuthedContext } from "../trpc";

export async function exportList(
  _ctx: AuthedContext,
  _input: { filter: DashboardFilter; list: DashboardList; params: DashboardListParams; format: ExportFormat },
): Promise<{ rows: never[]; total: number; truncated: boolean }> {
  void EXPORT_MAX_ROWS;
  throw new Error("not implemented");
}
