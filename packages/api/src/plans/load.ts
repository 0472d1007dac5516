import { DomainError, type GoalStatus, type PlanDomain, type InterventionType } from "@lentera/domain";
import {
  and,
  asc,
  desc,
  eq,
  inArray,
  partners,
  planGoals,
  planInterventions,
  planVersions,
  users,
  type Executor,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";

export const versionColumns = {
  id: planVersions.id,
  caseId: planVersions.caseId,
  number: planVersions.number,
  status: planVersions.status,
  draftedBy: planVersions.draftedBy,
  lastEditedBy: planVersions.lastEditedBy,
  submittedBy: planVersions.submittedBy,
  submittedAt: planVersions.submittedAt,
  decidedBy: planVersions.decidedBy,
  decidedAt: planVersions.decidedAt,
  decisionComment: planVersions.decisionComment,
  approvedAt: planVersions.approvedAt,
  createdAt: planVersions.createdAt,
  updatedAt: planVersions.updatedAt,
  version: planVersions.version,
};

/** A plan version row; `lock` takes it FOR UPDATE inside a change. */
export async function findVersion(ctx: AuthedContext, executor: Executor, versionId: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select(versionColumns)
    .from(planVersions)
    .where(and(eq(planVersions.id, versionId), eq(planVersions.agencyId, ctx.user.agencyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new DomainError("not_found");
  return row;
}

export function caseVersions(executor: Executor, caseId: string) {
  return executor.select(versionColumns).from(planVersions).where(eq(planVersions.caseId, caseId)).orderBy(desc(planVersions.number));
}

export interface PlanIntervention {
  type: InterventionType;
  providerPartnerId: string | null;
  providerName: string | null;
  frequency: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface PlanGoal {
  key: string;
  position: number;
  domain: PlanDomain;
  outcomeDomain: string | null;
  title: string;
  description: string | null;
  baseline: string | null;
  target: string | null;
  ownerUserId: string | null;
  ownerPartnerId: string | null;
  /** The owner's display name or the partner's name. */
  ownerName: string | null;
  targetDate: string | null;
  status: GoalStatus;
  /** Set on the open goals of the plan in force: when the next progress review is due. */
  reviewDueOn: string | null;
  interventions: PlanIntervention[];
}

/** The goals of some versions, in order, with their interventions and owners' names. */
export async function loadGoals(executor: Executor, versionIds: readonly string[]): Promise<Map<string, PlanGoal[]>> {
  const byVersion = new Map<string, PlanGoal[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return byVersion;
  const goals = await executor
    .select({
      id: planGoals.id,
      versionId: planGoals.planVersionId,
      key: planGoals.goalKey,
      position: planGoals.position,
      domain: planGoals.domain,
      outcomeDomain: planGoals.outcomeDomain,
      title: planGoals.title,
      description: planGoals.description,
      baseline: planGoals.baseline,
      target: planGoals.target,
      ownerUserId: planGoals.ownerUserId,
      ownerPartnerId: planGoals.ownerPartnerId,
      ownerUserName: users.displayName,
      ownerPartnerName: partners.name,
      targetDate: planGoals.targetDate,
      status: planGoals.status,
      reviewDueOn: planGoals.reviewDueOn,
    })
    .from(planGoals)
    .leftJoin(users, eq(users.id, planGoals.ownerUserId))
    .leftJoin(partners, eq(partners.id, planGoals.ownerPartnerId))
    .where(inArray(planGoals.planVersionId, [...versionIds]))
    .orderBy(asc(planGoals.position));
  const interventions = goals.length
    ? await executor
        .select({
          goalId: planInterventions.goalId,
          type: planInterventions.type,
          providerPartnerId: planInterventions.providerPartnerId,
          providerName: planInterventions.providerName,
          partnerName: partners.name,
          frequency: planInterventions.frequency,
          startDate: planInterventions.startDate,
          endDate: planInterventions.endDate,
        })
        .from(planInterventions)
        .leftJoin(partners, eq(partners.id, planInterventions.providerPartnerId))
        .where(inArray(planInterventions.goalId, goals.map((goal) => goal.id)))
        .orderBy(asc(planInterventions.position))
    : [];
  for (const goal of goals) {
    const { id, versionId, ownerUserName, ownerPartnerName, ...fields } = goal;
    byVersion.get(versionId)?.push({
      ...fields,
      ownerName: ownerUserName ?? ownerPartnerName ?? null,
      interventions: interventions
        .filter((item) => item.goalId === id)
        .map(({ goalId: _goal, partnerName, ...item }) => ({ ...item, providerName: partnerName ?? item.providerName })),
    });
  }
  return byVersion;
}

/** Display names of the people named on versions (drafter, submitter, decider). */
export async function namesOf(executor: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await executor.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

type Version = Awaited<ReturnType<typeof caseVersions>>[number];

/** A version as the web shows it: people by name as well as id. */
export function describeVersion(version: Version, names: Map<string, string>) {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? "" } : null);
  return {
    id: version.id,
    number: version.number,
    status: version.status,
    draftedBy: person(version.draftedBy),
    lastEditedBy: person(version.lastEditedBy),
    submittedBy: person(version.submittedBy),
    submittedAt: version.submittedAt,
    decidedBy: person(version.decidedBy),
    decidedAt: version.decidedAt,
    decisionComment: version.decisionComment,
    approvedAt: version.approvedAt,
    createdAt: version.createdAt,
    updatedAt: version.updatedAt,
    version: version.version,
  };
}
