import { type z } from "zod";
import type { cancelAppointmentInput, rescheduleAppointmentInput, updateAppointmentInput } from "@lentera/domain";
import { appointments, eq, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { diffFields } from "../audit";
import { claimTime } from "./clash";
import { lockForChange, requireBookableStaff, requireGoalKeys } from "./guards";
import { appointmentColumns, type AppointmentRow } from "./load";

type UpdateInput = z.output<typeof updateAppointmentInput>;

/** Writes new values to a locked appointment with the next version. */
async function saveAppointment(ctx: AuthedContext, tx: Transaction, current: AppointmentRow, values: Partial<typeof appointments.$inferInsert>) {
  const [row] = await tx
    .update(appointments)
    .set({ ...values, version: current.version + 1, updatedAt: ctx.clock() })
    .where(eq(appointments.id, current.id))
    .returning(appointmentColumns);
  if (!row) throw new Error("appointment update returned no row");
  return row;
}

/** Changes time, staff, place, mode, kind, notes or goals of a scheduled appointment; a new time or staff member is re-checked for clashes. */
export async function updateAppointment(ctx: AuthedContext, input: UpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const { handle, current } = await lockForChange(ctx, tx, input, { openCase: true, scheduled: true });
    if (input.staffUserId && input.staffUserId !== current.staffUserId) await requireBookableStaff(ctx, tx, handle, input.staffUserId);
    if (input.goalKeys) await requireGoalKeys(tx, handle.id, input.goalKeys);
    const values = {
      staffUserId: input.staffUserId,
      kind: input.kind,
      mode: input.mode,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      place: input.place,
      notes: input.notes,
      goalKeys: input.goalKeys,
    };
    const span = { startsAt: input.startsAt ?? current.startsAt, endsAt: input.endsAt ?? current.endsAt };
    const staffUserId = input.staffUserId ?? current.staffUserId;
    const row = await claimTime(tx, [{ staffUserId, spans: [span], excludeIds: [current.id] }], (savepoint) =>
      saveAppointment(ctx, savepoint, current, values),
    );
    await auditCase(ctx, tx, handle.id, {
      action: "appointment.updated",
      entityType: "appointment",
      entityId: row.id,
      // Notes and place are practical but free text: the event keeps that they changed, not what they say.
      changes: diffFields(current, values, ["notes", "place"]),
    });
    return row;
  });
}

/** Cancels a scheduled appointment with a reason; its time is free again at once. */
export async function cancelAppointment(ctx: AuthedContext, input: z.output<typeof cancelAppointmentInput>) {
  return ctx.db.transaction(async (tx) => {
    const { handle, current } = await lockForChange(ctx, tx, input, { openCase: false, scheduled: true });
    const row = await saveAppointment(ctx, tx, current, { status: "cancelled", cancelReason: input.reason });
    await auditCase(ctx, tx, handle.id, {
      action: "appointment.cancelled",
      entityType: "appointment",
      entityId: row.id,
      details: { startsAt: row.startsAt.toISOString() },
    });
    return row;
  });
}

/**
 * Moves a scheduled appointment to a new time (and perhaps staff member) as a new scheduled
 * appointment; the old one becomes `rescheduled`, linked to it. One transaction, clash-checked.
 */
export async function rescheduleAppointment(ctx: AuthedContext, input: z.output<typeof rescheduleAppointmentInput>) {
  return ctx.db.transaction(async (tx) => {
    const { handle, current } = await lockForChange(ctx, tx, input, { openCase: true, scheduled: true });
    const staffUserId = input.staffUserId ?? current.staffUserId;
    if (staffUserId !== current.staffUserId) await requireBookableStaff(ctx, tx, handle, staffUserId);
    const span = { startsAt: input.startsAt, endsAt: input.endsAt };
    const { replacement, old } = await claimTime(tx, [{ staffUserId, spans: [span], excludeIds: [current.id] }], async (savepoint) => {
      // The old one lets go of its time first, so the new time may overlap it.
      await savepoint.update(appointments).set({ status: "rescheduled" }).where(eq(appointments.id, current.id));
      const now = ctx.clock();
      const [inserted] = await savepoint
        .insert(appointments)
        .values({
          agencyId: ctx.user.agencyId,
          caseId: current.caseId,
          staffUserId,
          kind: current.kind,
          mode: current.mode,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          place: current.place,
          notes: current.notes,
          goalKeys: current.goalKeys,
          seriesId: current.seriesId,
          createdBy: ctx.user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning(appointmentColumns);
      if (!inserted) throw new Error("appointment insert returned no row");
      const linked = await saveAppointment(ctx, savepoint, current, { status: "rescheduled", rescheduledToId: inserted.id });
      return { replacement: inserted, old: linked };
    });
    await auditCase(ctx, tx, handle.id, {
      action: "appointment.rescheduled",
      entityType: "appointment",
      entityId: current.id,
      details: {
        to: replacement.id,
        from: { startsAt: current.startsAt.toISOString(), endsAt: current.endsAt.toISOString() },
        startsAt: replacement.startsAt.toISOString(),
        endsAt: replacement.endsAt.toISOString(),
        staffUserId,
      },
    });
    return { old, replacement };
  });
}
