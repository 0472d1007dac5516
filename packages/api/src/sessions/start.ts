import { randomUUID } from "node:crypto";
import { type z } from "zod";
import {
  DomainError,
  localDate,
  MAX_SESSION_MINUTES,
  outcomeRefusal,
  type SessionModality,
  type startSessionNoteInput,
} from "@lentera/domain";
import { eq, sessionNotes, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { caseClosed } from "../plans/draft";
import { findAppointment, type AppointmentRow } from "../appointments/load";
import { writeOutcome } from "../appointments/outcome";
import { sessionAccess } from "./access";
import { EMPTY_NOTE_BODY, sealNoteBody } from "./body";
import { requireCanLog } from "./draft";
import { noteDefaults } from "./load";

/** A session without an appointment: in person, the usual fifty minutes. */
const DEFAULT_MINUTES = 50;

/**
 * Opens a draft note on a case, from an appointment or on its own. Logging from an appointment
 * takes its day, length and mode, and records it as attended (the session did take place).
 */
export async function startNote(ctx: AuthedContext, input: z.output<typeof startSessionNoteInput>): Promise<{ noteId: string }> {
  return ctx.db.transaction(async (tx) => {
    const access = await sessionAccess(ctx, input.caseId, tx);
    requireCanLog(access);
    if (access.handle.status === "closed") throw caseClosed();
    const defaults = await noteDefaults(ctx, tx);
    const values = {
      sessionDate: localDate(ctx.clock(), defaults.timeZone),
      durationMinutes: DEFAULT_MINUTES,
      modality: "in_person" as SessionModality,
      goalKeys: [] as string[],
    };
    if (input.appointmentId !== null) {
      const appointment = await findAppointment(ctx, tx, input.appointmentId, { lock: true });
      if (appointment.caseId !== access.handle.id) throw new DomainError("invalid_input", "appointment_other_case");
      // One note per appointment: its author gets it back (a second tap, another tab).
      const [existing] = await tx
        .select({ id: sessionNotes.id, counselorId: sessionNotes.counselorId })
        .from(sessionNotes)
        .where(eq(sessionNotes.appointmentId, appointment.id));
      if (existing) {
        if (existing.counselorId === ctx.user.id) return { noteId: existing.id };
        throw new DomainError("conflict", "note_exists_for_appointment");
      }
      if (appointment.staffUserId !== ctx.user.id) throw new DomainError("forbidden", "not_your_appointment");
      await requireAttended(ctx, tx, appointment);
      values.sessionDate = localDate(appointment.startsAt, defaults.timeZone);
      values.durationMinutes = Math.min(MAX_SESSION_MINUTES, Math.max(1, Math.round((appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000)));
      values.modality = appointment.mode;
      values.goalKeys = appointment.goalKeys;
    }
    const id = randomUUID();
    const now = ctx.clock();
    await tx.insert(sessionNotes).values({
      id,
      agencyId: ctx.user.agencyId,
      caseId: access.handle.id,
      appointmentId: input.appointmentId,
      counselorId: ctx.user.id,
      sessionDate: values.sessionDate,
      durationMinutes: values.durationMinutes,
      modality: values.modality,
      format: defaults.defaultNoteFormat,
      // The goals the appointment was booked for are the likely ones addressed.
      body: sealNoteBody(ctx.keyring, id, { ...EMPTY_NOTE_BODY, goalKeys: values.goalKeys }),
      createdAt: now,
      updatedAt: now,
    });
    await auditCase(ctx, tx, access.handle.id, {
      action: "session_note.started",
      entityType: "session_note",
      entityId: id,
      details: { appointmentId: input.appointmentId, format: defaults.defaultNoteFormat },
    });
    return { noteId: id };
  });
}

/**
 * The appointment must have taken place: a scheduled one that has started is recorded as attended
 * here, in the same transaction and with the same audit event as recording its outcome by hand.
 */
async function requireAttended(ctx: AuthedContext, tx: Transaction, appointment: AppointmentRow): Promise<void> {
  const refusal = outcomeRefusal(appointment, ctx.clock());
  if (refusal === "appointment_in_future") throw new DomainError("invalid_input", refusal);
  if (refusal || appointment.status === "no_show") throw new DomainError("conflict", "appointment_not_attended");
  if (appointment.status === "attended") return;
  await writeOutcome(ctx, tx, appointment, "attended");
}
