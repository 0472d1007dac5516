import { describe, expect, it } from "vitest";
import { LOCALES, type DashboardFilter } from "@lentera/domain";
import { catalogPart, lookup } from "../../i18n/test-catalogs";
import { changeFilter, choosesScope, filterToApply, periodProblem, usableFilter } from "./dashboard-filter";

const TEAM = "0b7f5a8e-3c1d-4a55-9b2e-7a4c1e2d3f40";
const WORKER = "5e2d1c4b-7a8f-4e3d-8c2b-1a0f9e8d7c6b";
const today = new Date(2026, 2, 18);
const base: DashboardFilter = { agencyWide: false, teamId: TEAM, workerId: WORKER, from: "2026-01-01", to: "2026-03-18" };

describe("the period a dashboard may ask for", () => {
  it("accepts a period of one day and one of exactly the longest allowed length", () => {
    expect(periodProblem("2026-03-18", "2026-03-18")).toBeNull();
    expect(periodProblem("2024-03-18", "2026-03-19")).toBeNull(); // 731 days
  });

  it("refuses an end before the start, a longer period, and a date not filled in", () => {
    expect(periodProblem("2026-03-19", "2026-03-18")).toBe("dashboard.filter.periodOrder");
    expect(periodProblem("2024-03-18", "2026-03-20")).toBe("dashboard.filter.periodTooLong");
    expect(periodProblem("", "2026-03-18")).toBe("dashboard.filter.dateInvalid");
    expect(periodProblem("2026-02-30x", "2026-03-18")).toBe("dashboard.filter.dateInvalid");
  });

  it("names each problem in every language", () => {
    const keys = ["dashboard.filter.periodOrder", "dashboard.filter.periodTooLong", "dashboard.filter.dateInvalid"];
    for (const locale of LOCALES) {
      expect(keys.filter((key) => typeof lookup(catalogPart(locale, "dashboard"), key) !== "string")).toEqual([]);
    }
  });
});

describe("the filter the viewer's dashboard is asked with", () => {
  const supervisor = { dashboard: "teams", supervisesTeams: true } as const;
  const grantedSupervisor = { dashboard: "agency", supervisesTeams: true } as const;
  const grantedSocialWorker = { dashboard: "agency", supervisesTeams: false } as const;

  it("never asks for the whole agency without the agency's grant", () => {
    expect(usableFilter({ ...base, agencyWide: true }, supervisor, today).agencyWide).toBe(false);
    expect(choosesScope(supervisor)).toBe(false);
  });

  it("lets a granted supervisor choose, and gives a granted non-supervisor the whole agency (they have no teams' view)", () => {
    expect(usableFilter(base, grantedSupervisor, today).agencyWide).toBe(false);
    expect(usableFilter({ ...base, agencyWide: true }, grantedSupervisor, today).agencyWide).toBe(true);
    expect(choosesScope(grantedSupervisor)).toBe(true);
    expect(usableFilter(base, grantedSocialWorker, today).agencyWide).toBe(true);
    expect(choosesScope(grantedSocialWorker)).toBe(false);
  });

  it("replaces a period the server would refuse by the default one, keeping the rest", () => {
    expect(usableFilter({ ...base, from: "2026-04-01" }, supervisor, today)).toEqual({ ...base, from: "2025-10-01", to: "2026-03-18" });
    expect(usableFilter(base, supervisor, today)).toEqual(base);
  });
});

describe("changing one filter", () => {
  it("drops the team and the worker with another scope, and the worker with another team", () => {
    expect(changeFilter(base, { kind: "scope", agencyWide: true })).toEqual({ ...base, agencyWide: true, teamId: undefined, workerId: undefined });
    expect(changeFilter(base, { kind: "team", teamId: undefined })).toEqual({ ...base, teamId: undefined, workerId: undefined });
    expect(changeFilter(base, { kind: "team", teamId: TEAM })).toEqual(base);
  });

  it("keeps everything else when the worker or the period changes", () => {
    expect(changeFilter(base, { kind: "worker", workerId: undefined })).toEqual({ ...base, workerId: undefined });
    expect(changeFilter(base, { kind: "period", from: "2025-01-01", to: "2025-06-30" })).toEqual({ ...base, from: "2025-01-01", to: "2025-06-30" });
  });
});

describe("what a change puts in the address", () => {
  it("applies a complete change, and nothing when nothing changed", () => {
    const next = changeFilter(base, { kind: "worker", workerId: undefined });
    expect(filterToApply(next, base)).toEqual(next);
    expect(filterToApply({ ...base }, base)).toBeNull();
  });

  it("waits for a period to be finished, but applies a team chosen meanwhile with the period in force", () => {
    const unfinished = changeFilter(base, { kind: "period", from: "2026-04-01", to: base.to });
    expect(filterToApply(unfinished, base)).toBeNull();
    const teamChosen = changeFilter(unfinished, { kind: "team", teamId: undefined });
    expect(filterToApply(teamChosen, base)).toEqual({ ...base, teamId: undefined, workerId: undefined });
  });
});
