import { type z } from "zod";
import {
  canOnCase,
  DomainError,
  followUpRefusal,
  localDate,
  type RecordedFollowUp,
  type recordFollowUpInput,
} from "@lentera/domain";
import { cases, eq, followUpOutcomes } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { createdFields } from "../audit";
import { requireCaseAccess } from "../cases/access";
import { auditCase } from "../cases/audit";
import { reopenLockedCase } from "../cases/workflow";
import { agencyTimeZone } from "../appointments/load";

/**
 * Records the outcome of a post-closure follow-up visit: the care team or a supervisor of the
 * case's team (others who may read the case: FORBIDDEN; out of reach: NOT_FOUND). The case must be
 * closed (CONFLICT `case_not_closed`), the date one of its follow-up dates (BAD_REQUEST
 * `unknown_follow_up`) and not after today in the agency's zone (BAD_REQUEST `follow_up_not_due`);
 * each date once (CONFLICT `follow_up_recorded`). `reopen` needs the outcome `serious_concerns`
 * (BAD_REQUEST `reopen_needs_serious_outcome`) and reopens the case in the same transaction, through
 * the case workflow's own reopening. The note is free text about the child: the audit event records
 * that there is one, not what it says.
 */
export async function recordFollowUp(ctx: AuthedContext, input: z.output<typeof recordFollowUpInput>): Promise<RecordedFollowUp> {
  return ctx.db.transaction(async (tx) => {
    // Locked: the outcome and a reopening are decided on the case as it is now.
    const handle = await requireCaseAccess(ctx, input.caseId, "update", tx, { forUpdate: true });
    if (input.reopen && !canOnCase(handle.access, "reopen")) throw new DomainError("forbidden");
    const [current] = await tx.select({ followUpDates: cases.followUpDates }).from(cases).where(eq(cases.id, handle.id));
    const today = localDate(ctx.clock(), await agencyTimeZone(ctx, tx));
    const refusal = followUpRefusal(input, { status: handle.status, followUpDates: current?.followUpDates ?? null, today });
    if (refusal === "case_not_closed") throw new DomainError("conflict", refusal);
    if (refusal) throw new DomainError("invalid_input", refusal);

    const recordedAt = ctx.clock();
    const [recorded] = await tx
      .insert(followUpOutcomes)
      .values({
        agencyId: ctx.user.agencyId,
        caseId: handle.id,
        dueOn: input.dueOn,
        outcome: input.outcome,
        note: input.note ?? null,
        reopened: input.reopen,
        recordedBy: ctx.user.id,
        recordedAt,
      })
      .onConflictDoNothing({ target: [followUpOutcomes.caseId, followUpOutcomes.dueOn] })
      .returning({ dueOn: followUpOutcomes.dueOn });
    if (!recorded) throw new DomainError("conflict", "follow_up_recorded");
    await auditCase(ctx, tx, handle.id, {
      action: "follow_up.recorded",
      entityType: "follow_up",
      entityId: `${handle.id}/${input.dueOn}`,
      changes: createdFields({ outcome: input.outcome, reopened: input.reopen }),
      details: { dueOn: input.dueOn, withNote: input.note != null },
    });
    const after = input.reopen
      ? await reopenLockedCase(ctx, tx, handle, { followUpDueOn: input.dueOn, followUpOutcome: input.outcome })
      : { status: handle.status, version: handle.version };
    return {
      caseId: handle.id,
      dueOn: input.dueOn,
      outcome: input.outcome,
      reopened: input.reopen,
      recordedAt,
      caseStatus: after.status,
      caseVersion: after.version,
    };
  });
}
