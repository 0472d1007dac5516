/**
 * The dashboard's answer turned into the rows its tables and charts show: one row per worker,
 * month, domain…, each number beside the list parameters of the cases behind it. Pure; the same
 * rows feed a chart and its table, so the two always say the same.
 */
import {
  OUTCOME_CHANGES,
  RISK_LEVELS,
  type Dashboard,
  type DashboardListParams,
  type MilestoneDomain,
  type MilestoneStatus,
  type OutcomeChange,
  type RiskLevel,
} from "@lentera/domain";

type Person = { id: string; name: string } | null;

/** A list's personId for a worker: their id, or "unassigned" for cases with no primary social worker. */
export const personParam = (worker: Person): string => worker?.id ?? "unassigned";

export interface CaseloadRow {
  key: string;
  /** null: no primary social worker. */
  name: string | null;
  personId: string;
  open: number;
  values: Record<RiskLevel, number>;
}

export function caseloadRows(dashboard: Pick<Dashboard, "caseload">): CaseloadRow[] {
  return dashboard.caseload.map((row) => ({
    key: personParam(row.worker),
    name: row.worker?.name ?? null,
    personId: personParam(row.worker),
    open: row.open,
    values: row.byRisk,
  }));
}

/** The sum of each column of rows (a table's total row). */
export function columnTotals<K extends string>(rows: readonly { values: Record<K, number> }[], keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, rows.reduce((sum, row) => sum + row.values[key], 0)])) as Record<K, number>;
}

export interface OverdueRow {
  key: string;
  name: string | null;
  personId: string;
  overdueReviews: number;
  outcomesMissing: number;
}

export function overdueRows(dashboard: Pick<Dashboard, "overdue">): OverdueRow[] {
  return dashboard.overdue.byWorker.map((row) => ({
    key: personParam(row.worker),
    name: row.worker?.name ?? null,
    personId: personParam(row.worker),
    overdueReviews: row.overdueReviews,
    outcomesMissing: row.outcomesMissing,
  }));
}

export interface MonthRow {
  key: string;
  /** YYYY-MM */
  month: string;
  values: { opened: number; closed: number };
}

export function monthRows(dashboard: Pick<Dashboard, "monthly">): MonthRow[] {
  return dashboard.monthly.map((row) => ({ key: row.month, month: row.month, values: { opened: row.opened, closed: row.closed } }));
}

/**
 * The milestone statuses the dashboard counts, as the answer names them and as a list asks for
 * them; achieved first, so a stacked bar's first part is the attainment.
 */
export const COUNTED_MILESTONE_STATUSES = [
  { field: "achieved", status: "achieved" },
  { field: "inProgress", status: "in_progress" },
  { field: "planned", status: "planned" },
  { field: "regressed", status: "regressed" },
] as const satisfies readonly { field: string; status: MilestoneStatus }[];
export type CountedMilestoneStatus = (typeof COUNTED_MILESTONE_STATUSES)[number]["status"];
export const MILESTONE_COLUMNS: readonly CountedMilestoneStatus[] = COUNTED_MILESTONE_STATUSES.map((counted) => counted.status);

export interface MilestoneRow {
  domain: MilestoneDomain;
  values: Record<CountedMilestoneStatus, number>;
  total: number;
  /** achieved / total, or null without milestones. */
  attainment: number | null;
}

export function milestoneRows(dashboard: Pick<Dashboard, "milestonesByDomain">): MilestoneRow[] {
  return dashboard.milestonesByDomain.map((row) => {
    const values = Object.fromEntries(COUNTED_MILESTONE_STATUSES.map(({ field, status }) => [status, row[field]])) as Record<CountedMilestoneStatus, number>;
    return { domain: row.domain, values, total: row.total, attainment: row.total > 0 ? row.achieved / row.total : null };
  });
}

export interface OutcomeRow {
  key: string;
  instrumentCode: string;
  domain: string;
  /** What the reader calls the instrument and its domain (ids when the instrument is unknown). */
  instrumentName: string;
  domainName: string;
  values: Record<OutcomeChange, number>;
  total: number;
}

export interface OutcomeNames {
  instrument(code: string): string | null;
  domain(code: string, domain: string): string | null;
}

export function outcomeRows(dashboard: Pick<Dashboard, "outcomeChange">, names: OutcomeNames): OutcomeRow[] {
  return dashboard.outcomeChange.map((row) => {
    const values = { improved: row.improved, stayed: row.stayed, worsened: row.worsened };
    return {
      key: `${row.instrumentCode}/${row.domain}`,
      instrumentCode: row.instrumentCode,
      domain: row.domain,
      instrumentName: names.instrument(row.instrumentCode) ?? row.instrumentCode,
      domainName: names.domain(row.instrumentCode, row.domain) ?? row.domain,
      values,
      total: OUTCOME_CHANGES.reduce((sum, change) => sum + values[change], 0),
    };
  });
}

/** The list parameters of one outcome-change cell. */
export const outcomeParams = (row: Pick<OutcomeRow, "instrumentCode" | "domain">, change?: OutcomeChange): DashboardListParams => ({
  instrumentCode: row.instrumentCode,
  outcomeDomain: row.domain,
  ...(change ? { change } : {}),
});

/** Risk levels, the most serious last: stacked bars read from low to critical. */
export const RISK_COLUMNS: readonly RiskLevel[] = RISK_LEVELS;

/** One bar of a chart: its label and a value per series. */
export interface ChartRow<K extends string> {
  key: string;
  label: string;
  values: Record<K, number>;
}

/** The first `limit` rows, and whether some were left out (a chart stays readable on a phone; its table lists all). */
export function chartSlice<T>(rows: readonly T[], limit: number): { rows: T[]; truncated: boolean } {
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}

/** True when the answer counts no case at all (the empty state). */
export function countsNothing(dashboard: Pick<Dashboard, "casesByStatus">): boolean {
  return Object.values(dashboard.casesByStatus).every((count) => count === 0);
}
