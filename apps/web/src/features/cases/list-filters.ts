import {
  CASE_STATUSES,
  HARM_TYPES,
  LIST_SORTS,
  RISK_LEVELS,
  type CaseStatus,
  type HarmType,
  type RiskLevel,
} from "@lentera/domain";

export type ListSort = (typeof LIST_SORTS)[number];

export interface ListFilters {
  scope: "mine" | "team";
  search: string;
  status: CaseStatus | "";
  riskLevel: RiskLevel | "";
  harmType: HarmType | "";
  sort: ListSort;
}

function oneOf<T extends string>(list: readonly T[], value: string | null): T | "" {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : "";
}

/**
 * The list's filters live in the address (so Back and a reload keep them); anything unknown there
 * falls back to the default. Only supervisors may ask for the team's cases.
 */
export function readListFilters(params: URLSearchParams, supervisor: boolean): ListFilters {
  return {
    scope: supervisor && params.get("scope") === "team" ? "team" : "mine",
    search: (params.get("q") ?? "").slice(0, 60),
    status: oneOf(CASE_STATUSES, params.get("status")),
    riskLevel: oneOf(RISK_LEVELS, params.get("risk")),
    harmType: oneOf(HARM_TYPES, params.get("harm")),
    sort: oneOf(LIST_SORTS, params.get("sort")) || "opened_desc",
  };
}

export function writeListFilters(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.scope === "team") params.set("scope", "team");
  if (filters.search.trim()) params.set("q", filters.search.trim());
  if (filters.status) params.set("status", filters.status);
  if (filters.riskLevel) params.set("risk", filters.riskLevel);
  if (filters.harmType) params.set("harm", filters.harmType);
  if (filters.sort !== "opened_desc") params.set("sort", filters.sort);
  return params;
}

/** The `cases.list` input for the filters (without the cursor, which the infinite query adds). */
export function listInput(filters: ListFilters, limit = 20) {
  return {
    scope: filters.scope,
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.riskLevel ? { riskLevel: [filters.riskLevel] } : {}),
    ...(filters.harmType ? { harmType: filters.harmType } : {}),
    sort: filters.sort,
    limit,
  };
}
