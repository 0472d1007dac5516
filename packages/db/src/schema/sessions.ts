import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { SESSION_STAGES, type SessionStage } from "@lentera/domain";
import { users } from "./users";
import { createdAt, oneOf } from "./columns";

/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a copy
 * of this table cannot be replayed as cookies.
 */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text().primaryKey(),
    /** A public handle, so a user can name one of their sessions (to end it) without its token hash. */
    id: uuid().notNull().defaultRandom().unique("sessions_id_unique"),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Only `complete` sessions reach the API; see SESSION_STAGES. */
    stage: text().notNull().default("complete").$type<SessionStage>(),
    /** Where and with what the session was opened, for the user's list of their sessions. */
    ip: text(),
    userAgent: text(),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The absolute end, however active the session is. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    index("sessions_user_idx").on(table.userId),
    check("sessions_stage_check", oneOf(table.stage, SESSION_STAGES)),
  ],
);
