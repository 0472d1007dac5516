import { z } from "zod";
import { DomainError, type reviewScreeningInput } from "@lentera/domain";
import { and, eq, screeningResults, screeningReviews, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { sessionAccess } from "./access";

export const screeningReviewSchema = z.object({
  screeningId: z.uuid(),
  reviewedBy: z.object({ id: z.uuid(), name: z.string() }),
  reviewedAt: z.date(),
});
export type ScreeningReview = z.output<typeof screeningReviewSchema>;

/** A screening result of the caller's agency, with its case; NOT_FOUND otherwise. */
async function findScreening(ctx: AuthedContext, tx: Transaction, screeningId: string) {
  const [row] = await tx
    .select({
      id: screeningResults.id,
      caseId: screeningResults.caseId,
      noteId: screeningResults.noteId,
      instrumentCode: screeningResults.instrumentCode,
      positive: screeningResults.positive,
    })
    .from(screeningResults)
    .where(and(eq(screeningResults.id, screeningId), eq(screeningResults.agencyId, ctx.user.agencyId)));
  if (!row) throw new DomainError("not_found");
  return row;
}

/**
 * A supervisor of the case's team marks a positive screen followed up; it leaves the queue.
 * Out of reach: NOT_FOUND; on the case but not its supervisor: FORBIDDEN `supervisor_only`; a
 * screen below the positive band: CONFLICT `screening_not_positive`; reviewed already: CONFLICT
 * `screening_reviewed`. The review's note is the supervisor's free text about the child: the
 * audit event records that there was one, not what it says.
 */
export async function reviewScreening(ctx: AuthedContext, input: z.output<typeof reviewScreeningInput>): Promise<ScreeningReview> {
  return ctx.db.transaction(async (tx) => {
    const screening = await findScreening(ctx, tx, input.screeningId);
    const access = await sessionAccess(ctx, screening.caseId, tx);
    if (!access.canSupervise) throw new DomainError("forbidden", "supervisor_only");
    if (!screening.positive) throw new DomainError("conflict", "screening_not_positive");
    const reviewedAt = ctx.clock();
    const note = input.note ?? null;
    // The primary key on the screening makes a concurrent second review insert nothing.
    const [review] = await tx
      .insert(screeningReviews)
      .values({ screeningId: screening.id, agencyId: ctx.user.agencyId, reviewedBy: ctx.user.id, reviewedAt, note })
      .onConflictDoNothing({ target: screeningReviews.screeningId })
      .returning({ screeningId: screeningReviews.screeningId });
    if (!review) throw new DomainError("conflict", "screening_reviewed");
    await auditCase(ctx, tx, screening.caseId, {
      action: "screening.reviewed",
      entityType: "screening_result",
      entityId: screening.id,
      details: { noteId: screening.noteId, instrumentCode: screening.instrumentCode, withNote: note !== null },
    });
    return { screeningId: review.screeningId, reviewedBy: { id: ctx.user.id, name: ctx.user.displayName }, reviewedAt };
  });
}
