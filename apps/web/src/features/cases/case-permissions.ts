import { canRegisterCase, hasRole, type Role } from "@lentera/domain";

interface RoleHolder {
  roles: readonly Role[];
}

/** The roles that work on cases. Administrators alone do not (separation of duties, DOMAIN.md). */
const CASE_ROLES: readonly Role[] = ["social_worker", "counselor", "supervisor"];

/** May open the case list, a case page (where the server allows it) and ask for emergency access. */
export function worksOnCases(user: RoleHolder): boolean {
  return user.roles.some((role) => CASE_ROLES.includes(role));
}

/** May register a new case (the server's own rule, from @lentera/domain). */
export function registersCases(user: RoleHolder): boolean {
  return canRegisterCase(user);
}

/** Sees the team's cases and reviews emergency (break-glass) access. */
export function supervisesCases(user: RoleHolder): boolean {
  return hasRole(user, "supervisor");
}
