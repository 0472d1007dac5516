import { type z } from "zod";
import {
  DomainError,
  diffPlanGoals,
  EDITABLE_PLAN_VERSION_STATUSES,
  OPEN_PLAN_VERSION_STATUSES,
  type GoalValues,
  type savePlanDraftInput,
} from "@lentera/domain";
import {
  and,
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
import { auditCase } from "../cases/audit";
import { requireCaseAccess, type CaseHandle } from "../cases/access";
import { listInstruments } from "../outcomes/instruments";
import { agencyPlanSettings } from "./agency-settings";
import { caseVersions, findVersion, loadGoals, type PlanGoal } from "./load";
import { getPlanVersion } from "./read";

export const caseClosed = () => new DomainError("conflict", "case_closed");

/** The case, locked, for a plan change; a closed case's plan is no longer changed. */
export async function lockCaseForPlan(ctx: AuthedContext, tx: Executor, caseId: string, action: "edit_plan" | "decide_plan" | "review_plan") {
  const handle = await requireCaseAccess(ctx, caseId, action, tx, { forUpdate: true });
  if (handle.status === "closed") throw caseClosed();
  return handle;
}

/**
 * The case and an editable draft of its plan, both locked for a change by the care team; refuses a
 * version that is no longer editable, or a stale copy of it (someone saved since).
 */
export async function lockEditableDraft(ctx: AuthedContext, tx: Executor, versionId: string, expectedVersion: number) {
  const current = await findVersion(ctx, tx, versionId);
  const handle = await lockCaseForPlan(ctx, tx, current.caseId, "edit_plan");
  const version = await findVersion(ctx, tx, versionId, { lock: true });
  if (!(EDITABLE_PLAN_VERSION_STATUSES as readonly string[]).includes(version.status)) {
    throw new DomainError("conflict", "plan_not_editable");
  }
  if (version.version !== expectedVersion) throw new DomainError("stale_version");
  return { handle, version };
}

/** Writes a version's goals in the editor's order (replacing what was there). */
async function writeGoals(ctx: AuthedContext, tx: Executor, handle: CaseHandle, versionId: string, goals: readonly GoalValues[]) {
  await tx.delete(planGoals).where(eq(planGoals.planVersionId, versionId));
  if (goals.length === 0) return;
  const inserted = await tx
    .insert(planGoals)
    .values(
      goals.map((goal, position) => ({
        agencyId: ctx.user.agencyId,
        caseId: handle.id,
        planVersionId: versionId,
        goalKey: goal.key,
        position,
        domain: goal.domain,
        outcomeDomain: goal.outcomeDomain,
        title: goal.title,
        description: goal.description ?? null,
        baseline: goal.baseline ?? null,
        target: goal.target ?? null,
        ownerUserId: goal.ownerUserId,
        ownerPartnerId: goal.ownerPartnerId,
        targetDate: goal.targetDate,
        status: goal.status,
      })),
    )
    .returning({ id: planGoals.id, key: planGoals.goalKey });
  const idByKey = new Map(inserted.map((row) => [row.key, row.id]));
  const interventions = goals.flatMap((goal) =>
    goal.interventions.map((item, position) => ({
      agencyId: ctx.user.agencyId,
      goalId: idByKey.get(goal.key) ?? "",
      position,
      type: item.type,
      providerPartnerId: item.providerPartnerId,
      providerName: item.providerName ?? null,
      frequency: item.frequency ?? null,
      startDate: item.startDate,
      endDate: item.endDate,
    })),
  );
  if (interventions.length) await tx.insert(planInterventions).values(interventions);
}

const asGoalValues = (goal: PlanGoal): GoalValues => ({
  key: goal.key,
  domain: goal.domain,
  outcomeDomain: goal.outcomeDomain,
  title: goal.title,
  description: goal.description,
  baseline: goal.baseline,
  target: goal.target,
  ownerUserId: goal.ownerUserId,
  ownerPartnerId: goal.ownerPartnerId,
  targetDate: goal.targetDate,
  status: goal.status,
  interventions: goal.interventions.map((item) => ({
    type: item.type,
    providerPartnerId: item.providerPartnerId,
    providerName: item.providerPartnerId ? null : item.providerName,
    frequency: item.frequency,
    startDate: item.startDate,
    endDate: item.endDate,
  })),
});

/**
 * "Edit plan": the version being worked on, or a new draft that starts as a copy of the plan in
 * force (or empty). One open version per case, so two editors work on the same draft.
 */
export async function startDraft(ctx: AuthedContext, caseId: string) {
  const versionId = await ctx.db.transaction(async (tx) => {
    const handle = await lockCaseForPlan(ctx, tx, caseId, "edit_plan");
    const versions = await caseVersions(tx, handle.id);
    const open = versions.find((version) => (OPEN_PLAN_VERSION_STATUSES as readonly string[]).includes(version.status));
    if (open) return open.id;
    const inForce = versions.find((version) => version.status === "approved");
    const number = (versions[0]?.number ?? 0) + 1;
    const [created] = await tx
      .insert(planVersions)
      .values({
        agencyId: ctx.user.agencyId,
        caseId: handle.id,
        number,
        basedOnVersionId: inForce?.id ?? null,
        draftedBy: ctx.user.id,
        lastEditedBy: ctx.user.id,
        createdAt: ctx.clock(),
        updatedAt: ctx.clock(),
      })
      .returning({ id: planVersions.id });
    if (!created) throw new Error("plan version insert returned no row");
    if (inForce) {
      const goals = (await loadGoals(tx, [inForce.id])).get(inForce.id) ?? [];
      await writeGoals(ctx, tx, handle, created.id, goals.map(asGoalValues));
    }
    await auditCase(ctx, tx, handle.id, {
      action: "plan.draft_started",
      entityType: "plan_version",
      entityId: created.id,
      details: { number, basedOn: inForce?.number ?? null },
    });
    return created.id;
  });
  return getPlanVersion(ctx, versionId);
}

/** Owners, providers and outcome domains must be the agency's own; plan domains must be switched on. */
async function checkGoalReferences(ctx: AuthedContext, tx: Executor, goals: readonly GoalValues[]) {
  const settings = await agencyPlanSettings(ctx, tx);
  const disabled = [...new Set(goals.map((goal) => goal.domain).filter((domain) => !settings.domains.includes(domain)))];
  if (disabled.length) throw new DomainError("invalid_input", "plan_domain_disabled", { domains: disabled });

  const userIds = [...new Set(goals.flatMap((goal) => (goal.ownerUserId ? [goal.ownerUserId] : [])))];
  if (userIds.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.agencyId, ctx.user.agencyId), eq(users.active, true), inArray(users.id, userIds)));
    if (found.length !== userIds.length) throw new DomainError("invalid_input", "unknown_owner");
  }
  const partnerIds = [
    ...new Set(
      goals.flatMap((goal) => [goal.ownerPartnerId, ...goal.interventions.map((item) => item.providerPartnerId)]).filter((id): id is string => id !== null),
    ),
  ];
  if (partnerIds.length) {
    const found = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.agencyId, ctx.user.agencyId), inArray(partners.id, partnerIds)));
    if (found.length !== partnerIds.length) throw new DomainError("invalid_input", "unknown_partner");
  }
  const outcomeDomains = new Set((await listInstruments(ctx, tx)).flatMap((definition) => definition.domains.map((domain) => domain.id)));
  const unknown = goals.filter((goal) => goal.outcomeDomain !== null && !outcomeDomains.has(goal.outcomeDomain));
  if (unknown.length) throw new DomainError("invalid_input", "unknown_outcome_domain");
}

