import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  CARE_TEAM_ROLES,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONSENT_GIVERS,
  CONSENT_SCOPES,
  HARM_TYPES,
  REFERRAL_SOURCES,
  RISK_LEVELS,
  SEXES,
  type CareTeamRole,
  type CaseStatus,
  type ClosureReason,
  type ConsentGiver,
  type ConsentScope,
  type HarmType,
  type ReferralSource,
  type RiskLevel,
  type Sex,
} from "@lentera/domain";
import { teams } from "./agencies";
import { users } from "./users";
import { allOf, createdAt, id, oneOf, updatedAt, version } from "./columns";
import { agencyRef, caseRef, userRef } from "./refs";

/** The last case number handed out per agency and year; incremented atomically at intake. */
export const caseNumberCounters = pgTable(
  "case_number_counters",
  {
    agencyId: agencyRef(),
    year: integer().notNull(),
    lastValue: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.agencyId, table.year] })],
);

/**
 * The survivor. Everything here is shown under the alias; identifying data (legal name, identity
 * numbers, contact, exact address, guardian's name) is one AES-256-GCM ciphertext, and the keyed
 * hashes let intake find possible duplicates without decrypting anything.
 */
export const clients = pgTable(
  "clients",
  {
    id: id(),
    agencyId: agencyRef(),
    alias: text().notNull(),
    birthDate: date({ mode: "string" }),
    estimatedAge: integer(),
    sex: text().notNull().$type<Sex>(),
    gender: text(),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    disability: text(),
    guardianRelationship: text(),
    country: text().notNull().$type<"ID" | "VN">(),
    province: text(),
    regencyCity: text(),
    district: text(),
    identityCiphertext: text().notNull(),
    nameBirthHmac: text(),
    identityNumberHmacs: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("clients_sex_check", oneOf(table.sex, SEXES)),
    check("clients_country_check", oneOf(table.country, ["ID", "VN"])),
    check("clients_age_check", sql`${table.estimatedAge} is null or ${table.estimatedAge} between 0 and 120`),
    // Byte order ("C"): a prefix search is a range on this index, even in a prepared (generic) plan.
    index("clients_agency_alias_idx").on(table.agencyId, sql`lower(${table.alias}) collate "C"`),
    index("clients_agency_name_birth_idx").on(table.agencyId, table.nameBirthHmac),
    index("clients_identity_numbers_idx").using("gin", table.identityNumberHmacs),
  ],
);

