import {
  addDays,
  dashboardReach,
  DomainError,
  localDate,
  startOfLocalDay,
  type DashboardFilter,
  type DashboardReach,
} from "@lentera/domain";
import { agencies, and, eq, sql, teamMemberships, teams, type SQL } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { supervisedTeams } from "../sessions/queue";
import { day, instant, uuid, uuidList } from "../my-work/env";

/** What every dashboard figure and list is judged against, resolved once per request. */
export interface DashboardEnv {
  ctx: AuthedContext;
  agencyId: string;
  reach: Exclude<DashboardReach, null>;
  /** Every team the viewer may count (all the agency's for an agency-wide viewer). */
  reachableTeams: string[];
  /** The teams the viewer supervises: rows of their cases show the alias and link. */
  supervisedTeams: string[];
  /** The teams this request counts: the filter's team, or every reachable one. */
  teams: string[];
  workerId: string | null;
  filter: DashboardFilter;
  now: Date;
  today: string;
  timeZone: string;
  noContactDays: number;
  /** The period as instants: [from's first moment, the day after to's first moment). */
  periodStart: Date;
  periodEnd: Date;
  /** This week, Monday to Sunday, in the agency's zone. */
  week: { from: string; to: string; start: Date; end: Date };
}

/** Monday of the week holding a calendar date. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Resolves who may see what: administrators alone and users with no supervised team and no grant
 * are refused; a team or a worker outside the viewer's reach is refused as well (forbidden, so a
 * guessed id learns nothing more than "not yours").
 */
export async function loadDashboardEnv(ctx: AuthedContext, filter: DashboardFilter): Promise<DashboardEnv> {
  const [agency] = await ctx.db
    .select({ timeZone: agencies.timeZone, noContactDays: agencies.noContactDays, agencyWideRoles: agencies.agencyWideDashboardRoles })
    .from(agencies)
    .where(eq(agencies.id, ctx.user.agencyId));
  if (!agency) throw new DomainError("not_found");
  const granted = dashboardReach(ctx.user, agency.agencyWideRoles);
  const supervised = supervisedTeams(ctx);
  // Agency-wide only when asked for and granted; otherwise the supervised teams.
  const reach = filter.agencyWide && granted === "agency" ? "agency" : supervised.length > 0 && granted !== null ? "teams" : null;
  if (reach === null) throw new DomainError("forbidden");
  const reachableTeams =
    reach === "agency"
      ? (await ctx.db.select({ id: teams.id }).from(teams).where(eq(teams.agencyId, ctx.user.agencyId))).map((team) => team.id)
      : supervised;
  if (filter.teamId && !reachableTeams.includes(filter.teamId)) throw new DomainError("forbidden");
  const counted = filter.teamId ? [filter.teamId] : reachableTeams;
  if (filter.workerId) {
    const [member] = counted.length
      ? await ctx.db
          .select({ userId: teamMemberships.userId })
          .from(teamMemberships)
          .where(and(eq(teamMemberships.userId, filter.workerId), sql`${teamMemberships.teamId} in (${uuidList(counted)})`))
          .limit(1)
      : [];
    if (!member) throw new DomainError("forbidden");
  }
  const now = ctx.clock();
  const today = localDate(now, agency.timeZone);
  const monday = mondayOf(today);
  return {
    ctx,
    agencyId: ctx.user.agencyId,
    reach,
    reachableTeams,
    supervisedTeams: supervised,
    teams: counted,
    workerId: filter.workerId ?? null,
    filter,
    now,
    today,
    timeZone: agency.timeZone,
    noContactDays: agency.noContactDays,
    periodStart: startOfLocalDay(filter.from, agency.timeZone),
    periodEnd: startOfLocalDay(addDays(filter.to, 1), agency.timeZone),
    week: {
      from: monday,
      to: addDays(monday, 6),
      start: startOfLocalDay(monday, agency.timeZone),
      end: startOfLocalDay(addDays(monday, 7), agency.timeZone),
    },
  };
}

/**
 * The cases a request counts, as a condition on a cases row aliased `c`: the agency, the counted
 * teams, and (with a worker filter) the cases on whose care team the worker is. Every figure and
 * every list starts from this, so they count the same cases.
 */
export function casesInScope(env: DashboardEnv, alias: SQL = sql`c`): SQL {
  const teamsCondition = env.teams.length ? sql`${alias}.team_id in (${uuidList(env.teams)})` : sql`false`;
  const worker = env.workerId
    ? sql` and exists (select 1 from case_care_team w where w.case_id = ${alias}.id and w.user_id = ${uuid(env.workerId)})`
    : sql``;
  return sql`${alias}.agency_id = ${uuid(env.agencyId)} and ${teamsCondition}${worker}`;
}

/**
 * The alias of a case for a list row: shown where the viewer may open the case (a team they
 * supervise, or their care team), null elsewhere (an agency-wide viewer outside their teams).
 */
export function aliasIfOpenable(env: DashboardEnv, caseAlias: SQL = sql`c`, clientAlias: SQL = sql`cl`): SQL {
  const supervised = env.supervisedTeams.length ? sql`${caseAlias}.team_id in (${uuidList(env.supervisedTeams)})` : sql`false`;
  return sql`case when ${supervised} or exists (select 1 from case_care_team v where v.case_id = ${caseAlias}.id and v.user_id = ${uuid(env.ctx.user.id)})
    then ${clientAlias}.alias end`;
}

/** The period's bounds as SQL (instants and days). */
export const periodStart = (env: DashboardEnv) => instant(env.periodStart);
export const periodEnd = (env: DashboardEnv) => instant(env.periodEnd);
export const periodFromDay = (env: DashboardEnv) => day(env.filter.from);
export const periodToDay = (env: DashboardEnv) => day(env.filter.to);

/** The months (YYYY-MM) the period touches, oldest first. */
export function periodMonths(env: DashboardEnv): string[] {
  const months: string[] = [];
  let [year, month] = env.filter.from.slice(0, 7).split("-").map(Number) as [number, number];
  const last = env.filter.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
