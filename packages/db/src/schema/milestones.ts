import { sql } from "drizzle-orm";
import { boolean, check, date, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import {
  FOLLOW_UP_OUTCOMES,
  MILESTONE_DOMAINS,
  MILESTONE_EVENT_KINDS,
  MILESTONE_STATUSES,
  type FollowUpOutcome,
  type Localized,
  type MilestoneDomain,
  type MilestoneEventKind,
  type MilestoneStatus,
} from "@lentera/domain";
import { createdAt, id, oneOf, updatedAt, version } from "./columns";
import { agencyRef, caseRef, optionalUserRef, userRef } from "./refs";

/** An agency's own milestone kinds; the default catalog lives in @lentera/domain. */
export const milestoneCatalog = pgTable(
  "milestone_catalog",
  {
    id: id(),
    agencyId: agencyRef(),
    /** Unique in the agency and distinct from the default catalog's keys. */
    key: text().notNull(),
    domain: text().notNull().$type<MilestoneDomain>(),
    label: jsonb().notNull().$type<Localized>(),
    active: boolean().notNull().default(true),
    createdBy: userRef(),
    createdAt: createdAt(),
  },
  (table) => [
    check("milestone_catalog_domain_check", oneOf(table.domain, MILESTONE_DOMAINS)),
    unique("milestone_catalog_agency_key_unique").on(table.agencyId, table.key),
  ],
);

/** A milestone on a case: from the catalog (`catalogKey`) or custom (`customTitle`). */
export const caseMilestones = pgTable(
  "case_milestones",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    catalogKey: text(),
    customTitle: text(),
    domain: text().notNull().$type<MilestoneDomain>(),
    status: text().notNull().default("planned").$type<MilestoneStatus>(),
    targetDate: date({ mode: "string" }),
    achievedOn: date({ mode: "string" }),
    evidenceNote: text(),
    /** The plan goal (its stable key) this milestone shows progress on. */
    goalKey: uuid(),
    /** Whether this achievement awaits a supervisor (the agency's setting when it was achieved). */
    verificationRequired: boolean().notNull().default(false),
    verifiedBy: optionalUserRef(),
    verifiedAt: timestamp({ withTimezone: true }),
    createdBy: userRef(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("case_milestones_domain_check", oneOf(table.domain, MILESTONE_DOMAINS)),
    check("case_milestones_status_check", oneOf(table.status, MILESTONE_STATUSES)),
    check("case_milestones_title_check", sql`(${table.catalogKey} is null) <> (${table.customTitle} is null)`),
    check("case_milestones_achieved_check", sql`(${table.status} = 'achieved') = (${table.achievedOn} is not null)`),
    check("case_milestones_verified_check", sql`(${table.verifiedAt} is null) = (${table.verifiedBy} is null)`),
    index("case_milestones_case_idx").on(table.caseId),
    index("case_milestones_target_idx").on(table.agencyId, table.targetDate).where(sql`${table.status} in ('planned', 'in_progress', 'regressed')`),
    index("case_milestones_unverified_idx")
      .on(table.agencyId)
      .where(sql`${table.status} = 'achieved' and ${table.verificationRequired} and ${table.verifiedAt} is null`),
  ],
);

/** Every change of a milestone, append-only (trigger in migration 0007): its history. */
export const milestoneEvents = pgTable(
  "milestone_events",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    milestoneId: uuid()
      .notNull()
      .references(() => caseMilestones.id, { onDelete: "cascade" }),
    kind: text().notNull().$type<MilestoneEventKind>(),
    fromStatus: text().$type<MilestoneStatus>(),
    toStatus: text().notNull().$type<MilestoneStatus>(),
    achievedOn: date({ mode: "string" }),
    note: text(),
    actorId: userRef(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    check("milestone_events_kind_check", oneOf(table.kind, MILESTONE_EVENT_KINDS)),
    check("milestone_events_status_check", oneOf(table.toStatus, MILESTONE_STATUSES)),
    index("milestone_events_milestone_idx").on(table.milestoneId, table.occurredAt),
    index("milestone_events_case_idx").on(table.caseId, table.occurredAt),
  ],
);

/** The outcome of a post-closure follow-up (the due dates are `cases.follow_up_dates`, set at closure). */
export const followUpOutcomes = pgTable(
  "follow_up_outcomes",
  {
    agencyId: agencyRef(),
    caseId: caseRef(),
    dueOn: date({ mode: "string" }).notNull(),
    outcome: text().notNull().$type<FollowUpOutcome>(),
    note: text(),
    /** The case was reopened because of this follow-up. */
    reopened: boolean().notNull().default(false),
    recordedBy: userRef(),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.dueOn] }),
    check("follow_up_outcomes_outcome_check", oneOf(table.outcome, FOLLOW_UP_OUTCOMES)),
  ],
);
