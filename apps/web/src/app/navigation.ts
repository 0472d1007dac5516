import { can, type Role } from "@lentera/domain";

export interface NavItem {
  to: string;
  /** Catalog key of the link text. */
  labelKey: string;
}

/** The main navigation a user sees; the server enforces the same rules through `can()`. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  const actor = { roles };
  const items: NavItem[] = [{ to: "/", labelKey: "nav.home" }];
  if (can(actor, "users.manage")) items.push({ to: "/admin/users", labelKey: "nav.users" });
  if (can(actor, "teams.manage")) items.push({ to: "/admin/teams", labelKey: "nav.teams" });
  return items;
}
