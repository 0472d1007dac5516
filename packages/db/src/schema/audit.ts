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
    /**
     * The tamper-evident chain, filled by a trigger (migration 0014): the event's place in its
     * agency's chain, the previous event's hash and the SHA-256 of this event's content with it.
     */
    chainSeq: bigint({ mode: "number" }),
    prevHash: text(),
    hash: text(),
  },
  (table) => [
    index("audit_events_entity_idx").on(table.entityType, table.entityId),
    index("audit_events_agency_time_idx").on(table.agencyId, table.occurredAt),
    index("audit_events_case_idx").on(table.caseId, table.id),
    index("audit_events_chain_idx").on(table.agencyId, table.chainSeq),
    index("audit_events_actor_idx").on(table.actorUserId, table.occurredAt),
  ],
);

/**
 * The newest link of each agency's audit chain (the nil uuid for events with no agency). Its row
 * lock orders concurrent audit inserts of one agency; the events themselves stay the record.
 */
export const auditChainHeads = pgTable("audit_chain_heads", {
  chainKey: uuid().primaryKey(),
  seq: bigint({ mode: "number" }).notNull(),
  hash: text().notNull(),
});
