import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_MODES,
  APPOINTMENT_STATUSES,
  MAX_APPOINTMENT_MINUTES,
  type AppointmentKind,
  type AppointmentMode,
  type AppointmentStatus,
} from "@lentera/domain";
import { createdAt, id, oneOf, updatedAt, version } from "./columns";
import { agencyRef, caseRef, optionalUserRef, userRef } from "./refs";

/**
 * A booked appointment of a case with one staff member. Times are instants (timestamptz); the
 * agency's zone turns them into local days.
 *
 * No double-booking: migration 0004 adds, by hand (drizzle-kit cannot express it),
 *   appointments_no_overlap EXCLUDE USING gist (staff_user_id WITH =,
 *     tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status = 'scheduled')
 * so two scheduled appointments of one staff member can never overlap, even when requests race;
 * the range is half-open, so back-to-back appointments are allowed.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    staffUserId: userRef(),
    kind: text().notNull().$type<AppointmentKind>(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    mode: text().notNull().default("in_person").$type<AppointmentMode>(),
    place: text(),
    /** Practical, never clinical. */
    notes: text(),
    /** The plan goals (stable keys across plan versions) this appointment serves. */
    goalKeys: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    status: text().notNull().default("scheduled").$type<AppointmentStatus>(),
    cancelReason: text(),
    rescheduledToId: uuid().references((): AnyPgColumn => appointments.id),
    /** The occurrences of one recurring series share it. */
    seriesId: uuid(),
    outcomeRecordedAt: timestamp({ withTimezone: true }),
    outcomeRecordedBy: optionalUserRef(),
    createdBy: userRef(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("appointments_kind_check", oneOf(table.kind, APPOINTMENT_KINDS)),
    check("appointments_mode_check", oneOf(table.mode, APPOINTMENT_MODES)),
    check("appointments_status_check", oneOf(table.status, APPOINTMENT_STATUSES)),
    check("appointments_span_check", sql`${table.endsAt} > ${table.startsAt}`),
    // A bounded length lets a calendar read the index from (window start − the longest appointment).
    check("appointments_length_check", sql`${table.endsAt} - ${table.startsAt} <= make_interval(mins => ${sql.raw(String(MAX_APPOINTMENT_MINUTES))})`),
    check("appointments_cancel_reason_check", sql`(${table.status} = 'cancelled') = (${table.cancelReason} is not null)`),
    check("appointments_rescheduled_check", sql`${table.rescheduledToId} is null or ${table.status} = 'rescheduled'`),
    check("appointments_outcome_check", sql`(${table.status} in ('attended', 'no_show')) = (${table.outcomeRecordedAt} is not null)`),
    index("appointments_staff_starts_idx").on(table.staffUserId, table.startsAt),
    index("appointments_case_starts_idx").on(table.caseId, table.startsAt),
    // The dashboard's week and no-show figures: an agency's (or a team's) appointments in a period.
    index("appointments_agency_starts_idx").on(table.agencyId, table.startsAt),
    index("appointments_series_idx").on(table.seriesId).where(sql`${table.seriesId} is not null`),
    // "Overdue outcomes" of one staff member: the scheduled ones whose end has passed.
    // "Appointments with no outcome recorded" on a worker's cases (My work).
    index("appointments_case_open_ends_idx").on(table.caseId, table.endsAt).where(sql`${table.status} = 'scheduled'`),
    // The dashboard's outcomes missing across a team or the agency.
    index("appointments_agency_open_ends_idx").on(table.agencyId, table.endsAt).where(sql`${table.status} = 'scheduled'`),
    index("appointments_staff_open_ends_idx").on(table.staffUserId, table.endsAt).where(sql`${table.status} = 'scheduled'`),
  ],
);

/**
 * A personal iCalendar feed: only the SHA-256 of the secret token is kept. A user has at most one
 * live token; creating a new one revokes the old.
 */
export const calendarFeedTokens = pgTable(
  "calendar_feed_tokens",
  {
    id: id(),
    agencyId: agencyRef(),
    userId: userRef(),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    uniqueIndex("calendar_feed_tokens_hash_unique").on(table.tokenHash),
    uniqueIndex("calendar_feed_tokens_one_live").on(table.userId).where(sql`${table.revokedAt} is null`),
  ],
);
