/** A counselor's My work: today's sessions, their drafts, and positive screens on the cases they counsel. */
import { addDays, type AppointmentMode, type NoteStatus } from "@lentera/domain";
import { queryRows, screeningResults, sql } from "@lentera/db";
import { unreviewedPositiveScreens } from "../sessions/queue";
import { caseVisible, countOf, dayStart, fromMs, instant, ms, uuid, type WorkEnv, type WorkSection } from "./env";

/* ---- Today's sessions: their counseling appointments of the agency's day (appointments_staff_starts_idx). ---- */

function sessionsTodayQuery(env: WorkEnv, limit: number) {
  const from = instant(dayStart(env, env.today));
  const to = instant(dayStart(env, addDays(env.today, 1)));
  return sql`
    select a.id, a.case_id, c.case_number, case when ${caseVisible(env, sql`c.id`, sql`c.team_id`)} then cl.alias end as alias,
      ${ms(sql`a.starts_at`)} as starts_ms, ${ms(sql`a.ends_at`)} as ends_ms, a.mode, a.status,
      n.id as note_id, n.status as note_status
    from appointments a
    join cases c on c.id = a.case_id
    join clients cl on cl.id = c.client_id
    left join session_notes n on n.appointment_id = a.id and n.counselor_id = ${uuid(env.userId)}
    where a.staff_user_id = ${uuid(env.userId)} and a.agency_id = ${uuid(env.agencyId)} and a.kind = 'counseling'
      and a.status in ('scheduled', 'attended') and a.starts_at >= ${from} and a.starts_at < ${to}
    order by a.starts_at, a.id
    limit ${limit}`;
}

const sessionsToday: WorkSection = {
  key: "session_today",
  role: "counselor",
  async list(env, limit) {
    const rows = await queryRows<{
      id: string;
      case_id: string;
      case_number: string;
      alias: string | null;
      starts_ms: number;
      ends_ms: number;
      mode: AppointmentMode;
      status: "scheduled" | "attended";
      note_id: string | null;
      note_status: NoteStatus | null;
    }>(env.ctx.db, sessionsTodayQuery(env, limit));
    return rows.map((row) => ({
      kind: "session_today" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: env.today,
      at: fromMs(row.starts_ms),
      facts: {
        appointmentId: row.id,
        startsAt: fromMs(row.starts_ms),
        endsAt: fromMs(row.ends_ms),
        mode: row.mode,
        status: row.status,
        note: row.note_id && row.note_status ? { id: row.note_id, status: row.note_status } : null,
      },
      link: row.note_id
        ? { page: "session_note" as const, caseId: row.case_id, targetId: row.note_id }
        : { page: "appointment" as const, caseId: row.case_id, targetId: row.id },
    }));
  },
  count: (env, limit) => countOf(sessionsTodayQuery(env, limit)),
};

/* ---- Their drafts, any age (session_notes_unsigned_idx: the agency's drafts, a short list). ---- */

function unsignedNotesQuery(env: WorkEnv, limit: number) {
  return sql`
    select n.id, n.case_id, c.case_number, case when ${caseVisible(env, sql`c.id`, sql`c.team_id`)} then cl.alias end as alias,
      n.session_date::text as session_date, n.duration_minutes, n.appointment_id, ${ms(sql`n.created_at`)} as created_ms
    from session_notes n
    join cases c on c.id = n.case_id
    join clients cl on cl.id = c.client_id
    where n.agency_id = ${uuid(env.agencyId)} and n.status = 'draft' and n.counselor_id = ${uuid(env.userId)}
    order by n.created_at, n.id
    limit ${limit}`;
}

const unsignedNotes: WorkSection = {
  key: "unsigned_note",
  role: "counselor",
  async list(env, limit) {
    const rows = await queryRows<{
      id: string;
      case_id: string;
      case_number: string;
      alias: string | null;
      session_date: string;
      duration_minutes: number;
      appointment_id: string | null;
      created_ms: number;
    }>(env.ctx.db, unsignedNotesQuery(env, limit));
    return rows.map((row) => ({
      kind: "unsigned_note" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: row.session_date,
      at: fromMs(row.created_ms),
      facts: { noteId: row.id, sessionDate: row.session_date, durationMinutes: row.duration_minutes, appointmentId: row.appointment_id },
      link: { page: "session_note" as const, caseId: row.case_id, targetId: row.id },
    }));
  },
  count: (env, limit) => countOf(unsignedNotesQuery(env, limit)),
};

/* ---- Positive screens not yet reviewed on the cases they counsel: the supervision queue's query, scoped to them. ---- */

/** Cases on whose care team the user is a counselor. */
const counseledBy = (env: WorkEnv) =>
  sql`exists (select 1 from case_care_team cct where cct.case_id = ${screeningResults.caseId} and cct.user_id = ${uuid(env.userId)} and cct.role = 'counselor')`;

const positiveScreens: WorkSection = {
  key: "positive_screen",
  role: "counselor",
  async list(env, limit) {
    const screens = await unreviewedPositiveScreens(env.ctx, counseledBy(env), limit);
    return screens.map((screen) => ({
      kind: "positive_screen" as const,
      caseId: screen.caseId,
      caseNumber: screen.caseNumber,
      alias: screen.alias,
      dueOn: screen.sessionDate,
      at: null,
      facts: {
        screeningId: screen.id,
        noteId: screen.noteId,
        instrumentCode: screen.instrumentCode,
        sessionDate: screen.sessionDate,
        band: screen.band,
        critical: screen.criticalItems.length > 0,
      },
      link: { page: "session_note" as const, caseId: screen.caseId, targetId: screen.noteId },
    }));
  },
  count: (env, limit) =>
    countOf(sql`
      select 1 from case_care_team cct
      join screening_results sr on sr.case_id = cct.case_id
      where cct.user_id = ${uuid(env.userId)} and cct.role = 'counselor' and sr.agency_id = ${uuid(env.agencyId)} and sr.positive
        and not exists (select 1 from screening_reviews r where r.screening_id = sr.id)
      limit ${limit}`),
};

export const counselorSections: WorkSection[] = [sessionsToday, unsignedNotes, positiveScreens];
