import { type z } from "zod";
import { DomainError, outcomeRefusal, type AppointmentOutcome, type recordOutcomeInput } from "@lentera/domain";
import { appointments, eq, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess } from "../cases/access";
import { auditCase } from "../cases/audit";
import { appointmentColumns, findAppointment, type AppointmentRow } from "./load";

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
    const refusal = outcomeRefusal(current, ctx.clock());
    if (refusal === "appointment_in_future") throw new DomainError("invalid_input", refusal);
    if (refusal) throw new DomainError("conflict", refusal);
    return writeOutcome(ctx, tx, current, input.outcome);
  });
}

/** Writes an outcome on a locked appointment with its audit event (also used when a session is logged from it). */
export async function writeOutcome(ctx: AuthedContext, tx: Executor, current: AppointmentRow, outcome: AppointmentOutcome) {
  const now = ctx.clock();
  const [row] = await tx
    .update(appointments)
    .set({ status: outcome, outcomeRecordedAt: now, outcomeRecordedBy: ctx.user.id, version: current.version + 1, updatedAt: now })
    .where(eq(appointments.id, current.id))
    .returning(appointmentColumns);
  if (!row) throw new Error("appointment update returned no row");
  await auditCase(ctx, tx, current.caseId, {
    action: "appointment.outcome_recorded",
    entityType: "appointment",
    entityId: row.id,
    changes: { status: { from: current.status, to: outcome } },
  });
  return row;
}
