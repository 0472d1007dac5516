import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES, LOCALES } from "@lentera/domain";
import { agencies, teams } from "./agencies";
import { createdAt, id, updatedAt, version } from "./columns";

const roleList = sql.raw(ROLES.map((role) => `'${role}'`).join(", "));
const localeList = sql.raw(LOCALES.map((locale) => `'${locale}'`).join(", "));

export const users = pgTable(
  "users",
  {
    id: id(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** Stored lower-case: sign-in matches it exactly. */
    email: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    roles: text().array().notNull().$type<(typeof ROLES)[number][]>(),
    locale: text().notNull().default("en").$type<(typeof LOCALES)[number]>(),
    active: boolean().notNull().default(true),
    failedSignIns: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    lastSignInAt: timestamp({ withTimezone: true }),
    /** The TOTP secret, sealed with the identity keyring (bound to the user's id); null until enrolled. */
    totpSecret: text(),
    /** When enrolment was confirmed with a first code; null while not enrolled. */
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** The last TOTP time step accepted, so a code cannot be replayed within its window. */
    totpLastStep: bigint({ mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex("users_email_unique").on(table.email),
    index("users_agency_idx").on(table.agencyId),
    check("users_email_lower_check", sql`${table.email} = lower(${table.email})`),
    check(
      "users_roles_check",
      sql`cardinality(${table.roles}) >= 1 and ${table.roles} <@ array[${roleList}]::text[]`,
    ),
    check("users_locale_check", sql`${table.locale} in (${localeList})`),
  ],
);

export const teamMemberships = pgTable(
  "team_memberships",
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.userId] }),
    index("team_memberships_user_idx").on(table.userId),
  ],
);

/** One-time recovery codes for two-factor sign-in: only a SHA-256 of each is kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("recovery_codes_user_code_unique").on(table.userId, table.codeHash)],
);
