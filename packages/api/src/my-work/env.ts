import { addDays, DomainError, localDate, OPEN_MILESTONE_STATUSES, startOfLocalDay, type MyWorkItem, type MyWorkSectionKey, type Role } from "@lentera/domain";
import { agencies, eq, sql, type SQL } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { supervisedTeams } from "../sessions/queue";

/** What every My-work query is judged against, read once per request. */
export interface WorkEnv {
  ctx: AuthedContext;
  userId: string;
  agencyId: string;
  now: Date;
  /** Today in the agency's zone (YYYY-MM-DD). */
  today: string;
  timeZone: string;
  noContactDays: number;
  allowPlanSelfApproval: boolean;
  /** The teams whose cases the user supervises (empty unless a supervisor). */
  teams: string[];
}

export async function loadWorkEnv(ctx: AuthedContext): Promise<WorkEnv> {
  const [agency] = await ctx.db
    .select({ timeZone: agencies.timeZone, noContactDays: agencies.noContactDays, allowPlanSelfApproval: agencies.allowPlanSelfApproval })
    .from(agencies)
    .where(eq(agencies.id, ctx.user.agencyId));
  if (!agency) throw new DomainError("not_found");
  const now = ctx.clock();
  return {
    ctx,
    userId: ctx.user.id,
    agencyId: ctx.user.agencyId,
    now,
    today: localDate(now, agency.timeZone),
    timeZone: agency.timeZone,
    noContactDays: agency.noContactDays,
    allowPlanSelfApproval: agency.allowPlanSelfApproval,
    teams: supervisedTeams(ctx),
  };
}

/**
 * One section of My work: its rows (most urgent first, at most `limit`) and a COUNT over the same
 * rows for the navigation badge.
 */
export interface WorkSection {
  key: MyWorkSectionKey;
  role: Role;
  list: (env: WorkEnv, limit: number) => Promise<MyWorkItem[]>;
  /** A scalar SQL expression: how many items (at most `limit`). */
  count: (env: WorkEnv, limit: number) => SQL;
}

/* ---- SQL helpers. Instants travel as epoch milliseconds (a float8 is a plain number through both
   drivers; their timestamp parsers differ) and go in as ISO strings cast to timestamptz. ---- */

export const ms = (expression: SQL) => sql`(extract(epoch from ${expression}) * 1000)::float8`;
export const instant = (value: Date) => sql`${value.toISOString()}::timestamptz`;
export const day = (value: string) => sql`${value}::date`;
export const uuid = (value: string) => sql`${value}::uuid`;
export const uuidList = (ids: readonly string[]) => sql.join(ids.map(uuid), sql`, `);
export const fromMs = (value: number | string) => new Date(Number(value));

/** `column in (the supervised teams)`, or false for a user who supervises none. */
export function inTeams(env: WorkEnv, teamColumn: SQL): SQL {
  return env.teams.length ? sql`${teamColumn} in (${uuidList(env.teams)})` : sql`false`;
}

/** True where the user may open the case: on its care team, or supervising its team (caseVisibleTo in appointments/list.ts). */
export function caseVisible(env: WorkEnv, caseId: SQL, teamId: SQL): SQL {
  return sql`(${inTeams(env, teamId)} or exists (select 1 from case_care_team v where v.case_id = ${caseId} and v.user_id = ${uuid(env.userId)}))`;
}

/** How many rows a bounded query returns. */
export function countOf(query: SQL): SQL {
  return sql`(select count(*)::int from (${query}) counted)`;
}

/** The instant a local day begins, and the day `days` from today. */
export const dayStart = (env: WorkEnv, date: string) => startOfLocalDay(date, env.timeZone);
export const todayPlus = (env: WorkEnv, days: number) => addDays(env.today, days);

/** The open milestone statuses as SQL literals (a literal list lets generic plans use partial indexes). */
export const openMilestoneStatuses = sql.raw(OPEN_MILESTONE_STATUSES.map((status) => `'${status}'`).join(", "));

export const person = (id: string, name: string | null) => ({ id, name: name ?? "" });

/**
 * The user's care-team cases, as `c` (with the client as `cl`). The agency is checked on the
 * care-team row (it carries agency_id): a condition on cases.agency_id makes the planner scan every
 * case of the agency and hash them, where a caseload is a few hundred primary-key reads.
 */
export const myCases = (_env: WorkEnv) => sql`
  case_care_team cct
  join cases c on c.id = cct.case_id
  join clients cl on cl.id = c.client_id`;
export const mine = (env: WorkEnv) => sql`cct.user_id = ${uuid(env.userId)} and cct.agency_id = ${uuid(env.agencyId)}`;