export const cases = pgTable(
  "cases",
  {
    id: id(),
    agencyId: agencyRef(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    caseNumber: text().notNull(),
    status: text().notNull().default("intake").$type<CaseStatus>(),
    riskLevel: text().notNull().$type<RiskLevel>(),
    riskConcerns: text(),
    harmTypes: text().array().notNull().$type<HarmType[]>(),
    referralSource: text().notNull().$type<ReferralSource>(),
    safetyNotes: text(),
    /** Kept equal to the care team's primary social worker, for lists and filters. */
    primarySocialWorkerId: uuid().references(() => users.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    /** When the client's identifying data was erased after the retention period; statistics stay. */
    anonymizedAt: timestamp({ withTimezone: true }),
    closureReason: text().$type<ClosureReason>(),
    followUpDates: date({ mode: "string" }).array(),
    createdBy: userRef(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    unique("cases_agency_number_unique").on(table.agencyId, table.caseNumber),
    unique("cases_client_unique").on(table.clientId),
    check("cases_status_check", oneOf(table.status, CASE_STATUSES)),
    check("cases_risk_check", oneOf(table.riskLevel, RISK_LEVELS)),
    check("cases_referral_check", oneOf(table.referralSource, REFERRAL_SOURCES)),
    check("cases_harm_types_check", sql`cardinality(${table.harmTypes}) >= 1 and ${allOf(table.harmTypes, HARM_TYPES)}`),
    check("cases_closure_reason_check", sql`${table.closureReason} is null or ${oneOf(table.closureReason, CLOSURE_REASONS)}`),
    check("cases_closed_check", sql`(${table.status} = 'closed') = (${table.closedAt} is not null)`),
    // Ascending columns: a backward scan serves "newest first" (opened_at desc, id desc) too.
    index("cases_team_opened_idx").on(table.agencyId, table.teamId, table.openedAt, table.id),
    index("cases_agency_opened_idx").on(table.agencyId, table.openedAt, table.id),
    index("cases_primary_worker_idx").on(table.primarySocialWorkerId),
  ],
);

/** The users assigned to a case. A case has at most one primary social worker. */
export const caseCareTeam = pgTable(
  "case_care_team",
  {
    caseId: caseRef(),
    userId: userRef(),
    agencyId: agencyRef(),
    role: text().notNull().$type<CareTeamRole>(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * A copy of the case's opening time (which never changes), so "my cases, newest first" reads
     * a user's first page from one index instead of sorting all their cases.
     */
    caseOpenedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.userId] }),
    check("case_care_team_role_check", oneOf(table.role, CARE_TEAM_ROLES)),
    index("case_care_team_user_opened_idx").on(table.userId, table.caseOpenedAt, table.caseId),
    uniqueIndex("case_care_team_one_primary").on(table.caseId).where(sql`${table.role} = 'primary_social_worker'`),
  ],
);

/** Emergency, time-limited read access with a stated reason; the team's supervisor reviews it. */
export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    userId: userRef(),
    reason: text().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index("break_glass_user_case_idx").on(table.userId, table.caseId, table.expiresAt),
    index("break_glass_case_idx").on(table.caseId),
    // Supervisors' "break-glass accesses to review" on My work.
    index("break_glass_unreviewed_idx").on(table.agencyId, table.grantedAt).where(sql`${table.reviewedAt} is null`),
    check("break_glass_span_check", sql`${table.expiresAt} > ${table.grantedAt}`),
  ],
);

export const consents = pgTable(
  "consents",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    scope: text().notNull().$type<ConsentScope>(),
    givenBy: text().notNull().$type<ConsentGiver>(),
    givenOn: date({ mode: "string" }).notNull(),
    expiresOn: date({ mode: "string" }),
    withdrawnOn: date({ mode: "string" }),
    withdrawalReason: text(),
    note: text(),
    recordedBy: userRef(),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [
    check("consents_scope_check", oneOf(table.scope, CONSENT_SCOPES)),
    check("consents_given_by_check", oneOf(table.givenBy, CONSENT_GIVERS)),
    check("consents_expiry_check", sql`${table.expiresOn} is null or ${table.expiresOn} > ${table.givenOn}`),
    check("consents_withdrawal_check", sql`${table.withdrawnOn} is null or ${table.withdrawnOn} >= ${table.givenOn}`),
    index("consents_case_idx").on(table.caseId),
  ],
);

export const CLOSURE_REQUEST_STATUSES = ["pending", "approved", "returned"] as const;

/** A social worker asks to close; a supervisor approves or returns it with a comment. */
export const closureRequests = pgTable(
  "closure_requests",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    requestedBy: userRef(),
    reason: text().notNull().$type<ClosureReason>(),
    note: text(),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    status: text().notNull().default("pending").$type<(typeof CLOSURE_REQUEST_STATUSES)[number]>(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    comment: text(),
  },
  (table) => [
    check("closure_requests_status_check", oneOf(table.status, CLOSURE_REQUEST_STATUSES)),
    check("closure_requests_reason_check", oneOf(table.reason, CLOSURE_REASONS)),
    uniqueIndex("closure_requests_one_pending").on(table.caseId).where(sql`${table.status} = 'pending'`),
    // The timeline reads every request of a case; My work lists the agency's pending ones.
    index("closure_requests_case_idx").on(table.caseId),
    index("closure_requests_pending_idx").on(table.agencyId, table.requestedAt).where(sql`${table.status} = 'pending'`),
  ],
);
