import { DASHBOARD_LISTS, dashboardListParams, type DashboardFilter, type DashboardList, type DashboardListParams } from "@lentera/domain";

/**
 * The dashboard's filter and a drill-down list's parameters live in the URL, so a figure's link,
 * the back button and a shared address all show the same numbers:
 *   /dashboard?scope=agency&team=<id>&worker=<id>&from=YYYY-MM-DD&to=YYYY-MM-DD
 *   /dashboard/lists/<list>?<the same filter>&<a key of dashboardListParams>=<value>…
 *   /dashboard/statistics?<the same filter>
 */
const pad = (value: number) => String(value).padStart(2, "0");
const isoDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The default period: the first day of the month five months ago to today (six calendar months). */
export function defaultPeriod(today: Date = new Date()): { from: string; to: string } {
  const first = new Date(today.getFullYear(), today.getMonth() - 5, 1);
  return { from: isoDay(first), to: isoDay(today) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromSearch(search: URLSearchParams, today: Date = new Date()): DashboardFilter {
  const period = defaultPeriod(today);
  const from = search.get("from");
  const to = search.get("to");
  return {
    agencyWide: search.get("scope") === "agency",
    teamId: search.get("team") ?? undefined,
    workerId: search.get("worker") ?? undefined,
    from: from && DAY.test(from) ? from : period.from,
    to: to && DAY.test(to) ? to : period.to,
  };
}

export function filterToSearch(filter: DashboardFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.agencyWide) search.set("scope", "agency");
  if (filter.teamId) search.set("team", filter.teamId);
  if (filter.workerId) search.set("worker", filter.workerId);
  search.set("from", filter.from);
  search.set("to", filter.to);
  return search;
}

const PARAM_KEYS = Object.keys(dashboardListParams.shape) as (keyof DashboardListParams)[];

/** A list's parameters from the URL; an unknown or malformed value is dropped rather than sent. */
export function listParamsFromSearch(search: URLSearchParams): DashboardListParams {
  const raw: Record<string, string> = {};
  for (const key of PARAM_KEYS) {
    const value = search.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = dashboardListParams.safeParse(raw);
  if (parsed.success) return parsed.data;
  const kept: Record<string, string> = {};
  for (const key of Object.keys(raw)) {
    if (dashboardListParams.safeParse({ [key]: raw[key] }).success) kept[key] = raw[key] as string;
  }
  return kept;
}

export function isDashboardList(value: string | undefined): value is DashboardList {
  return (DASHBOARD_LISTS as readonly string[]).includes(value ?? "");
}

/** The address of the list behind a figure. */
export function listHref(list: DashboardList, filter: DashboardFilter, params: DashboardListParams = {}): string {
  const search = filterToSearch(filter);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return `/dashboard/lists/${list}?${search.toString()}`;
}

export function dashboardHref(filter: DashboardFilter): string {
  return `/dashboard?${filterToSearch(filter).toString()}`;
}

export function statisticsHref(filter: DashboardFilter): string {
  return `/dashboard/statistics?${filterToSearch(filter).toString()}`;
}
