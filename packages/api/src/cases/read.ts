import { scopesInForce, utcDate, type ClientIdentity } from "@lentera/domain";
import {
  and,
  asc,
  auditEvents,
  caseCareTeam,
  cases,
  clients,
  closureRequests,
  consents,
  desc,
  eq,
  notInArray,
  teams,
  users,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { openIdentity } from "../protect/identity";
import { auditCase } from "./audit";
import { clientProfileSelection } from "./client-columns";
import { requireCaseAccess } from "./access";

const today = (ctx: AuthedContext) => utcDate(ctx.clock());

/** The case page: everything but identifying data. Reading it is audited. */
export async function getCaseOverview(ctx: AuthedContext, caseId: string) {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  const [row] = await ctx.db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      riskLevel: cases.riskLevel,
      riskConcerns: cases.riskConcerns,
      harmTypes: cases.harmTypes,
      referralSource: cases.referralSource,
      safetyNotes: cases.safetyNotes,
      openedAt: cases.openedAt,
      closedAt: cases.closedAt,
      closureReason: cases.closureReason,
      followUpDates: cases.followUpDates,
      version: cases.version,
      team: { id: teams.id, name: teams.name },
      client: clientProfileSelection,
    })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(teams, eq(teams.id, cases.teamId))
    .where(eq(cases.id, handle.id));
  if (!row) throw new Error("case vanished between access check and read");

  const [careTeam, consentRows, pendingClosure] = await Promise.all([
    ctx.db
      .select({ userId: users.id, displayName: users.displayName, role: caseCareTeam.role })
      .from(caseCareTeam)
      .innerJoin(users, eq(users.id, caseCareTeam.userId))
      .where(eq(caseCareTeam.caseId, handle.id))
      .orderBy(asc(caseCareTeam.role), asc(users.displayName)),
    ctx.db
      .select({
        id: consents.id,
        scope: consents.scope,
        givenBy: consents.givenBy,
        givenOn: consents.givenOn,
        expiresOn: consents.expiresOn,
        withdrawnOn: consents.withdrawnOn,
        withdrawalReason: consents.withdrawalReason,
        note: consents.note,
        version: consents.version,
      })
      .from(consents)
      .where(eq(consents.caseId, handle.id))
      .orderBy(desc(consents.givenOn)),
    ctx.db
      .select({
        id: closureRequests.id,
        reason: closureRequests.reason,
        note: closureRequests.note,
        requestedAt: closureRequests.requestedAt,
        requestedBy: users.displayName,
      })
      .from(closureRequests)
      .innerJoin(users, eq(users.id, closureRequests.requestedBy))
      .where(and(eq(closureRequests.caseId, handle.id), eq(closureRequests.status, "pending"))),
  ]);

  await auditCase(ctx, ctx.db, handle.id, { action: "case.viewed", entityType: "case", entityId: handle.id, details: { access: handle.access } });
  return {
    ...row,
    access: handle.access,
    careTeam,
    consents: consentRows,
    consentScopesInForce: scopesInForce(consentRows, today(ctx)),
    pendingClosure: pendingClosure[0] ?? null,
  };
}

/** "Show identifying details": decrypts for the care team (and supervisors), and says so in the audit trail. */
export async function revealIdentity(ctx: AuthedContext, caseId: string): Promise<ClientIdentity> {
  const handle = await requireCaseAccess(ctx, caseId, "reveal_identity");
  const [row] = await ctx.db
    .select({ ciphertext: clients.identityCiphertext })
    .from(clients)
    .where(eq(clients.id, handle.clientId));
  if (!row) throw new Error("client missing");
  const identity = openIdentity(ctx.keyring, handle.clientId, row.ciphertext);
  await auditCase(ctx, ctx.db, handle.id, {
    action: "case.identity_revealed",
    entityType: "client",
    entityId: handle.clientId,
    details: { access: handle.access },
  });
  return identity;
}

/**
 * Audited, but not events in the case's life: reads, and the autosaves of a note draft (one per
 * pause in typing; the history shows the note started, signed or discarded).
 */
const NOT_IN_HISTORY = ["case.viewed", "case.identity_revealed", "session_note.read", "session_note.saved", "harm_record.read"];

/** The online-harm record, evidence log and legal process are care-team only (issue #10): other readers' history leaves their changes out. */
const CARE_TEAM_ONLY_ENTITIES = ["harm_item", "takedown_request", "evidence_entry", "legal_process"];

/** The case's timeline: every change, field by field, with identifying values redacted. Reads are left out. */
export async function getCaseHistory(ctx: AuthedContext, caseId: string) {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  return ctx.db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actor: users.displayName,
      changes: auditEvents.changes,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.caseId, handle.id),
        notInArray(auditEvents.action, NOT_IN_HISTORY),
        handle.access === "care_team" ? undefined : notInArray(auditEvents.entityType, CARE_TEAM_ONLY_ENTITIES),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(500);
}
