import { can, type Role } from "@lentera/domain";
import { worksOnCases } from "../cases/case-permissions";

/**
 * May open the partner directory: people who pick partners as goal owners (case work) and those
 * who keep the directory (supervisors, administrators). The server lists it to any signed-in user.
 */
export function usesPartnerDirectory(user: { roles: readonly Role[] }): boolean {
  return worksOnCases(user) || can(user, "partners.manage");
}
