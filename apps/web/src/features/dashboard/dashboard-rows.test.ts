import { describe, expect, it } from "vitest";
import type { Dashboard } from "@lentera/domain";
import {
  caseloadRows,
  chartSlice,
  columnTotals,
  countsNothing,
  MILESTONE_COLUMNS,
  milestoneRows,
  monthRows,
  outcomeParams,
  outcomeRows,
  overdueRows,
  RISK_COLUMNS,
} from "./dashboard-rows";

const SARI = { id: "5e2d1c4b-7a8f-4e3d-8c2b-1a0f9e8d7c6b", name: "Sari Wulandari" };
const RINA = { id: "0b7f5a8e-3c1d-4a55-9b2e-7a4c1e2d3f40", name: "Rina Putri" };

const answer = {
  caseload: [
    { worker: SARI, open: 31, byRisk: { low: 10, medium: 15, high: 5, critical: 1 } },
    { worker: null, open: 2, byRisk: { low: 1, medium: 0, high: 1, critical: 0 } },
  ],
  casesByStatus: { intake: 0, active: 0, on_hold: 0, closed: 0 },
  monthly: [
    { month: "2026-02", opened: 4, closed: 1 },
    { month: "2026-03", opened: 2, closed: 3 },
  ],
  overdue: {
    totalReviews: 9,
    totalOutcomesMissing: 2,
    byWorker: [
      { worker: SARI, overdueReviews: 7, outcomesMissing: 0 },
      { worker: null, overdueReviews: 2, outcomesMissing: 0 },
      { worker: RINA, overdueReviews: 0, outcomesMissing: 2 },
    ],
  },
  milestonesByDomain: [
    { domain: "family", planned: 1, inProgress: 2, achieved: 3, regressed: 0, total: 6 },
    { domain: "education", planned: 0, inProgress: 0, achieved: 0, regressed: 0, total: 0 },
  ],
  outcomeChange: [
    { instrumentCode: "ijm_aso", domain: "safety", improved: 3, stayed: 1, worsened: 1 },
    { instrumentCode: "agency_tool", domain: "hope", improved: 0, stayed: 2, worsened: 0 },
  ],
} satisfies Pick<Dashboard, "caseload" | "casesByStatus" | "monthly" | "overdue" | "milestonesByDomain" | "outcomeChange">;

describe("the dashboard's answer as table and chart rows", () => {
  it("gives each caseload row the person its lists ask for, 'unassigned' for cases with no primary social worker", () => {
    const rows = caseloadRows(answer);
    expect(rows.map((row) => [row.name, row.personId, row.open])).toEqual([
      ["Sari Wulandari", SARI.id, 31],
      [null, "unassigned", 2],
    ]);
    expect(rows[0]?.values).toEqual({ low: 10, medium: 15, high: 5, critical: 1 });
    expect(columnTotals(rows, RISK_COLUMNS)).toEqual({ low: 11, medium: 15, high: 6, critical: 1 });
  });

  it("keeps the months in order with both counts, and totals them over the period", () => {
    const rows = monthRows(answer);
    expect(rows.map((row) => row.month)).toEqual(["2026-02", "2026-03"]);
    expect(columnTotals(rows, ["opened", "closed"] as const)).toEqual({ opened: 6, closed: 4 });
  });

  it("lists overdue work per worker in the answer's order", () => {
    expect(overdueRows(answer).map((row) => [row.personId, row.overdueReviews, row.outcomesMissing])).toEqual([
      [SARI.id, 7, 0],
      ["unassigned", 2, 0],
      [RINA.id, 0, 2],
    ]);
  });

  it("counts milestones by the statuses a list asks for, achieved first, with the achieved share", () => {
    expect(MILESTONE_COLUMNS).toEqual(["achieved", "in_progress", "planned", "regressed"]);
    const [family, education] = milestoneRows(answer);
    expect(family?.values).toEqual({ achieved: 3, in_progress: 2, planned: 1, regressed: 0 });
    expect(family?.attainment).toBe(0.5);
    expect(education?.attainment).toBeNull();
  });

  it("names outcome domains from the instrument, or by their ids when the instrument is unknown", () => {
    const rows = outcomeRows(answer, {
      instrument: (code) => (code === "ijm_aso" ? "Assessment of Survivor Outcomes" : null),
      domain: (code, domain) => (code === "ijm_aso" && domain === "safety" ? "Safety" : null),
    });
    expect(rows.map((row) => [row.instrumentName, row.domainName, row.total])).toEqual([
      ["Assessment of Survivor Outcomes", "Safety", 5],
      ["agency_tool", "hope", 2],
    ]);
    expect(outcomeParams(rows[0] ?? { instrumentCode: "", domain: "" }, "worsened")).toEqual({
      instrumentCode: "ijm_aso",
      outcomeDomain: "safety",
      change: "worsened",
    });
    expect(outcomeParams({ instrumentCode: "ijm_aso", domain: "safety" })).toEqual({ instrumentCode: "ijm_aso", outcomeDomain: "safety" });
  });

  it("cuts a chart to its first rows and says so", () => {
    expect(chartSlice([1, 2, 3], 2)).toEqual({ rows: [1, 2], truncated: true });
    expect(chartSlice([1, 2], 2)).toEqual({ rows: [1, 2], truncated: false });
  });

  it("knows when nothing is counted at all", () => {
    expect(countsNothing(answer)).toBe(true);
    expect(countsNothing({ casesByStatus: { ...answer.casesByStatus, closed: 1 } })).toBe(false);
  });
});
