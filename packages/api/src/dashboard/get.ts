import {
  DASHBOARD_LIST_PAGE_SIZE,
  DomainError,
  type Dashboard,
  type DashboardFilter,
  type DashboardList,
  type DashboardListParams,
  type DashboardListRow,
} from "@lentera/domain";
import { and, asc, eq, inArray, teamMemberships, teams, users } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { loadDashboardEnv, type DashboardEnv } from "./env";
import type { DashboardListQuery } from "./figure";
import { caseloadFigures } from "./caseload-figures";
import { activityFigures } from "./activity-figures";
import { partnersFigures } from "./partners-figures";

const MODULES = [caseloadFigures, activityFigures, partnersFigures];

/** The teams in reach and their active members, for the filter's choices. */
async function filterChoices(env: DashboardEnv): Promise<Pick<Dashboard, "teams" | "workers">> {
  if (env.reachableTeams.length === 0) return { teams: [], workers: [] };
  const [teamRows, memberRows] = await Promise.all([
    env.ctx.db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, env.reachableTeams)).orderBy(asc(teams.name)),
    env.ctx.db
      .selectDistinct({ id: users.id, name: users.displayName, roles: users.roles })
      .from(teamMemberships)
      .innerJoin(users, eq(users.id, teamMemberships.userId))
      .where(and(inArray(teamMemberships.teamId, env.filter.teamId ? [env.filter.teamId] : env.reachableTeams), eq(users.active, true)))
      .orderBy(asc(users.displayName)),
  ]);
  return { teams: teamRows, workers: memberRows.filter((member) => !(member.roles.length === 1 && member.roles[0] === "admin")) };
}

export async function dashboard(ctx: AuthedContext, filter: DashboardFilter): Promise<Dashboard> {
  const env = await loadDashboardEnv(ctx, filter);
  const [choices, ...parts] = await Promise.all([filterChoices(env), ...MODULES.map((module) => module.figures(env))]);
  return {
    reach: env.reach,
    ...choices,
    today: env.today,
    week: { from: env.week.from, to: env.week.to },
    noContactDays: env.noContactDays,
    ...Object.assign({}, ...parts),
  } as Dashboard;
}

function listQuery(list: DashboardList): DashboardListQuery {
  for (const module of MODULES) {
    const query = module.lists[list];
    if (query) return query;
  }
  throw new DomainError("not_found");
}

/** One page of the list behind a figure, and its total. */
export async function dashboardList(
  ctx: AuthedContext,
  input: { filter: DashboardFilter; list: DashboardList; params: DashboardListParams; page: number },
): Promise<{ rows: DashboardListRow[]; total: number; page: number }> {
  const env = await loadDashboardEnv(ctx, input.filter);
  const query = listQuery(input.list);
  const [rows, total] = await Promise.all([
    query.rows(env, input.params, DASHBOARD_LIST_PAGE_SIZE, input.page * DASHBOARD_LIST_PAGE_SIZE),
    query.total(env, input.params),
  ]);
  return { rows, total, page: input.page };
}

/** Every row of a list up to `limit` (exports), with the environment it was read in. */
export async function allListRows(
  ctx: AuthedContext,
  input: { filter: DashboardFilter; list: DashboardList; params: DashboardListParams },
  limit: number,
): Promise<{ rows: DashboardListRow[]; total: number; env: DashboardEnv }> {
  const env = await loadDashboardEnv(ctx, input.filter);
  const query = listQuery(input.list);
  const [rows, total] = await Promise.all([query.rows(env, input.params, limit, 0), query.total(env, input.params)]);
  return { rows, total, env };
}
