import type { Role } from "./roles";

/**
 * What a user may do, decided in one place. Procedures call `can()` and never compare roles
 * themselves, so that a rule changes here once and everywhere.
 */
export type Action =
  | "users.manage"
  | "teams.manage"
  | "settings.manage"
  | "audit.read"
  | "partners.manage"
  | "appointments.team_view";

export interface Actor {
  roles: readonly Role[];
}

const ACTION_ROLES: Record<Action, readonly Role[]> = {
  // Separation of duties: administrators manage accounts and settings, not case content.
  "users.manage": ["admin"],
  "teams.manage": ["admin"],
  "settings.manage": ["admin"],
  "audit.read": ["admin", "supervisor"],
  // The partner directory is agency data, not case content: supervisors keep it with administrators.
  "partners.manage": ["admin", "supervisor"],
  // A supervisor's team calendar and no-show rates: who is booked when, across the team's cases.
  "appointments.team_view": ["supervisor"],
};

export function can(actor: Actor, action: Action): boolean {
  const allowed = ACTION_ROLES[action];
  return actor.roles.some((role) => allowed.includes(role));
}
