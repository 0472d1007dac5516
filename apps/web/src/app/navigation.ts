import { can, type Role } from "@lentera/domain";
import { registersCases, supervisesCases, worksOnCases } from "../features/cases/case-permissions";
import { usesPartnerDirectory } from "../features/partners/partner-permissions";

export interface NavItem {
  to: string;
  /** Catalog key of the link text. */
  labelKey: string;
  /** Shows how many items My work holds, beside the link. */
  countsWork?: true;
}

/** The main navigation a user sees; the server enforces the same rules through `can()`. */
export function navigationFor(roles: readonly Role[], seesDashboard = false): NavItem[] {
  const actor = { roles };
  // Home is My work, for every role (an administrator's says there is no case work for them).
  const items: NavItem[] = [{ to: "/", labelKey: "nav.myWork", ...(worksOnCases(actor) ? { countsWork: true as const } : {}) }];
  // The dashboard follows from the server's answer (a supervisor's teams, or a role granted the agency's).
  if (seesDashboard) items.push({ to: "/dashboard", labelKey: "nav.dashboard" });
  if (worksOnCases(actor)) items.push({ to: "/cases", labelKey: "nav.cases" });
  if (registersCases(actor)) items.push({ to: "/cases/new", labelKey: "nav.newCase" });
  if (supervisesCases(actor)) items.push({ to: "/cases/emergency-access", labelKey: "nav.emergencyAccess" });
  if (worksOnCases(actor)) items.push({ to: "/calendar", labelKey: "nav.calendar" });
  if (supervisesCases(actor)) items.push({ to: "/supervision", labelKey: "nav.supervision" });
  if (usesPartnerDirectory(actor)) items.push({ to: "/partners", labelKey: "nav.partners" });
  if (can(actor, "users.manage")) items.push({ to: "/admin/users", labelKey: "nav.users" });
  if (can(actor, "teams.manage")) items.push({ to: "/admin/teams", labelKey: "nav.teams" });
  if (can(actor, "settings.manage")) items.push({ to: "/admin/settings", labelKey: "nav.settings" });
  if (can(actor, "audit.read")) items.push({ to: "/audit", labelKey: "nav.audit" });
  return items;
}

/**
 * The item for the current page: the longest path that contains it, so that a case page marks
 * "Cases" while "New case" marks only itself.
 */
export function activeNavItem(items: readonly NavItem[], pathname: string): NavItem | null {
  const matches = items.filter((item) =>
    item.to === "/" ? pathname === "/" : pathname === item.to || pathname.startsWith(`${item.to}/`),
  );
  return matches.reduce<NavItem | null>((best, item) => (!best || item.to.length > best.to.length ? item : best), null);
}
