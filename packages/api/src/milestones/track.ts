import { type z } from "zod";
import {
  DomainError,
  isFutureDate,
  milestoneTransitionRefusal,
  type addMilestoneInput,
  type changeMilestoneStatusInput,
  type Milestone,
  type MilestoneDomain,
  type updateMilestoneInput,
} from "@lentera/domain";
import { caseMilestones, eq, milestoneEvents, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess, type CaseHandle } from "../cases/access";
import { auditCase } from "../cases/audit";
import { createdFields, diffFields } from "../audit";
import { caseClosed } from "../plans/draft";
import { requireGoalKeys } from "../appointments/guards";
import { findCatalogEntry } from "./catalog";
import { agencyRequiresVerification, findMilestone, loadMilestone, nextEventTime, type MilestoneRow } from "./load";

/** Free text a milestone carries may name people and places: audit events keep that it changed, not what it says. */
const REDACTED_FIELDS = ["customTitle", "evidenceNote"] as const;

type PlannedMilestone = Pick<typeof caseMilestones.$inferInsert, "catalogKey" | "customTitle" | "domain" | "targetDate" | "goalKey" | "evidenceNote">;

/**
 * Inserts a `planned` milestone with the first event of its history and its audit event, in the
 * caller's transaction (the caller has checked access). `details` says where it came from when not
 * the milestone form (the online-harm record adds legal milestones).
 */
export async function insertPlannedMilestone(
  ctx: AuthedContext,
  tx: Transaction,
  caseId: string,
  milestone: PlannedMilestone,
  details?: Record<string, unknown>,
): Promise<string> {
  const now = ctx.clock();
  const values = { ...milestone, status: "planned" as const };
  const [row] = await tx
    .insert(caseMilestones)
    .values({ ...values, agencyId: ctx.user.agencyId, caseId, createdBy: ctx.user.id, createdAt: now, updatedAt: now })
    .returning({ id: caseMilestones.id });
  if (!row) throw new Error("milestone insert returned no row");
  await tx.insert(milestoneEvents).values({
    agencyId: ctx.user.agencyId,
    caseId,
    milestoneId: row.id,
    kind: "status",
    fromStatus: null,
    toStatus: "planned",
    actorId: ctx.user.id,
    occurredAt: now,
  });
  await auditCase(ctx, tx, caseId, {
    action: "milestone.added",
    entityType: "milestone",
    entityId: row.id,
    changes: createdFields(values, [...REDACTED_FIELDS]),
    ...(details ? { details } : {}),
  });
  return row.id;
}

/** The case, for tracking milestones by its care team or its team's supervisor; a closed case takes no changes. */
async function requireTrackableCase(ctx: AuthedContext, tx: Transaction, caseId: string): Promise<CaseHandle> {
  const handle = await requireCaseAccess(ctx, caseId, "track_milestones", tx);
  if (handle.status === "closed") throw caseClosed();
  return handle;
}

/**
 * A milestone locked for a change by someone who may track milestones on its open case, at the
 * version the caller saw. Access is checked before the version, so a stranger learns nothing.
 */
async function lockForTracking(ctx: AuthedContext, tx: Transaction, ref: { milestoneId: string; version: number }) {
  const seen = await findMilestone(ctx, tx, ref.milestoneId);
  const handle = await requireTrackableCase(ctx, tx, seen.caseId);
  const current = await findMilestone(ctx, tx, ref.milestoneId, { lock: true });
  if (current.version !== ref.version) throw new DomainError("stale_version");
  return { handle, current };
}

/**
 * Adds a milestone to a case, `planned`: a kind from the catalog (unknown or inactive → invalid_input
 * `unknown_milestone`; its domain comes from the catalog, a different one given → `domain_mismatch`)
 * or a custom title with its domain. A goal must be a goal of the case's plan (`unknown_goal`).
 * The first event of its history is written with it.
 */
export async function addMilestone(ctx: AuthedContext, input: z.output<typeof addMilestoneInput>): Promise<Milestone> {
  return ctx.db.transaction(async (tx) => {
    const handle = await requireTrackableCase(ctx, tx, input.caseId);
    let domain: MilestoneDomain;
    if (input.catalogKey !== undefined) {
      const entry = await findCatalogEntry(ctx, tx, input.catalogKey);
      if (!entry) throw new DomainError("invalid_input", "unknown_milestone");
      if (input.domain !== undefined && input.domain !== entry.domain) {
        throw new DomainError("invalid_input", "domain_mismatch", { domain: entry.domain });
      }
      domain = entry.domain;
    } else {
      // The input schema requires it with a custom title; checked again for the type.
      if (input.domain === undefined) throw new DomainError("invalid_input", "domain_required");
      domain = input.domain;
    }
    if (input.goalKey) await requireGoalKeys(tx, handle.id, [input.goalKey]);
    const id = await insertPlannedMilestone(ctx, tx, handle.id, {
      catalogKey: input.catalogKey ?? null,
      customTitle: input.customTitle ?? null,
      domain,
      targetDate: input.targetDate,
      goalKey: input.goalKey,
      evidenceNote: input.evidenceNote,
    });
    return loadMilestone(ctx, tx, id);
  });
}

