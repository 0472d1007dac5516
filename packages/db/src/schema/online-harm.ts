import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import {
  EVIDENCE_ENTRY_KINDS,
  HARM_ITEM_FINDERS,
  HARM_ITEM_KINDS,
  LEGAL_STAGES,
  PLATFORM_KINDS,
  TAKEDOWN_CHANNELS,
  TAKEDOWN_STATUSES,
  type EvidenceEntryKind,
  type HarmItemFinder,
  type HarmItemKind,
  type LegalStage,
  type PlatformKind,
  type TakedownChannel,
  type TakedownStatus,
} from "@lentera/domain";
import { createdAt, id, oneOf, updatedAt, version } from "./columns";
import { agencyRef, caseRef, userRef } from "./refs";
import { partners } from "./partners";

/**
 * An item found online (an image shared without consent, an ad, a profile, a chat): never the
 * content, only where it is. `locatorCiphertext` (the address or identifier) is sealed like
 * identifying data, bound to the row id. `online` is kept by the takedown requests.
 */
export const harmItems = pgTable(
  "harm_items",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    kind: text().notNull().$type<HarmItemKind>(),
    platformKind: text().notNull().$type<PlatformKind>(),
    platformName: text().notNull(),
    locatorCiphertext: text().notNull(),
    foundOn: date({ mode: "string" }).notNull(),
    foundBy: text().notNull().$type<HarmItemFinder>(),
    note: text(),
    online: text().notNull().default("online").$type<"online" | "removed">(),
    recordedBy: userRef(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("harm_items_kind_check", oneOf(table.kind, HARM_ITEM_KINDS)),
    check("harm_items_platform_kind_check", oneOf(table.platformKind, PLATFORM_KINDS)),
    check("harm_items_found_by_check", oneOf(table.foundBy, HARM_ITEM_FINDERS)),
    check("harm_items_online_check", sql`${table.online} in ('online', 'removed')`),
    index("harm_items_case_idx").on(table.caseId, table.foundOn),
    index("harm_items_agency_idx").on(table.agencyId, table.online),
  ],
);

/** A takedown request for an item, its channel and status; `followUpDueOn` while no answer came. */
export const takedownRequests = pgTable(
  "takedown_requests",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    itemId: uuid()
      .notNull()
      .references(() => harmItems.id, { onDelete: "cascade" }),
    channel: text().notNull().$type<TakedownChannel>(),
    reportedOn: date({ mode: "string" }).notNull(),
    reference: text(),
    status: text().notNull().default("reported").$type<TakedownStatus>(),
    statusOn: date({ mode: "string" }).notNull(),
    /** The day a request with no answer needs a follow-up (null once answered). */
    followUpDueOn: date({ mode: "string" }),
    note: text(),
    requestedBy: userRef(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("takedown_requests_channel_check", oneOf(table.channel, TAKEDOWN_CHANNELS)),
    check("takedown_requests_status_check", oneOf(table.status, TAKEDOWN_STATUSES)),
    index("takedown_requests_item_idx").on(table.itemId, table.reportedOn),
    index("takedown_requests_follow_up_idx").on(table.agencyId, table.followUpDueOn).where(sql`${table.followUpDueOn} is not null`),
  ],
);

/**
 * The evidence log with its chain of custody: append-only (a trigger refuses UPDATE and DELETE for
 * every database user). A hand-over is a new entry naming the collected one it hands over.
 */
export const evidenceEntries = pgTable(
  "evidence_entries",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    kind: text().notNull().$type<EvidenceEntryKind>(),
    evidenceId: uuid().references((): AnyPgColumn => evidenceEntries.id),
    itemId: uuid().references(() => harmItems.id),
    /** Sealed like identifying data (it describes what the evidence shows). */
    descriptionCiphertext: text().notNull(),
    sha256: text(),
    on: date({ mode: "string" }).notNull(),
    partnerId: uuid().references(() => partners.id),
    person: text(),
    recordedBy: userRef(),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    check("evidence_entries_kind_check", oneOf(table.kind, EVIDENCE_ENTRY_KINDS)),
    check("evidence_entries_sha256_check", sql`${table.sha256} is null or ${table.sha256} ~ '^[0-9a-f]{64}$'`),
    check(
      "evidence_entries_shape_check",
      sql`(${table.kind} = 'collected' and ${table.sha256} is not null and ${table.evidenceId} is null) or (${table.kind} = 'handed_over' and ${table.evidenceId} is not null)`,
    ),
    index("evidence_entries_case_idx").on(table.caseId, table.recordedAt),
  ],
);

/** The case's legal process (one per case): the report number sealed, the unit, the stage. */
export const legalProcesses = pgTable(
  "legal_processes",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef().unique(),
    policeReportNumberCiphertext: text(),
    investigatingUnitPartnerId: uuid().references(() => partners.id),
    investigatingUnit: text(),
    stage: text().notNull().$type<LegalStage>(),
    stageOn: date({ mode: "string" }).notNull(),
    accompaniment: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [check("legal_processes_stage_check", oneOf(table.stage, LEGAL_STAGES)), index("legal_processes_agency_stage_idx").on(table.agencyId, table.stage)],
);
