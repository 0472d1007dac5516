import { type z } from "zod";
import {
  canRequestClosure,
  type decideClosureInput,
  DomainError,
  followUpDates,
  nextStatus,
  type reopenInput,
  type requestClosureInput,
  type statusChangeInput,
} from "@lentera/domain";
import { and, closureRequests, eq, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { diffFields } from "../audit";
import { auditCase } from "./audit";
import { lockCaseForChange, saveCase, type CaseHandle } from "./access";
import { clearScheduledReviews, scheduleReviewsOfPlanInForce } from "../plans/review-schedule";

const illegal = () => new DomainError("conflict", "illegal_transition");

/** intake → active, active ↔ on_hold. */
export async function changeStatus(ctx: AuthedContext, input: z.output<typeof statusChangeInput>) {
  return ctx.db.transaction(async (tx) => {
    const handle = await lockCaseForChange(ctx, tx, input.caseId, input.version, "change_status");
    const status = nextStatus(handle.status, input.transition);
    if (!status) throw illegal();
    const updated = await saveCase(ctx, tx, handle, { status });
    await auditCase(ctx, tx, handle.id, {
      action: `case.${input.transition}`,
      entityType: "case",
      entityId: handle.id,
      changes: diffFields({ status: handle.status }, { status }),
      details: input.reason ? { reason: input.reason } : null,
    });
    return updated;
  });
}

async function pendingRequest(tx: Executor, caseId: string) {
  const [pending] = await tx
    .select({ id: closureRequests.id, reason: closureRequests.reason })
    .from(closureRequests)
    .where(and(eq(closureRequests.caseId, caseId), eq(closureRequests.status, "pending")));
  return pending ?? null;
}

/** The care team asks to close; the case stays open until a supervisor decides. */
export async function requestClosure(ctx: AuthedContext, input: z.output<typeof requestClosureInput>) {
  return ctx.db.transaction(async (tx) => {
    const handle = await lockCaseForChange(ctx, tx, input.caseId, input.version, "request_closure");
    if (!canRequestClosure(handle.status, (await pendingRequest(tx, handle.id)) !== null)) throw illegal();
    const [request] = await tx
      .insert(closureRequests)
      .values({
        agencyId: ctx.user.agencyId,
        caseId: handle.id,
        requestedBy: ctx.user.id,
        reason: input.reason,
        note: input.note ?? null,
        requestedAt: ctx.clock(),
      })
      .returning({ id: closureRequests.id });
    const updated = await saveCase(ctx, tx, handle);
    await auditCase(ctx, tx, handle.id, {
      action: "case.closure_requested",
      entityType: "case",
      entityId: handle.id,
      details: { reason: input.reason, requestId: request?.id },
    });
    return updated;
  });
}

/** A supervisor approves (the case closes, follow-ups are scheduled) or returns the request. */
export async function decideClosure(ctx: AuthedContext, input: z.output<typeof decideClosureInput>) {
  return ctx.db.transaction(async (tx) => {
    const handle = await lockCaseForChange(ctx, tx, input.caseId, input.version, "decide_closure");
    const pending = await pendingRequest(tx, handle.id);
    if (!pending) throw new DomainError("conflict", "no_pending_closure");
    const now = ctx.clock();
    await tx
      .update(closureRequests)
      .set({ status: input.decision === "approve" ? "approved" : "returned", decidedBy: ctx.user.id, decidedAt: now, comment: input.comment ?? null })
      .where(eq(closureRequests.id, pending.id));
    if (input.decision === "return") {
      const updated = await saveCase(ctx, tx, handle);
      await auditCase(ctx, tx, handle.id, {
        action: "case.closure_returned",
        entityType: "case",
        entityId: handle.id,
        details: { comment: input.comment },
      });
      return updated;
    }
    const status = nextStatus(handle.status, "close");
    if (!status) throw illegal();
    const followUps = followUpDates(now, ctx.settings.followUpMonths).map((date) => date.toISOString().slice(0, 10));
    const updated = await saveCase(ctx, tx, handle, { status, closedAt: now, closureReason: pending.reason, followUpDates: followUps });
    await clearScheduledReviews(tx, handle.id);
    await auditCase(ctx, tx, handle.id, {
      action: "case.closed",
      entityType: "case",
      entityId: handle.id,
      changes: diffFields({ status: handle.status, closureReason: null, followUpDates: null }, { status, closureReason: pending.reason, followUpDates: followUps }),
      details: input.comment ? { comment: input.comment } : null,
    });
    return updated;
  });
}

/** closed → active, with a reason. */
export async function reopenCase(ctx: AuthedContext, input: z.output<typeof reopenInput>) {
  return ctx.db.transaction(async (tx) => {
    const handle = await lockCaseForChange(ctx, tx, input.caseId, input.version, "reopen");
    return reopenLockedCase(ctx, tx, handle, { reason: input.reason });
  });
}

/**
 * Reopens a case the caller has locked (and may reopen) inside their transaction: closed → active,
 * the closure and its follow-up schedule cleared, the plan's reviews scheduled again, audited as
 * `case.reopened` with `details` (a reason, or the follow-up that reopened it).
 */
export async function reopenLockedCase(ctx: AuthedContext, tx: Executor, handle: CaseHandle, details: Record<string, unknown>) {
  const status = nextStatus(handle.status, "reopen");
  if (!status) throw illegal();
  const updated = await saveCase(ctx, tx, handle, { status, closedAt: null, closureReason: null, followUpDates: null });
  await scheduleReviewsOfPlanInForce(ctx, tx, handle.id);
  await auditCase(ctx, tx, handle.id, {
    action: "case.reopened",
    entityType: "case",
    entityId: handle.id,
    changes: diffFields({ status: handle.status }, { status }),
    details,
  });
  return updated;
}
