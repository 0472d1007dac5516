import { DomainError, type AppointmentStatus, type SessionMetadata } from "@lentera/domain";
import { and, agencies, appointments, desc, eq, sessionNotes, users, type Executor, type SQL } from "@lentera/db";
import type { AuthedContext } from "../trpc";

/** The columns of a note a change needs (the sealed body included; it never leaves the API sealed). */
const noteColumns = {
  id: sessionNotes.id,
  caseId: sessionNotes.caseId,
  appointmentId: sessionNotes.appointmentId,
  counselorId: sessionNotes.counselorId,
  sessionDate: sessionNotes.sessionDate,
  durationMinutes: sessionNotes.durationMinutes,
  modality: sessionNotes.modality,
  format: sessionNotes.format,
  body: sessionNotes.body,
  status: sessionNotes.status,
  signedBy: sessionNotes.signedBy,
  signedAt: sessionNotes.signedAt,
  updatedAt: sessionNotes.updatedAt,
  version: sessionNotes.version,
};

/**
 * A note of the caller's agency; `lock` takes it FOR UPDATE inside a change. Whether the caller may
 * reach its case is for the caller of this function to ask (sessionAccess) before using it.
 */
export async function findNote(ctx: AuthedContext, executor: Executor, noteId: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select(noteColumns)
    .from(sessionNotes)
    .where(and(eq(sessionNotes.id, noteId), eq(sessionNotes.agencyId, ctx.user.agencyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new DomainError("not_found");
  return row;
}

export type NoteRow = Awaited<ReturnType<typeof findNote>>;

/** A note without an appointment records a session that took place. */
export function attendanceOf(status: AppointmentStatus | null): SessionMetadata["attendance"] {
  if (status === null || status === "attended") return "attended";
  if (status === "scheduled") return "scheduled";
  // no_show, or (never expected: a note needs an attended appointment) cancelled or rescheduled.
  return "no_show";
}

/** What anyone who may read the case sees of its notes; `where` narrows to one case or one note. */
export async function noteMetadata(ctx: AuthedContext, executor: Executor, where: SQL | undefined): Promise<SessionMetadata[]> {
  const rows = await executor
    .select({
      id: sessionNotes.id,
      caseId: sessionNotes.caseId,
      appointmentId: sessionNotes.appointmentId,
      counselor: { id: users.id, name: users.displayName },
      sessionDate: sessionNotes.sessionDate,
      durationMinutes: sessionNotes.durationMinutes,
      modality: sessionNotes.modality,
      appointmentStatus: appointments.status,
      status: sessionNotes.status,
      signedAt: sessionNotes.signedAt,
    })
    .from(sessionNotes)
    .innerJoin(users, eq(users.id, sessionNotes.counselorId))
    .leftJoin(appointments, eq(appointments.id, sessionNotes.appointmentId))
    .where(and(eq(sessionNotes.agencyId, ctx.user.agencyId), where))
    .orderBy(
      // Newest first; notes of one day in the order they were started.
      desc(sessionNotes.sessionDate),
      desc(sessionNotes.createdAt),
    );
  return rows.map(({ appointmentStatus, ...row }) => ({ ...row, attendance: attendanceOf(appointmentStatus) }));
}

/** The agency's settings a new note needs: its zone (today's date) and the format notes open in. */
export async function noteDefaults(ctx: AuthedContext, executor: Executor) {
  const [row] = await executor
    .select({ timeZone: agencies.timeZone, defaultNoteFormat: agencies.defaultNoteFormat })
    .from(agencies)
    .where(eq(agencies.id, ctx.user.agencyId));
  if (!row) throw new DomainError("not_found");
  return row;
}
