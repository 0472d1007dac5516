import { DomainError } from "@lentera/domain";
import { agencies, and, appointments, eq, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";

/** The columns of an appointment every answer carries. */
export const appointmentColumns = {
  id: appointments.id,
  caseId: appointments.caseId,
  staffUserId: appointments.staffUserId,
  kind: appointments.kind,
  mode: appointments.mode,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  place: appointments.place,
  notes: appointments.notes,
  goalKeys: appointments.goalKeys,
  status: appointments.status,
  cancelReason: appointments.cancelReason,
  rescheduledToId: appointments.rescheduledToId,
  seriesId: appointments.seriesId,
  outcomeRecordedAt: appointments.outcomeRecordedAt,
  createdAt: appointments.createdAt,
  updatedAt: appointments.updatedAt,
  version: appointments.version,
};

/** An appointment of the caller's agency; `lock` takes it FOR UPDATE inside a change. */
export async function findAppointment(ctx: AuthedContext, executor: Executor, appointmentId: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select(appointmentColumns)
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.agencyId, ctx.user.agencyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new DomainError("not_found");
  return row;
}

export type AppointmentRow = Awaited<ReturnType<typeof findAppointment>>;

/** The caller's agency's IANA time zone: the local days of reminders and series. */
export async function agencyTimeZone(ctx: AuthedContext, executor: Executor = ctx.db): Promise<string> {
  const [row] = await executor.select({ timeZone: agencies.timeZone }).from(agencies).where(eq(agencies.id, ctx.user.agencyId));
  if (!row) throw new DomainError("not_found");
  return row.timeZone;
}
