import { can } from "@lentera/domain";
import { and, appointments, asc, cases, clients, eq, sql, users, type Executor, type SQL } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { appointmentColumns } from "./load";

/** The teams whose cases the caller supervises (none unless they are a supervisor). */
export function supervisedTeamIds(ctx: AuthedContext): readonly string[] {
  return can(ctx.user, "appointments.team_view") ? ctx.user.teamIds : [];
}

const uuidList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** True for rows whose case the caller may open: on its care team, or supervising its team. */
export function caseVisibleTo(ctx: AuthedContext): SQL {
  const teams = supervisedTeamIds(ctx);
  const supervised = teams.length ? sql`${cases.teamId} in (${uuidList(teams)})` : sql`false`;
  return sql`(${supervised} or exists (select 1 from case_care_team cct where cct.case_id = ${appointments.caseId} and cct.user_id = ${ctx.user.id}))`;
}

/** The staff of the teams the caller supervises. */
export function staffOfSupervisedTeams(ctx: AuthedContext): SQL {
  const teams = supervisedTeamIds(ctx);
  if (teams.length === 0) return sql`false`;
  return sql`(${appointments.staffUserId} in (select tm.user_id from team_memberships tm where tm.team_id in (${uuidList(teams)})) or ${cases.teamId} in (${uuidList(teams)}))`;
}

/**
 * Appointments of the caller's agency matching `where`, in time order, with the case number and
 * the staff member's name. The client's alias is given only where the caller may open the case
 * (a counselor booked on a case they are not on sees the case number, not who it is).
 */
export function listAppointments(ctx: AuthedContext, where: SQL | undefined, options: { limit?: number; executor?: Executor } = {}) {
  const visible = caseVisibleTo(ctx);
  const query = (options.executor ?? ctx.db)
    .select({
      ...appointmentColumns,
      caseNumber: cases.caseNumber,
      alias: sql<string | null>`case when ${visible} then ${clients.alias} end`,
      staffName: users.displayName,
    })
    .from(appointments)
    .innerJoin(cases, eq(cases.id, appointments.caseId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, appointments.staffUserId))
    .where(and(eq(appointments.agencyId, ctx.user.agencyId), where))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  return options.limit ? query.limit(options.limit) : query;
}