/** Saves the whole draft; a stale version (someone saved since) is refused and changes nothing. */
export async function saveDraft(ctx: AuthedContext, input: z.output<typeof savePlanDraftInput>) {
  return ctx.db.transaction(async (tx) => {
    const { handle, version } = await lockEditableDraft(ctx, tx, input.versionId, input.version);
    await checkGoalReferences(ctx, tx, input.goals);
    const before = (await loadGoals(tx, [version.id])).get(version.id) ?? [];
    await writeGoals(ctx, tx, handle, version.id, input.goals);
    const [saved] = await tx
      .update(planVersions)
      .set({ status: "draft", lastEditedBy: ctx.user.id, version: version.version + 1, updatedAt: ctx.clock() })
      .where(eq(planVersions.id, version.id))
      .returning({ id: planVersions.id, status: planVersions.status, version: planVersions.version });
    const diff = diffPlanGoals(before.map(asGoalValues), input.goals).filter((goal) => goal.kind !== "unchanged");
    await auditCase(ctx, tx, handle.id, {
      action: "plan.draft_saved",
      entityType: "plan_version",
      entityId: version.id,
      details: {
        number: version.number,
        goals: input.goals.length,
        changed: diff.map((goal) => ({ goal: goal.key, kind: goal.kind, fields: goal.fields })),
      },
    });
    if (!saved) throw new Error("plan draft update returned no row");
    return saved;
  });
}
