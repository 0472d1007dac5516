import { type z } from "zod";
import { DomainError, type IncomingReferral, type ReferralSummary } from "@lentera/domain";
import { agencies, and, desc, eq, partners, referrals, users } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { requireCaseAccess } from "../cases/access";
import { auditCase } from "../cases/audit";
import { normalizeContact } from "../partners/directory";
import { openSnapshot } from "./shared";
import { REFERRAL_CASE_ACTION } from "./send";
import type { referralLetterSchema } from "./outputs";

/** Who works a receiving agency's intake of referrals from other agencies on this installation. */
export function receivesReferrals(ctx: AuthedContext): boolean {
  return ctx.user.roles.includes("supervisor") || ctx.user.roles.includes("social_worker");
}

/**
 * The referrals of a case, newest first, for anyone who may read the case. For a referral to
 * another agency the sender learns its status, dates and feedback, never the receiver's case.
 */
export async function referralsByCase(ctx: AuthedContext, caseId: string): Promise<ReferralSummary[]> {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  const rows = await ctx.db
    .select({
      id: referrals.id,
      caseId: referrals.caseId,
      partnerId: partners.id,
      partnerName: partners.name,
      partnerKind: partners.kind,
      receiverAgencyId: referrals.receiverAgencyId,
      services: referrals.services,
      reason: referrals.reason,
      urgency: referrals.urgency,
      shared: referrals.sharedFields,
      status: referrals.status,
      sentAt: referrals.sentAt,
      sentById: users.id,
      sentByName: users.displayName,
      overrideReason: referrals.overrideReason,
      decidedAt: referrals.decidedAt,
      completedAt: referrals.completedAt,
      feedback: referrals.feedback,
      version: referrals.version,
    })
    .from(referrals)
    .innerJoin(partners, eq(partners.id, referrals.partnerId))
    .innerJoin(users, eq(users.id, referrals.sentBy))
    .where(and(eq(referrals.caseId, handle.id), eq(referrals.agencyId, ctx.user.agencyId)))
    .orderBy(desc(referrals.sentAt), desc(referrals.id));
  return rows.map((row) => ({
    id: row.id,
    caseId: row.caseId,
    partner: { id: row.partnerId, name: row.partnerName, kind: row.partnerKind, linkedAgency: row.receiverAgencyId !== null },
    services: row.services,
    reason: row.reason,
    urgency: row.urgency,
    shared: row.shared,
    status: row.status,
    sentAt: row.sentAt,
    sentBy: { id: row.sentById, name: row.sentByName },
    overrideReason: row.overrideReason,
    decidedAt: row.decidedAt,
    completedAt: row.completedAt,
    feedback: row.feedback,
    version: row.version,
  }));
}

/**
 * The referrals other agencies of this installation sent to the caller's agency, with the values
 * they chose to share and the sender agency's name: nothing of the sender's case (no id, no
 * number). Reading them is audited, as a read of identifying data when any carries identity.
 */
export async function incomingReferrals(ctx: AuthedContext): Promise<IncomingReferral[]> {
  if (!receivesReferrals(ctx)) throw new DomainError("forbidden");
  const rows = await ctx.db
    .select({
      id: referrals.id,
      fromAgency: agencies.name,
      services: referrals.services,
      reason: referrals.reason,
      urgency: referrals.urgency,
      status: referrals.status,
      sentAt: referrals.sentAt,
      sealed: referrals.shared,
      sharedFields: referrals.sharedFields,
      receiverCaseId: referrals.receiverCaseId,
      feedback: referrals.feedback,
      version: referrals.version,
    })
    .from(referrals)
    .innerJoin(agencies, eq(agencies.id, referrals.agencyId))
    .where(eq(referrals.receiverAgencyId, ctx.user.agencyId))
    .orderBy(desc(referrals.sentAt), desc(referrals.id))
    .limit(500);
  const withIdentity = rows.filter((row) => row.sharedFields.includes("identity")).map((row) => row.id);
  await recordAudit(ctx.db, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
    action: "referral.incoming_viewed",
    entityType: "referral",
    details: { count: rows.length, withIdentity },
  });
  return rows.map(({ sealed, sharedFields: _fields, ...row }) => ({ ...row, shared: openSnapshot(ctx.keyring, row.id, sealed) }));
}

/**
 * What a referral letter to an outside partner needs, for the sender's care team and the team's
 * supervisor. A referral to another agency on this installation reaches its intake instead.
 */
export async function referralLetter(ctx: AuthedContext, referralId: string): Promise<z.output<typeof referralLetterSchema>> {
  const [row] = await ctx.db
    .select({
      id: referrals.id,
      caseId: referrals.caseId,
      receiverAgencyId: referrals.receiverAgencyId,
      agencyName: agencies.name,
      partnerName: partners.name,
      partnerKind: partners.kind,
      partnerContact: partners.contact,
      partnerServices: partners.services,
      services: referrals.services,
      reason: referrals.reason,
      urgency: referrals.urgency,
      sharedFields: referrals.sharedFields,
      sealed: referrals.shared,
      status: referrals.status,
      sentAt: referrals.sentAt,
      sentById: users.id,
      sentByName: users.displayName,
    })
    .from(referrals)
    .innerJoin(partners, eq(partners.id, referrals.partnerId))
    .innerJoin(agencies, eq(agencies.id, referrals.agencyId))
    .innerJoin(users, eq(users.id, referrals.sentBy))
    .where(and(eq(referrals.id, referralId), eq(referrals.agencyId, ctx.user.agencyId)));
  if (!row) throw new DomainError("not_found");
  const handle = await requireCaseAccess(ctx, row.caseId, REFERRAL_CASE_ACTION);
  if (row.receiverAgencyId) throw new DomainError("invalid_input", "linked_agency_no_letter");
  const shared = openSnapshot(ctx.keyring, row.id, row.sealed);
  await ctx.db.transaction((tx) =>
    auditCase(ctx, tx, handle.id, {
      action: "referral.letter_exported",
      entityType: "referral",
      entityId: row.id,
      details: { sharedFields: row.sharedFields, identity: row.sharedFields.includes("identity") },
    }),
  );
  return {
    referralId: row.id,
    agency: { name: row.agencyName },
    partner: {
      name: row.partnerName,
      kind: row.partnerKind,
      contact: normalizeContact(row.partnerContact),
      services: row.partnerServices,
    },
    services: row.services,
    reason: row.reason,
    urgency: row.urgency,
    sharedFields: row.sharedFields,
    shared,
    status: row.status,
    sentAt: row.sentAt,
    sentBy: { id: row.sentById, name: row.sentByName },
    generatedAt: ctx.clock(),
  };
}
