import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  MAX_SESSION_MINUTES,
  NOTE_FORMATS,
  NOTE_STATUSES,
  RISK_FLAG_KINDS,
  SESSION_MODALITIES,
  type NoteFormat,
  type NoteStatus,
  type RiskFlagKind,
  type SessionModality,
} from "@lentera/domain";
import { allOf, createdAt, id, oneOf, updatedAt, version } from "./columns";
import { agencyRef, caseRef, optionalUserRef, userRef } from "./refs";
import { appointments } from "./appointments";

/**
 * A counseling session note. Metadata (who, when, how long, how) is plain; everything said in the
 * session (sections, goals addressed, interventions, next step, risk check) is sealed in `body`
 * with the field keyring, so a copy of the table reveals nothing clinical.
 *
 * A signed note never changes again: migration 0006 adds, by hand, a trigger that refuses UPDATE
 * and DELETE of a row whose status is 'signed' (for every database user, the application's
 * included). Corrections are addenda.
 */
export const sessionNotes = pgTable(
  "session_notes",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    /** The appointment the session was logged from; one note per appointment. */
    appointmentId: uuid().references((): AnyPgColumn => appointments.id),
    counselorId: userRef(),
    sessionDate: date({ mode: "string" }).notNull(),
    durationMinutes: integer().notNull(),
    modality: text().notNull().$type<SessionModality>(),
    format: text().notNull().$type<NoteFormat>(),
    /** Sealed JSON of the note's clinical content (see sessions/body.ts in @lentera/api). */
    body: text().notNull(),
    status: text().notNull().default("draft").$type<NoteStatus>(),
    signedBy: optionalUserRef(),
    signedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("session_notes_modality_check", oneOf(table.modality, SESSION_MODALITIES)),
    check("session_notes_format_check", oneOf(table.format, NOTE_FORMATS)),
    check("session_notes_status_check", oneOf(table.status, NOTE_STATUSES)),
    check("session_notes_duration_check", sql`${table.durationMinutes} between 1 and ${sql.raw(String(MAX_SESSION_MINUTES))}`),
    check(
      "session_notes_signed_check",
      sql`(${table.status} = 'signed') = (${table.signedAt} is not null and ${table.signedBy} is not null)`,
    ),
    uniqueIndex("session_notes_appointment_unique").on(table.appointmentId),
    index("session_notes_case_date_idx").on(table.caseId, table.sessionDate),
    // The dashboard's sessions per counselor: an agency's notes dated in a period.
    index("session_notes_agency_date_idx").on(table.agencyId, table.sessionDate),
    index("session_notes_unsigned_idx").on(table.agencyId, table.createdAt).where(sql`${table.status} = 'draft'`),
    // A counselor's unsigned notes, and the per-worker counts of stale drafts (My work).
    index("session_notes_counselor_drafts_idx").on(table.counselorId, table.createdAt).where(sql`${table.status} = 'draft'`),
  ],
);

/** A dated, signed correction of a signed note; never changed or removed (trigger in 0006). */
export const sessionNoteAddenda = pgTable(
  "session_note_addenda",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    noteId: uuid()
      .notNull()
      .references(() => sessionNotes.id),
    /** Sealed like the note's body. */
    body: text().notNull(),
    authorId: userRef(),
    signedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index("session_note_addenda_note_idx").on(table.noteId, table.signedAt)],
);

/**
 * A screening instrument given in a session. Totals, band and critical items are plain (the queue
 * and the chart read them); the item answers are sealed. Locked with its note (trigger in 0006).
 */
export const screeningResults = pgTable(
  "screening_results",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    noteId: uuid()
      .notNull()
      .references(() => sessionNotes.id, { onDelete: "cascade" }),
    instrumentCode: text().notNull(),
    instrumentVersion: integer().notNull(),
    sessionDate: date({ mode: "string" }).notNull(),
    answers: text().notNull(),
    total: integer(),
    band: text(),
    positive: boolean().notNull(),
    criticalItems: text().array().notNull().default(sql`'{}'::text[]`),
    complete: boolean().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("screening_results_note_instrument_unique").on(table.noteId, table.instrumentCode),
    index("screening_results_case_idx").on(table.caseId, table.instrumentCode, table.sessionDate),
    index("screening_results_positive_idx").on(table.agencyId, table.sessionDate).where(sql`${table.positive}`),
  ],
);

/** A supervisor's follow-up of a positive screen: it leaves the queue. */
export const screeningReviews = pgTable("screening_reviews", {
  screeningId: uuid()
    .primaryKey()
    .references(() => screeningResults.id, { onDelete: "cascade" }),
  agencyId: agencyRef(),
  reviewedBy: userRef(),
  reviewedAt: timestamp({ withTimezone: true }).notNull(),
  note: text(),
});

/** Danger revealed in a session; open until a supervisor records the action taken. */
export const riskFlags = pgTable(
  "risk_flags",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    noteId: uuid().references(() => sessionNotes.id, { onDelete: "set null" }),
    kinds: text().array().notNull().$type<RiskFlagKind[]>(),
    raisedBy: userRef(),
    raisedAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedBy: optionalUserRef(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    actionTaken: text(),
    version: version(),
  },
  (table) => [
    check("risk_flags_kinds_check", allOf(table.kinds, RISK_FLAG_KINDS)),
    check(
      "risk_flags_acknowledged_check",
      sql`(${table.acknowledgedAt} is null) = (${table.acknowledgedBy} is null) and (${table.acknowledgedAt} is null or ${table.actionTaken} is not null)`,
    ),
    index("risk_flags_case_idx").on(table.caseId, table.raisedAt),
    index("risk_flags_open_idx").on(table.agencyId, table.raisedAt).where(sql`${table.acknowledgedAt} is null`),
    uniqueIndex("risk_flags_one_open_per_note").on(table.noteId).where(sql`${table.acknowledgedAt} is null`),
  ],
);

export const NOTIFICATION_KINDS = ["risk_flag"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An in-app notice to one user (care team and supervisors when a risk flag is raised). */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    agencyId: agencyRef(),
    userId: userRef(),
    kind: text().notNull().$type<NotificationKind>(),
    caseId: caseRef(),
    flagId: uuid().references(() => riskFlags.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    readAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    check("notifications_kind_check", oneOf(table.kind, NOTIFICATION_KINDS)),
    index("notifications_user_idx").on(table.userId, table.createdAt),
    uniqueIndex("notifications_flag_user_unique").on(table.flagId, table.userId),
  ],
);
