import { type z } from "zod";
import { DomainError, outcomeRefusal, type recordOutcomeInput } from "@lentera/domain";
import { appointments, eq } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess } from "../cases/access";
import { auditCase } from "../cases/audit";
import { appointmentColumns, findAppointment } from "./load";

/**
 * Records that a past appointment was attended or missed (or corrects that). The staff member it
 * was booked with may always record it: it is their own work, even when they are not on the care
 * team; anyone else needs the right to book on the case.
 */
export async function recordOutcome(ctx: AuthedContext, input: z.output<typeof recordOutcomeInput>) {
  return ctx.db.transaction(async (tx) => {
    const seen = await findAppointment(ctx, tx, input.appointmentId);
    if (seen.staffUserId !== ctx.user.id) await requireCaseAccess(ctx, seen.caseId, "book_appointment", tx);
    const current = await findAppointment(ctx, tx, input.appointmentId, { lock: true });
    if (current.version !== input.version) throw new DomainError("stale_version");
    const now = ctx.clock();
    const refusal = outcomeRefusal(current, now);
    if (refusal === "appointment_in_future") throw new DomainError("invalid_input", refusal);
    if (refusal) throw new DomainError("conflict", refusal);
    const [row] = await tx
      .update(appointments)
      .set({ status: input.outcome, outcomeRecordedAt: now, outcomeRecordedBy: ctx.user.id, version: current.version + 1, updatedAt: now })
      .where(eq(appointments.id, current.id))
      .returning(appointmentColumns);
    if (!row) throw new Error("appointment update returned no row");
    await auditCase(ctx, tx, current.caseId, {
      action: "appointment.outcome_recorded",
      entityType: "appointment",
      entityId: row.id,
      changes: { status: { from: current.status, to: input.outcome } },
    });
    return row;
  });
}
