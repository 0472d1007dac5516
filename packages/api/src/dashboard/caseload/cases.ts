/**
 * Caseload per primary social worker with its risk mix, and cases by status, risk and harm type:
 * one pass over the cases in scope, grouped by primary social worker; the agency-wide counts are the
 * sums of the groups.
 */
import { CASE_STATUSES, HARM_TYPES, RISK_LEVELS, type CaseStatus, type Dashboard, type HarmType, type RiskLevel } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, type DashboardEnv } from "../env";
import { caseList } from "./list";
import { isOpen, localDay, personIs, riskRank, type CaseSource } from "./source";

export const statusIs = (status: CaseStatus) => sql`c.status = ${status}`;
export const riskIs = (level: RiskLevel) => sql`c.risk_level = ${level}`;
/** A case counts once in each of its harm types. */
export const hasHarm = (harm: HarmType) => sql`${harm}::text = any(c.harm_types)`;

const counted = (name: string, condition: SQL) => sql`(count(*) filter (where ${condition}))::int as ${sql.identifier(name)}`;

type Counts = Record<string, number>;
type GroupRow = { worker_id: string | null; worker_name: string | null } & Counts;

function byPrimaryWorkerQuery(env: DashboardEnv): SQL {
  const columns = [
    counted("open", isOpen),
    ...CASE_STATUSES.map((status) => counted(`status_${status}`, statusIs(status))),
    ...RISK_LEVELS.map((level) => counted(`risk_${level}`, sql`${isOpen} and ${riskIs(level)}`)),
    ...HARM_TYPES.map((harm) => counted(`harm_${harm}`, sql`${isOpen} and ${hasHarm(harm)}`)),
  ];
  // cases_team_opened_idx narrows to the agency's teams in scope; names are looked up per group.
  return sql`
    select counts.*, u.display_name as worker_name
    from (
      select c.primary_social_worker_id as worker_id, ${sql.join(columns, sql`, `)}
      from cases c
      where ${casesInScope(env)}
      group by c.primary_social_worker_id
    ) counts
    left join users u on u.id = counts.worker_id`;
}

const sumOf = <K extends string>(groups: GroupRow[], keys: readonly K[], prefix: string) =>
  Object.fromEntries(keys.map((key) => [key, groups.reduce((sum, group) => sum + Number(group[`${prefix}${key}`] ?? 0), 0)])) as Record<K, number>;

export async function caseFigures(env: DashboardEnv): Promise<Pick<Dashboard, "caseload" | "casesByStatus" | "casesByRisk" | "casesByHarm">> {
  const groups = await queryRows<GroupRow>(env.ctx.db, byPrimaryWorkerQuery(env));
  const caseload = groups
    .filter((group) => Number(group.open) > 0)
    .map((group) => ({
      worker: group.worker_id ? { id: group.worker_id, name: group.worker_name ?? "" } : null,
      open: Number(group.open),
      byRisk: sumOf([group], RISK_LEVELS, "risk_"),
    }))
    // The largest caseload first; the unassigned after the workers with as many.
    .sort((a, b) => b.open - a.open || (a.worker === null ? 1 : 0) - (b.worker === null ? 1 : 0) || (a.worker?.name ?? "").localeCompare(b.worker?.name ?? ""));
  return {
    caseload,
    casesByStatus: sumOf(groups, CASE_STATUSES, "status_"),
    casesByRisk: sumOf(groups, RISK_LEVELS, "risk_"),
    casesByHarm: sumOf(groups, HARM_TYPES, "harm_"),
  };
}

const casesOnly = (where: SQL): CaseSource => ({ from: sql`cases c`, where });
const all = (conditions: SQL[]) => sql.join(conditions, sql` and `);

/** The opening day; the highest risk first. */
const caseRowFacts = (env: DashboardEnv) => ({ on: localDay(env, sql`c.opened_at`), orderBy: sql`${riskRank} desc, c.case_number` });

/**
 * caseload: the open cases of a primary social worker (personId; "unassigned": none), optionally of
 * one risk level — caseload[].open and caseload[].byRisk. Row: `on` the opening day; no value, code,
 * person or target. Highest risk first, then case number.
 */
export const caseloadList = caseList((env, params) => ({
  source: casesOnly(
    all([isOpen, personIs(sql`c.primary_social_worker_id`, params.personId), params.riskLevel ? riskIs(params.riskLevel) : sql`true`]),
  ),
  ...caseRowFacts(env),
}));

/**
 * cases: the cases of a status (casesByStatus), or without one the open cases, optionally of a risk
 * level (casesByRisk) and of a harm type (casesByHarm). Row: `on` the opening day; no value, code,
 * person or target. Highest risk first, then case number.
 */
export const casesList = caseList((env, params) => ({
  source: casesOnly(
    all([
      params.status ? statusIs(params.status) : isOpen,
      params.riskLevel ? riskIs(params.riskLevel) : sql`true`,
      params.harmType ? hasHarm(params.harmType) : sql`true`,
    ]),
  ),
  ...caseRowFacts(env),
}));
