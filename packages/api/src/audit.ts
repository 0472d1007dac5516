import { auditEvents, type Executor } from "@lentera/db";
import type { Context } from "./context";

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: FieldChanges | null;
  details?: Record<string, unknown> | null;
  /** The case the event belongs to, for the case's history. */
  caseId?: string | null;
}

export interface AuditActor {
  userId: string | null;
  agencyId: string | null;
}

/** Writes one audit event; call it with the transaction that makes the change. */
export async function recordAudit(
  executor: Executor,
  ctx: Pick<Context, "requestId" | "ip" | "clock">,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await executor.insert(auditEvents).values({
    occurredAt: ctx.clock(),
    agencyId: actor.agencyId,
    actorUserId: actor.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? null,
    details: entry.details ?? null,
    caseId: entry.caseId ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

export const REDACTED = "[redacted]";

/**
 * The fields that differ between two versions of a record, as `{ from, to }`. Fields named in
 * `redact` keep the fact of the change but not the values.
 */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: { [K in keyof T]?: unknown },
  redact: readonly (keyof T)[] = [],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const from = before[key];
    const to = after[key];
    if (to === undefined || sameValue(from, to)) continue;
    changes[key] = redact.includes(key) ? { from: REDACTED, to: REDACTED } : { from, to };
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    const sorted = (list: unknown[]) => list.map(String).sort().join("\u0000");
    return a.length === b.length && sorted(a) === sorted(b);
  }
  return a === b;
}

/** The changes of a newly created record: every given field from null to its value. */
export function createdFields(
  values: Record<string, unknown>,
  redact: readonly string[] = [],
): FieldChanges {
  const before: Record<string, unknown> = Object.fromEntries(Object.keys(values).map((key) => [key, null]));
  return diffFields(before, values, redact);
}
