import { isFutureDate, milestoneTransitionRefusal, OPEN_MILESTONE_STATUSES, type MilestoneStatus } from "@lentera/domain";
import { and, asc, caseMilestones, eq, milestoneEvents, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import type { CaseHandle } from "../cases/access";
import { auditCase } from "../cases/audit";
import { diffFields } from "../audit";
import { findCatalogEntry } from "../milestones/catalog";
import { agencyRequiresVerification, findMilestone, nextEventTime } from "../milestones/load";
import { insertPlannedMilestone, saveMilestone } from "../milestones/track";

/**
 * Marks the case's milestone of a catalog kind achieved on `achievedOn`, in the caller's transaction
 * and with the same history and audit as milestones.changeStatus (verification awaits a supervisor
 * when the agency requires it). What the online-harm record decides for itself is only *when*:
 *
 * - `addIfMissing`: a case without that milestone gets it from the catalog first (legal stages);
 *   otherwise nothing happens (content taken down marks only a milestone the care team tracks);
 * - a milestone already achieved, set aside as not applicable, or on a closed case (milestones take
 *   no changes there) is left alone; so is a date in the future.
 *
 * Returns the catalog key when a milestone was marked, else null.
 */
export async function markCatalogMilestoneAchieved(
  ctx: AuthedContext,
  tx: Transaction,
  handle: CaseHandle,
  catalogKey: string,
  achievedOn: string,
  options: { addIfMissing: boolean; note: string },
): Promise<string | null> {
  if (handle.status === "closed" || isFutureDate(achievedOn, ctx.clock())) return null;
  const existing = await tx
    .select({ id: caseMilestones.id, status: caseMilestones.status })
    .from(caseMilestones)
    .where(and(eq(caseMilestones.caseId, handle.id), eq(caseMilestones.agencyId, ctx.user.agencyId), eq(caseMilestones.catalogKey, catalogKey)))
    .orderBy(asc(caseMilestones.createdAt), asc(caseMilestones.id));
  if (existing.some((milestone) => milestone.status === "achieved")) return null;
  let milestoneId = existing.find((milestone) => (OPEN_MILESTONE_STATUSES as readonly MilestoneStatus[]).includes(milestone.status))?.id;
  if (milestoneId === undefined) {
    if (existing.length > 0 || !options.addIfMissing) return null;
    const entry = await findCatalogEntry(ctx, tx, catalogKey);
    if (!entry) return null;
    milestoneId = await addPlanned(ctx, tx, handle, catalogKey, entry.domain);
  }
  const current = await findMilestone(ctx, tx, milestoneId, { lock: true });
  if (milestoneTransitionRefusal(current.status, "achieved", options.note) !== null) return null;
  const verificationRequired = await agencyRequiresVerification(ctx, tx);
  await saveMilestone(ctx, tx, current, { status: "achieved", achievedOn, verificationRequired, verifiedBy: null, verifiedAt: null });
  await tx.insert(milestoneEvents).values({
    agencyId: ctx.user.agencyId,
    caseId: handle.id,
    milestoneId: current.id,
    kind: "status",
    fromStatus: current.status,
    toStatus: "achieved",
    achievedOn,
    note: options.note,
    actorId: ctx.user.id,
    occurredAt: await nextEventTime(ctx, tx, current.id),
  });
  await auditCase(ctx, tx, handle.id, {
    action: "milestone.status_changed",
    entityType: "milestone",
    entityId: current.id,
    changes: diffFields({ status: current.status, achievedOn: current.achievedOn }, { status: "achieved", achievedOn }),
    details: { verificationRequired, source: "online_harm" },
  });
  return catalogKey;
}

/** A planned milestone of the catalog kind on the case (the milestones service's insert, marked as coming from here). */
function addPlanned(ctx: AuthedContext, tx: Transaction, handle: CaseHandle, catalogKey: string, domain: (typeof caseMilestones.$inferInsert)["domain"]) {
  const milestone = { catalogKey, customTitle: null, domain, targetDate: null, goalKey: null, evidenceNote: null };
  return insertPlannedMilestone(ctx, tx, handle.id, milestone, { source: "online_harm" });
}
