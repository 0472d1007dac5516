/**
 * Verification of the tamper-evident audit chain (migration 0014, README "Tamper-evident audit").
 * Each chain is walked in chain_seq order in batches, and every hash is recomputed here with
 * node:crypto from the stored columns, so the check does not trust the database's own function.
 */
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "./client";

/** The chain of the events that belong to no agency (e.g. a sign-in with an unknown email). */
export const NO_AGENCY_CHAIN = "00000000-0000-0000-0000-000000000000";
/** prev_hash of a chain's first event. */
export const GENESIS_HASH = "0".repeat(64);
const VERSION_TAG = "lentera-audit-v1";

/** The hashed columns, as text exactly as the trigger serializes them (null stays null). */
export interface AuditChainContent {
  prevHash: string | null;
  chainSeq: string | null;
  /** UTC with microseconds: YYYY-MM-DDTHH:MI:SS.USZ */
  occurredAt: string | null;
  agencyId: string | null;
  actorUserId: string | null;
  action: string | null;
  entityType: string | null;
  entityId: string | null;
  caseId: string | null;
  /** jsonb as Postgres prints it (::text) */
  changes: string | null;
  details: string | null;
  requestId: string | null;
  ip: string | null;
}

// "-" for null, else "<UTF-8 byte length>:<text>": no value can run into the next one.
function field(value: string | null): string {
  return value === null ? "-" : `${Buffer.byteLength(value, "utf8")}:${value}`;
}

/** The SHA-256 (hex) the trigger stores in audit_events.hash, recomputed in Node. */
export function auditEventHash(content: AuditChainContent): string {
  const message = [
    VERSION_TAG,
    content.prevHash,
    content.chainSeq,
    content.occurredAt,
    content.agencyId,
    content.actorUserId,
    content.action,
    content.entityType,
    content.entityId,
    content.caseId,
    content.changes,
    content.details,
    content.requestId,
    content.ip,
  ]
    .map(field)
    .join("");
  return createHash("sha256").update(message, "utf8").digest("hex");
}

export type ChainProblem =
  /** The event's content (or its place) no longer gives its stored hash. */
  | "content_changed"
  /** prev_hash is not the hash of the event before it. */
  | "link_broken"
  /** chain_seq is not the previous one plus one: an event was deleted, inserted or reordered. */
  | "seq_gap"
  /** An event without a hash or without a place in the chain (written with the trigger off). */
  | "missing_hash"
  /** The chain's head row disagrees with its last event: events removed from the end, or a moved head. */
  | "head_mismatch";

export interface BrokenLink {
  problem: ChainProblem;
  /** The place in the chain where the break was found (null for an event with no place). */
  seq: number | null;
  /** The audit event at the break (null when the chain has no event to name). */
  eventId: number | null;
  expected: string | null;
  found: string | null;
}

export interface ChainReport {
  chainKey: string;
  /** Null for the chain of events with no agency. */
  agencyId: string | null;
  /** Events whose link was checked (up to the first break). */
  checked: number;
  /** The hash of the last event checked: the value to write down outside the database. */
  headHash: string | null;
  headSeq: number;
  broken: BrokenLink | null;
}

export interface VerifyOptions {
  /** Rows read per query; the walk never holds more than one batch. */
  batchSize?: number;
  /** Only these chains (agency ids, or NO_AGENCY_CHAIN). */
  chainKeys?: string[];
  /** Called after each chain, e.g. to print as the walk goes. */
  onChain?: (report: ChainReport) => void;
}

interface EventRow extends Record<string, unknown> {
  id: string;
  chain_seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  occurred_at: string | null;
  agency_id: string | null;
  actor_user_id: string | null;
  action: string | null;
  entity_type: string | null;
  entity_id: string | null;
  case_id: string | null;
  changes: string | null;
  details: string | null;
  request_id: string | null;
  ip: string | null;
}

/** Walks every chain (or the ones asked for) and reports each one's first broken link. */
export async function verifyAuditChains(executor: Executor, options: VerifyOptions = {}): Promise<ChainReport[]> {
  const keys = options.chainKeys ?? (await chainKeys(executor));
  const reports: ChainReport[] = [];
  for (const key of keys) {
    const report = await verifyChain(executor, key, options.batchSize ?? 5000);
    options.onChain?.(report);
    reports.push(report);
  }
  return reports;
}

