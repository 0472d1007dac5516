import { describe, expect, it } from "vitest";
import type { DashboardFilter } from "@lentera/domain";
import { dashboardHref, defaultPeriod, filterFromSearch, filterToSearch, listHref, listParamsFromSearch, statisticsHref } from "./filter-url";

const TEAM = "0b7f5a8e-3c1d-4a55-9b2e-7a4c1e2d3f40";
const WORKER = "5e2d1c4b-7a8f-4e3d-8c2b-1a0f9e8d7c6b";
const today = new Date(2026, 2, 18); // 18 March 2026, local

describe("the dashboard's filter in the address", () => {
  it("comes back the same after a round trip, with and without its narrowing choices", () => {
    const filters: DashboardFilter[] = [
      { agencyWide: true, teamId: TEAM, workerId: WORKER, from: "2026-01-01", to: "2026-03-18" },
      { agencyWide: false, teamId: undefined, workerId: undefined, from: "2025-10-01", to: "2025-12-31" },
    ];
    for (const filter of filters) expect(filterFromSearch(filterToSearch(filter), today)).toEqual(filter);
  });

  it("writes only what is chosen: no scope, team or worker when none is", () => {
    const search = filterToSearch({ agencyWide: false, from: "2026-01-01", to: "2026-01-31" });
    expect(search.toString()).toBe("from=2026-01-01&to=2026-01-31");
  });

  it("falls back to the six calendar months up to today for a missing or malformed date", () => {
    expect(defaultPeriod(today)).toEqual({ from: "2025-10-01", to: "2026-03-18" });
    const filter = filterFromSearch(new URLSearchParams("from=yesterday&scope=teams"), today);
    expect(filter).toEqual({ agencyWide: false, teamId: undefined, workerId: undefined, from: "2025-10-01", to: "2026-03-18" });
  });

  it("links a figure to its list with the same filter and the figure's own parameters", () => {
    const filter: DashboardFilter = { agencyWide: false, teamId: TEAM, from: "2026-01-01", to: "2026-03-18" };
    const href = listHref("caseload", filter, { personId: "unassigned", riskLevel: "high", status: undefined });
    expect(href).toBe(`/dashboard/lists/caseload?team=${TEAM}&from=2026-01-01&to=2026-03-18&personId=unassigned&riskLevel=high`);
    const search = new URLSearchParams(href.split("?")[1]);
    expect(filterFromSearch(search, today)).toEqual({ ...filter, workerId: undefined });
    expect(listParamsFromSearch(search)).toEqual({ personId: "unassigned", riskLevel: "high" });
  });

  it("keeps a list's good parameters and drops a malformed one", () => {
    expect(listParamsFromSearch(new URLSearchParams("month=2026-13&milestoneDomain=family&change=better"))).toEqual({ milestoneDomain: "family" });
  });

  it("addresses the dashboard and the statistics with the same filter", () => {
    const filter: DashboardFilter = { agencyWide: true, from: "2026-01-01", to: "2026-01-31" };
    expect(dashboardHref(filter)).toBe("/dashboard?scope=agency&from=2026-01-01&to=2026-01-31");
    expect(statisticsHref(filter)).toBe("/dashboard/statistics?scope=agency&from=2026-01-01&to=2026-01-31");
  });
});
