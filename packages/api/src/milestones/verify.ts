import { type z } from "zod";
import { canSupervise, DomainError, isAwaitingVerification, type Milestone, type verifyMilestoneInput } from "@lentera/domain";
import { milestoneEvents } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess } from "../cases/access";
import { auditCase } from "../cases/audit";
import { achievedByUserId, findMilestone, loadMilestone, nextEventTime } from "./load";
import { saveMilestone } from "./track";

/**
 * A supervisor of the case's team decides on an achievement that awaits verification. Anyone else
 * who may read the case gets FORBIDDEN `supervisor_only`; a milestone not awaiting verification is
 * CONFLICT `not_awaiting_verification`; a supervisor cannot verify an achievement they recorded
 * themselves (FORBIDDEN `self_verification`), though they may reject it. Verifying stamps who and
 * when; rejecting returns the milestone to `in_progress` with the note. Either way an event joins
 * its history. A closed case still takes the decision, so no achievement is left waiting forever.
 */
export async function verifyMilestone(ctx: AuthedContext, input: z.output<typeof verifyMilestoneInput>): Promise<Milestone> {
  return ctx.db.transaction(async (tx) => {
    const seen = await findMilestone(ctx, tx, input.milestoneId);
    const handle = await requireCaseAccess(ctx, seen.caseId, "read", tx);
    if (!canSupervise(ctx.user, handle)) throw new DomainError("forbidden", "supervisor_only");
    const current = await findMilestone(ctx, tx, input.milestoneId, { lock: true });
    if (current.version !== input.version) throw new DomainError("stale_version");
    if (!isAwaitingVerification(current)) throw new DomainError("conflict", "not_awaiting_verification");
    const now = ctx.clock();
    const event = {
      agencyId: ctx.user.agencyId,
      caseId: handle.id,
      milestoneId: current.id,
      fromStatus: current.status,
      note: input.note ?? null,
      actorId: ctx.user.id,
      occurredAt: await nextEventTime(ctx, tx, current.id),
    };
    if (input.decision === "verify") {
      if ((await achievedByUserId(tx, current.id)) === ctx.user.id) throw new DomainError("forbidden", "self_verification");
      await saveMilestone(ctx, tx, current, { verifiedBy: ctx.user.id, verifiedAt: now });
      await tx.insert(milestoneEvents).values({ ...event, kind: "verified", toStatus: "achieved", achievedOn: current.achievedOn });
      await auditCase(ctx, tx, handle.id, {
        action: "milestone.verified",
        entityType: "milestone",
        entityId: current.id,
        details: { achievedOn: current.achievedOn },
      });
    } else {
      await saveMilestone(ctx, tx, current, {
        status: "in_progress",
        achievedOn: null,
        verificationRequired: false,
        verifiedBy: null,
        verifiedAt: null,
      });
      // The event keeps the date that was claimed, so the history shows what was rejected.
      await tx.insert(milestoneEvents).values({ ...event, kind: "verification_rejected", toStatus: "in_progress", achievedOn: current.achievedOn });
      await auditCase(ctx, tx, handle.id, {
        action: "milestone.verification_rejected",
        entityType: "milestone",
        entityId: current.id,
        changes: { status: { from: current.status, to: "in_progress" }, achievedOn: { from: current.achievedOn, to: null } },
      });
    }
    return loadMilestone(ctx, tx, current.id);
  });
}