/** Every chain that has a head or an event: the heads, and the distinct agencies of the events. */
async function chainKeys(executor: Executor): Promise<string[]> {
  // A loose index scan over (agency_id, occurred_at): one probe per agency, not a scan of every event.
  const rows = await queryRows<{ key: string }>(
    executor,
    sql`with recursive agency_keys(agency_id) as (
          (select agency_id from audit_events where agency_id is not null order by agency_id limit 1)
          union all
          select (select e.agency_id from audit_events e where e.agency_id > k.agency_id order by e.agency_id limit 1)
          from agency_keys k where k.agency_id is not null
        )
        select agency_id::text as key from agency_keys where agency_id is not null
        union
        select ${NO_AGENCY_CHAIN} where exists (select 1 from audit_events where agency_id is null)
        union
        select chain_key::text from audit_chain_heads
        order by key`,
  );
  return rows.map((row) => row.key);
}

function chainFilter(key: string): SQL {
  return key === NO_AGENCY_CHAIN ? sql`e.agency_id is null` : sql`e.agency_id = ${key}::uuid`;
}

async function verifyChain(executor: Executor, key: string, batchSize: number): Promise<ChainReport> {
  // The head first: events linked after it are left for the next run, so a live system verifies.
  const [head] = await queryRows<{ seq: string; hash: string }>(
    executor,
    sql`select seq::text as seq, hash from audit_chain_heads where chain_key = ${key}::uuid`,
  );
  const upTo = head ? sql`and e.chain_seq <= ${head.seq}::bigint` : sql``;
  const report: ChainReport = {
    chainKey: key,
    agencyId: key === NO_AGENCY_CHAIN ? null : key,
    checked: 0,
    headHash: null,
    headSeq: 0,
    broken: null,
  };
  let previousHash = GENESIS_HASH;
  let previousSeq = 0;
  let lastId: number | null = null;
  const filter = chainFilter(key);

  walk: for (;;) {
    const after: SQL = lastId === null ? sql`` : sql`and (e.chain_seq, e.id) > (${previousSeq}::bigint, ${lastId}::bigint)`;
    const rows: EventRow[] = await queryRows<EventRow>(
      executor,
      sql`select id::text as id, chain_seq::text as chain_seq, prev_hash, hash,
            to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
            agency_id::text as agency_id, actor_user_id::text as actor_user_id, action, entity_type,
            entity_id, case_id::text as case_id, changes::text as changes, details::text as details,
            request_id, ip
          from audit_events e
          where ${filter} and e.chain_seq is not null ${upTo} ${after}
          -- Qualified: the bare names would sort by the text columns of the same name selected above.
          order by e.chain_seq, e.id
          limit ${batchSize}`,
    );
    for (const row of rows) {
      const seq: number = Number(row.chain_seq);
      const at: { seq: number; eventId: number } = { seq, eventId: Number(row.id) };
      if (seq !== previousSeq + 1) {
        report.broken = { problem: "seq_gap", ...at, expected: String(previousSeq + 1), found: String(seq) };
      } else if (row.hash === null) {
        report.broken = { problem: "missing_hash", ...at, expected: null, found: null };
      } else if (row.prev_hash !== previousHash) {
        report.broken = { problem: "link_broken", ...at, expected: previousHash, found: row.prev_hash };
      } else {
        const recomputed = auditEventHash({
          prevHash: row.prev_hash,
          chainSeq: row.chain_seq,
          occurredAt: row.occurred_at,
          agencyId: row.agency_id,
          actorUserId: row.actor_user_id,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          caseId: row.case_id,
          changes: row.changes,
          details: row.details,
          requestId: row.request_id,
          ip: row.ip,
        });
        if (recomputed !== row.hash) {
          report.broken = { problem: "content_changed", ...at, expected: recomputed, found: row.hash };
        }
      }
      if (report.broken) break walk;
      report.checked += 1;
      previousSeq = seq;
      previousHash = row.hash ?? previousHash;
      lastId = at.eventId;
      report.headHash = previousHash;
      report.headSeq = seq;
    }
    if (rows.length < batchSize) break;
  }
  if (report.broken) return report;

  const headSeq = head ? Number(head.seq) : 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (headSeq !== previousSeq || headHash !== previousHash) {
    report.broken = {
      problem: "head_mismatch",
      seq: headSeq,
      eventId: lastId,
      expected: `${headSeq}:${headHash}`,
      found: `${previousSeq}:${previousHash}`,
    };
    return report;
  }
  // A row with a place but no hash was caught by the walk; this finds the rows with no place.
  const [unlinked] = await queryRows<{ id: string }>(
    executor,
    sql`select e.id::text as id from audit_events e where ${filter} and e.chain_seq is null order by e.id limit 1`,
  );
  if (unlinked) {
    report.broken = { problem: "missing_hash", seq: null, eventId: Number(unlinked.id), expected: null, found: null };
  }
  return report;
}
