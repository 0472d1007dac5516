/**
 * The audit viewer's reads. Supervisors see the events of the cases of the teams they supervise
 * (case events only); administrators see their agency's account events (users, teams, the agency,
 * its settings, sign-in) and no case event. Every read is itself audited, outside case histories.
 */
import { and, auditEvents, cases, desc, eq, inArray, isNotNull, isNull, lt, lte, gte, or, sql, users, type Executor, type SQL } from "@lentera/db";
import { hasRole } from "@lentera/domain";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { supervisedTeams } from "../sessions/queue";
import type { AuditEventRow, AuditFilter } from "./schema";

/** The events that are about accounts rather than cases. */
export const ACCOUNT_ENTITY_TYPES = ["user", "team", "agency", "settings"];

/** What the caller may read of the audit trail; null when nothing (a supervisor of no team). */
function readableEvents(ctx: AuthedContext): SQL | null {
  const teams = supervisedTeams(ctx);
  const reach: SQL[] = [];
  if (teams.length > 0) {
    const ofTeams = and(isNotNull(auditEvents.caseId), eq(cases.agencyId, ctx.user.agencyId), inArray(cases.teamId, teams));
    if (ofTeams) reach.push(ofTeams);
  }
  if (hasRole(ctx.user, "admin")) {
    const accountEvents = and(
      isNull(auditEvents.caseId),
      or(inArray(auditEvents.entityType, ACCOUNT_ENTITY_TYPES), sql`${auditEvents.action} like 'auth.%'`),
    );
    if (accountEvents) reach.push(accountEvents);
  }
  if (reach.length === 0) return null;
  return and(eq(auditEvents.agencyId, ctx.user.agencyId), or(...reach)) ?? null;
}

function filtered(filter: AuditFilter): (SQL | undefined)[] {
  return [
    filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
    filter.caseNumber ? eq(cases.caseNumber, filter.caseNumber.toUpperCase()) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.from ? gte(auditEvents.occurredAt, filter.from) : undefined,
    filter.to ? lte(auditEvents.occurredAt, filter.to) : undefined,
  ];
}

async function readRows(ctx: AuthedContext, executor: Executor, filter: AuditFilter, limit: number, after?: number): Promise<AuditEventRow[]> {
  const reach = readableEvents(ctx);
  if (!reach) return [];
  const rows = await executor
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      actorId: auditEvents.actorUserId,
      actorName: users.displayName,
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      changes: auditEvents.changes,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(cases, eq(cases.id, auditEvents.caseId))
    // An actor of another agency (none should exist) stays unnamed.
    .leftJoin(users, and(eq(users.id, auditEvents.actorUserId), eq(users.agencyId, ctx.user.agencyId)))
    .where(and(reach, ...filtered(filter), after ? lt(auditEvents.id, after) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    actor: row.actorId && row.actorName ? { id: row.actorId, name: row.actorName } : null,
    case: row.caseId && row.caseNumber ? { id: row.caseId, caseNumber: row.caseNumber } : null,
    fields: Object.keys(row.changes ?? {}).sort(),
    ip: row.ip,
  }));
}

/** The filter as the audit event records it: the same values, dates as ISO text. */
function recordedFilter(filter: AuditFilter) {
  return { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() };
}

/** A page of events, newest first, and the read recorded in the same transaction. */
export async function listAuditEvents(ctx: AuthedContext, input: { filter: AuditFilter; after?: number | undefined; limit: number }) {
  return ctx.db.transaction(async (tx) => {
    const rows = await readRows(ctx, tx, input.filter, input.limit + 1, input.after);
    const events = rows.slice(0, input.limit);
    await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
      action: "audit.read",
      entityType: "audit",
      details: { filter: recordedFilter(input.filter), after: input.after ?? null, rows: events.length },
    });
    return { events, next: rows.length > input.limit ? (events.at(-1)?.id ?? null) : null };
  });
}

/** Every matching event (up to `maxRows`) for a CSV file, audited as an export in the same transaction. */
export async function exportAuditEvents(ctx: AuthedContext, input: { filter: AuditFilter }, maxRows: number) {
  return ctx.db.transaction(async (tx) => {
    const rows = await readRows(ctx, tx, input.filter, maxRows + 1);
    const truncated = rows.length > maxRows;
    await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
      action: "audit.exported",
      entityType: "audit",
      details: { filter: recordedFilter(input.filter), rows: Math.min(rows.length, maxRows), truncated },
    });
    return { rows: rows.slice(0, maxRows), truncated };
  });
}
