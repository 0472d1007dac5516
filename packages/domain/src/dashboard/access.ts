import { hasRole, type Role } from "../roles";
import type { AgencyWideGrantableRole } from "./vocabulary";

/**
 * Who sees which dashboard: a supervisor sees the teams they supervise; a user holding a role the
 * agency granted the agency-wide view sees every team; an administrator alone sees none (no case
 * content, even counted). Drill-down rows of a case the viewer may not open show no alias.
 */
export type DashboardReach = "agency" | "teams" | null;

export function dashboardReach(user: { roles: readonly Role[] }, agencyWideRoles: readonly AgencyWideGrantableRole[]): DashboardReach {
  if (user.roles.some((role) => role !== "admin" && (agencyWideRoles as readonly Role[]).includes(role))) return "agency";
  if (hasRole(user, "supervisor")) return "teams";
  return null;
}
