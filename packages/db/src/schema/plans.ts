import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, date, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  GOAL_STATUSES,
  INTERVENTION_TYPES,
  PLAN_DOMAINS,
  PLAN_VERSION_STATUSES,
  REVIEW_RATINGS,
  type GoalStatus,
  type InterventionType,
  type PlanDomain,
  type PlanVersionStatus,
  type ReviewRating,
} from "@lentera/domain";
import { createdAt, id, oneOf, updatedAt, version } from "./columns";
import { agencyRef, caseRef, optionalUserRef, userRef } from "./refs";
import { partners } from "./partners";

const optionalPartnerRef = () => uuid().references(() => partners.id);

/**
 * One plan per case, kept as numbered versions. At most one version is being worked on (draft,
 * submitted or returned) and at most one is in force (approved); older approved ones are superseded.
 */
export const planVersions = pgTable(
  "plan_versions",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    number: integer().notNull(),
    status: text().notNull().default("draft").$type<PlanVersionStatus>(),
    basedOnVersionId: uuid().references((): AnyPgColumn => planVersions.id),
    draftedBy: userRef(),
    lastEditedBy: userRef(),
    submittedBy: optionalUserRef(),
    submittedAt: timestamp({ withTimezone: true }),
    decidedBy: optionalUserRef(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionComment: text(),
    /** When it came into force (approval), kept after it is superseded. */
    approvedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("plan_versions_status_check", oneOf(table.status, PLAN_VERSION_STATUSES)),
    check("plan_versions_approved_check", sql`(${table.status} in ('approved', 'superseded')) = (${table.approvedAt} is not null)`),
    unique("plan_versions_case_number_unique").on(table.caseId, table.number),
    uniqueIndex("plan_versions_one_open").on(table.caseId).where(sql`${table.status} in ('draft', 'submitted', 'returned')`),
    uniqueIndex("plan_versions_one_in_force").on(table.caseId).where(sql`${table.status} = 'approved'`),
    // Supervisors' "plans to approve" on My work.
    index("plan_versions_submitted_idx").on(table.agencyId, table.submittedAt).where(sql`${table.status} = 'submitted'`),
  ],
);

/** A goal of one plan version; `goalKey` is the same goal across versions (reviews follow it). */
export const planGoals = pgTable(
  "plan_goals",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    planVersionId: uuid()
      .notNull()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    goalKey: uuid().notNull(),
    position: integer().notNull(),
    domain: text().notNull().$type<PlanDomain>(),
    outcomeDomain: text(),
    title: text().notNull(),
    description: text(),
    baseline: text(),
    target: text(),
    ownerUserId: optionalUserRef(),
    ownerPartnerId: optionalPartnerRef(),
    targetDate: date({ mode: "string" }),
    status: text().notNull().default("not_started").$type<GoalStatus>(),
    /**
     * When the next progress review is due: set only on the open goals of the plan in force, kept
     * current in the same transaction as an approval, a review or a change of the agency's interval,
     * so "overdue reviews" reads an index instead of every plan of the agency.
     */
    reviewDueOn: date({ mode: "string" }),
  },
  (table) => [
    check("plan_goals_domain_check", oneOf(table.domain, PLAN_DOMAINS)),
    index("plan_goals_review_due_idx").on(table.agencyId, table.reviewDueOn).where(sql`${table.reviewDueOn} is not null`),
    check("plan_goals_status_check", oneOf(table.status, GOAL_STATUSES)),
    check("plan_goals_one_owner_check", sql`${table.ownerUserId} is null or ${table.ownerPartnerId} is null`),
    unique("plan_goals_version_key_unique").on(table.planVersionId, table.goalKey),
  ],
);

/** A service or intervention that carries a goal. */
export const planInterventions = pgTable(
  "plan_interventions",
  {
    id: id(),
    agencyId: agencyRef(),
    goalId: uuid()
      .notNull()
      .references(() => planGoals.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    type: text().notNull().$type<InterventionType>(),
    providerPartnerId: optionalPartnerRef(),
    providerName: text(),
    frequency: text(),
    startDate: date({ mode: "string" }),
    endDate: date({ mode: "string" }),
  },
  (table) => [
    check("plan_interventions_type_check", oneOf(table.type, INTERVENTION_TYPES)),
    check("plan_interventions_span_check", sql`${table.endDate} is null or ${table.startDate} is null or ${table.endDate} >= ${table.startDate}`),
    index("plan_interventions_goal_idx").on(table.goalId),
  ],
);

/** A dated progress review of a goal; recording one does not make a new plan version. */
export const goalReviews = pgTable(
  "goal_reviews",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    goalKey: uuid().notNull(),
    /** The version in force when the review was made. */
    planVersionId: uuid()
      .notNull()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    reviewedOn: date({ mode: "string" }).notNull(),
    progress: integer(),
    rating: text().$type<ReviewRating>(),
    note: text(),
    reviewedBy: userRef(),
    createdAt: createdAt(),
  },
  (table) => [
    check("goal_reviews_progress_check", sql`${table.progress} is null or ${table.progress} between 0 and 100`),
    check("goal_reviews_rating_check", sql`${table.rating} is null or ${oneOf(table.rating, REVIEW_RATINGS)}`),
    check("goal_reviews_measure_check", sql`${table.progress} is not null or ${table.rating} is not null`),
    index("goal_reviews_case_goal_idx").on(table.caseId, table.goalKey, table.reviewedOn),
  ],
);
