import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import {
  AGENCY_WIDE_GRANTABLE_ROLES,
  DEFAULT_NO_CONTACT_DAYS,
  DEFAULT_TAKEDOWN_FOLLOW_UP_DAYS,
  type AgencyWideGrantableRole,
  DEFAULT_NOTE_FORMAT,
  DEFAULT_REVIEW_INTERVAL_DAYS,
  DEFAULT_TIME_ZONE,
  NOTE_FORMATS,
  OPTIONAL_PLAN_DOMAINS,
  type NoteFormat,
  type OptionalPlanDomain,
} from "@lentera/domain";
import { allOf, createdAt, id, oneOf, updatedAt, version } from "./columns";

/** An agency is the tenant: an NGO, a UPTD PPA, a government centre. */
export const agencies = pgTable(
  "agencies",
  {
    id: id(),
    name: text().notNull(),
    /** ISO 3166 alpha-2; decides the address hierarchy and the local deadlines. */
    country: text().notNull(),
    /** The prefix of human case numbers, e.g. LNT in LNT-2026-000123. */
    caseNumberPrefix: text().notNull(),
    /** Plan domains beyond physical, psychological and social that this agency uses. */
    optionalPlanDomains: text().array().notNull().default(sql`'{}'::text[]`).$type<OptionalPlanDomain[]>(),
    /** Whether a supervisor may approve a plan they drafted themselves. */
    allowPlanSelfApproval: boolean().notNull().default(false),
    /** Days between progress reviews of a plan's open goals. */
    reviewIntervalDays: integer().notNull().default(DEFAULT_REVIEW_INTERVAL_DAYS),
    /** IANA zone (validated by the API against the runtime's list): local days for reminders and series. */
    timeZone: text().notNull().default(DEFAULT_TIME_ZONE),
    /** The format a new session note opens in (DAP, SOAP, BIRP or free). */
    defaultNoteFormat: text().notNull().default(DEFAULT_NOTE_FORMAT).$type<NoteFormat>(),
    /** Whether an achieved milestone waits for a supervisor's verification. */
    milestoneVerificationRequired: boolean().notNull().default(false),
    /** Days without contact before a case shows on the social worker's My work. */
    noContactDays: integer().notNull().default(DEFAULT_NO_CONTACT_DAYS),
    /** Days without an answer before a takedown request shows on My work. */
    takedownFollowUpDays: integer().notNull().default(DEFAULT_TAKEDOWN_FOLLOW_UP_DAYS),
    /** The roles that see the agency-wide dashboard and statistics (none by default: supervisors see their teams). */
    agencyWideDashboardRoles: text().array().notNull().default(sql`'{}'::text[]`).$type<AgencyWideGrantableRole[]>(),
    /** Whether supervisors and administrators must sign in with a second factor (TOTP). */
    requireTwoFactor: boolean().notNull().default(true),
    /** Months after closure before a case's identifying data is erased (anonymization). */
    retentionMonths: integer().notNull().default(60),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("agencies_country_check", sql`${table.country} in ('ID', 'VN')`),
    check("agencies_prefix_check", sql`${table.caseNumberPrefix} ~ '^[A-Z]{2,8}$'`),
    unique("agencies_prefix_unique").on(table.caseNumberPrefix),
    check("agencies_plan_domains_check", allOf(table.optionalPlanDomains, OPTIONAL_PLAN_DOMAINS)),
    check("agencies_review_interval_check", sql`${table.reviewIntervalDays} between 7 and 365`),
    check("agencies_note_format_check", oneOf(table.defaultNoteFormat, NOTE_FORMATS)),
    check("agencies_no_contact_days_check", sql`${table.noContactDays} between 7 and 365`),
    check("agencies_takedown_follow_up_days_check", sql`${table.takedownFollowUpDays} between 1 and 90`),
    check("agencies_agency_wide_roles_check", allOf(table.agencyWideDashboardRoles, AGENCY_WIDE_GRANTABLE_ROLES)),
    check("agencies_retention_months_check", sql`${table.retentionMonths} between 12 and 1200`),
  ],
);

/** A team is a supervisor's group of workers inside one agency. */
export const teams = pgTable(
  "teams",
  {
    id: id(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    name: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [unique("teams_agency_name_unique").on(table.agencyId, table.name)],
);
