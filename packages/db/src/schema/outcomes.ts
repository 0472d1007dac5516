import { sql } from "drizzle-orm";
import { check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import {
  ASSESSMENT_STATUSES,
  ASSESSMENT_TIMEPOINTS,
  type AssessmentStatus,
  type AssessmentTimepoint,
  type DomainScore,
  type InstrumentDefinition,
} from "@lentera/domain";
import { createdAt, id, oneOf, updatedAt, version } from "./columns";
import { agencyRef, caseRef, userRef } from "./refs";

/** An agency's own outcome instruments (the built-in ones live in @lentera/domain). */
export const outcomeInstruments = pgTable(
  "outcome_instruments",
  {
    id: id(),
    agencyId: agencyRef(),
    code: text().notNull(),
    version: integer().notNull(),
    /** Validated by instrumentDefinitionSchema before it is stored. */
    definition: jsonb().notNull().$type<InstrumentDefinition>(),
    createdBy: userRef(),
    createdAt: createdAt(),
  },
  (table) => [unique("outcome_instruments_agency_code_version_unique").on(table.agencyId, table.code, table.version)],
);

/**
 * An instrument applied to a case at a timepoint. The domain scores are computed by the same
 * function the form uses and kept with the answers, so a later edition of the instrument does not
 * rewrite history.
 */
export const outcomeAssessments = pgTable(
  "outcome_assessments",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    instrumentCode: text().notNull(),
    instrumentVersion: integer().notNull(),
    timepoint: text().notNull().$type<AssessmentTimepoint>(),
    assessedOn: date({ mode: "string" }).notNull(),
    status: text().notNull().default("draft").$type<AssessmentStatus>(),
    answers: jsonb().notNull().$type<Record<string, number>>().default(sql`'{}'::jsonb`),
    domainScores: jsonb().notNull().$type<DomainScore[]>().default(sql`'[]'::jsonb`),
    note: text(),
    assessedBy: userRef(),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("outcome_assessments_timepoint_check", oneOf(table.timepoint, ASSESSMENT_TIMEPOINTS)),
    check("outcome_assessments_status_check", oneOf(table.status, ASSESSMENT_STATUSES)),
    check("outcome_assessments_completed_check", sql`(${table.status} = 'completed') = (${table.completedAt} is not null)`),
    index("outcome_assessments_case_idx").on(table.caseId, table.assessedOn),
  ],
);

/**
 * Outcome change since intake, one row per case, instrument and domain: the completed intake
 * assessment (the earliest), the latest completed one dated after it, and the domain's score
 * difference (latest − intake; higher is better in every instrument). An aggregate kept current in
 * the transaction that completes an assessment (rebuildOutcomeChanges), because comparing the jsonb
 * scores of every case's assessments at request time took most of a dashboard's time at 100,000
 * cases (BENCHMARKS.md).
 */
export const caseOutcomeChanges = pgTable(
  "case_outcome_changes",
  {
    agencyId: agencyRef(),
    caseId: caseRef(),
    instrumentCode: text().notNull(),
    domain: text().notNull(),
    intakeAssessmentId: uuid()
      .notNull()
      .references(() => outcomeAssessments.id),
    latestAssessmentId: uuid()
      .notNull()
      .references(() => outcomeAssessments.id),
    latestAssessedOn: date({ mode: "string" }).notNull(),
    difference: doublePrecision().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.instrumentCode, table.domain] }),
    index("case_outcome_changes_agency_idx").on(table.agencyId, table.instrumentCode, table.domain),
  ],
);
