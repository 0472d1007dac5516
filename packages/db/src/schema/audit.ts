import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Who did what to which record, when and from where. Append-only: a trigger (migration
 * 0001_audit_append_only) refuses UPDATE, DELETE and TRUNCATE for every database user.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null only for events before anyone is known, e.g. a sign-in with an unknown email. */
    agencyId: uuid(),
    actorUserId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    /** The case the event belongs to, if any: the case page's history reads by it. */
    caseId: uuid(),
    /** Field-level changes `{ field: { from, to } }`; identifying values are redacted. */
    changes: jsonb().$type<Record<string, { from: unknown; to: unknown }>>(),
    /** Context that is not a field change, e.g. a reason; never identifying data. */
    details: jsonb().$type<Record<string, unknown>>(),
    requestId: text(),
    ip: text(),
  },
  (table) => [
    index("audit_events_entity_idx").on(table.entityType, table.entityId),
    index("audit_events_agency_time_idx").on(table.agencyId, table.occurredAt),
    index("audit_events_case_idx").on(table.caseId, table.id),
  ],
);