/**
 * Changes a milestone's target date, goal, evidence note or (custom ones only, else invalid_input
 * `not_custom`) title. Not its status: that is `changeMilestoneStatus`, which keeps the history.
 */
export async function updateMilestone(ctx: AuthedContext, input: z.output<typeof updateMilestoneInput>): Promise<Milestone> {
  return ctx.db.transaction(async (tx) => {
    const { handle, current } = await lockForTracking(ctx, tx, input);
    if (input.customTitle !== undefined && current.catalogKey !== null) throw new DomainError("invalid_input", "not_custom");
    if (input.goalKey) await requireGoalKeys(tx, handle.id, [input.goalKey]);
    const values = {
      customTitle: input.customTitle,
      targetDate: input.targetDate,
      goalKey: input.goalKey,
      evidenceNote: input.evidenceNote,
    };
    const changes = diffFields(current, values, [...REDACTED_FIELDS]);
    if (Object.keys(changes).length === 0) return loadMilestone(ctx, tx, current.id);
    await saveMilestone(ctx, tx, current, values);
    await auditCase(ctx, tx, handle.id, { action: "milestone.updated", entityType: "milestone", entityId: current.id, changes });
    return loadMilestone(ctx, tx, current.id);
  });
}

/**
 * Moves a milestone to a new status (milestoneTransitionRefusal: CONFLICT `status_unchanged` or
 * `illegal_transition`, invalid_input `note_required` when leaving `achieved` without a note) and
 * appends the change to its history in the same transaction. Achieving needs a date that is not in
 * the future (`date_in_future`); when the agency requires verification, the achievement then awaits
 * a supervisor. Leaving `achieved` clears the verification; the history keeps the achievement.
 */
export async function changeMilestoneStatus(ctx: AuthedContext, input: z.output<typeof changeMilestoneStatusInput>): Promise<Milestone> {
  return ctx.db.transaction(async (tx) => {
    const { handle, current } = await lockForTracking(ctx, tx, input);
    const refusal = milestoneTransitionRefusal(current.status, input.status, input.note);
    if (refusal === "note_required") throw new DomainError("invalid_input", refusal);
    if (refusal) throw new DomainError("conflict", refusal, { from: current.status, to: input.status });
    let achievedOn: string | null = null;
    let verificationRequired = false;
    if (input.status === "achieved") {
      if (input.achievedOn === undefined) throw new DomainError("invalid_input", "achieved_on_required");
      if (isFutureDate(input.achievedOn, ctx.clock())) throw new DomainError("invalid_input", "date_in_future");
      achievedOn = input.achievedOn;
      verificationRequired = await agencyRequiresVerification(ctx, tx);
    }
    await saveMilestone(ctx, tx, current, { status: input.status, achievedOn, verificationRequired, verifiedBy: null, verifiedAt: null });
    await tx.insert(milestoneEvents).values({
      agencyId: ctx.user.agencyId,
      caseId: handle.id,
      milestoneId: current.id,
      kind: "status",
      fromStatus: current.status,
      toStatus: input.status,
      achievedOn,
      note: input.note ?? null,
      actorId: ctx.user.id,
      occurredAt: await nextEventTime(ctx, tx, current.id),
    });
    await auditCase(ctx, tx, handle.id, {
      action: "milestone.status_changed",
      entityType: "milestone",
      entityId: current.id,
      changes: diffFields({ status: current.status, achievedOn: current.achievedOn }, { status: input.status, achievedOn }),
      details: { verificationRequired },
    });
    return loadMilestone(ctx, tx, current.id);
  });
}

/** Writes new values to a locked milestone with the next version. */
export async function saveMilestone(
  ctx: AuthedContext,
  tx: Transaction,
  current: MilestoneRow,
  values: Partial<typeof caseMilestones.$inferInsert>,
): Promise<void> {
  const updated = await tx
    .update(caseMilestones)
    .set({ ...values, version: current.version + 1, updatedAt: ctx.clock() })
    .where(eq(caseMilestones.id, current.id))
    .returning({ id: caseMilestones.id });
  if (updated.length !== 1) throw new Error("milestone update returned no row");
}
