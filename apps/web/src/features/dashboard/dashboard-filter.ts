import { MAX_REPORT_PERIOD_DAYS, type DashboardFilter } from "@lentera/domain";
import { defaultPeriod } from "./filter-url";

/** What auth.me says about the viewer's dashboard, and whether they supervise a team of their own. */
export interface DashboardViewer {
  dashboard: "agency" | "teams" | null;
  supervisesTeams: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Why a period cannot be asked for (a catalog key), or null when it can. */
export function periodProblem(from: string, to: string): string | null {
  if (!DAY.test(from) || Number.isNaN(dayNumber(from))) return "dashboard.filter.dateInvalid";
  if (!DAY.test(to) || Number.isNaN(dayNumber(to))) return "dashboard.filter.dateInvalid";
  if (from > to) return "dashboard.filter.periodOrder";
  if (dayNumber(to) - dayNumber(from) > MAX_REPORT_PERIOD_DAYS) return "dashboard.filter.periodTooLong";
  return null;
}

/**
 * The filter the server can answer for this viewer: the whole agency only for a role the agency
 * granted it (and always for such a viewer who supervises no team: they have no teams' view), and
 * the default period instead of one the server would refuse (an address typed or cut short).
 */
export function usableFilter(filter: DashboardFilter, viewer: DashboardViewer, today: Date = new Date()): DashboardFilter {
  const agencyWide = viewer.dashboard === "agency" && (filter.agencyWide || !viewer.supervisesTeams);
  const period = periodProblem(filter.from, filter.to) === null ? { from: filter.from, to: filter.to } : defaultPeriod(today);
  return { ...filter, ...period, agencyWide };
}

/** Whether the viewer may switch between their teams and the whole agency. */
export function choosesScope(viewer: DashboardViewer): boolean {
  return viewer.dashboard === "agency" && viewer.supervisesTeams;
}

export type FilterChange =
  | { kind: "scope"; agencyWide: boolean }
  | { kind: "team"; teamId: string | undefined }
  | { kind: "worker"; workerId: string | undefined }
  | { kind: "period"; from: string; to: string };

/**
 * The filter after one change. A narrower choice that may no longer be in reach is let go: a
 * different scope drops the team and the worker, a different team drops the worker (the server
 * refuses a worker outside the counted teams).
 */
export function changeFilter(filter: DashboardFilter, change: FilterChange): DashboardFilter {
  switch (change.kind) {
    case "scope":
      return { ...filter, agencyWide: change.agencyWide, teamId: undefined, workerId: undefined };
    case "team":
      return { ...filter, teamId: change.teamId, workerId: change.teamId === filter.teamId ? filter.workerId : undefined };
    case "worker":
      return { ...filter, workerId: change.workerId };
    case "period":
      return { ...filter, from: change.from, to: change.to };
  }
}

/**
 * What to put in the address after the user changed the filter to `next`: nothing while it holds
 * an unfinished period and nothing else changed; otherwise `next`, with the period in force when
 * its own is not one yet (a team chosen meanwhile still applies).
 */
export function filterToApply(next: DashboardFilter, current: DashboardFilter): DashboardFilter | null {
  const periodReady = periodProblem(next.from, next.to) === null;
  const applied = periodReady ? next : { ...next, from: current.from, to: current.to };
  const same =
    applied.agencyWide === current.agencyWide &&
    applied.teamId === current.teamId &&
    applied.workerId === current.workerId &&
    applied.from === current.from &&
    applied.to === current.to;
  return same ? null : applied;
}
