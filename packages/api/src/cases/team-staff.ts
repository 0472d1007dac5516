import { and, asc, eq, teamMemberships, users, type Executor } from "@lentera/db";

/** The active staff of a team (who can own a plan goal or be booked for a case of it), by name. */
export function activeTeamStaff(executor: Executor, agencyId: string, teamId: string) {
  return executor
    .selectDistinct({ id: users.id, name: users.displayName, roles: users.roles })
    .from(users)
    .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
    .where(and(eq(users.agencyId, agencyId), eq(users.active, true), eq(teamMemberships.teamId, teamId)))
    .orderBy(asc(users.displayName));
}
