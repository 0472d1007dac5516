import { randomUUID } from "node:crypto";
import { type z } from "zod";
import { DomainError, localDate, scopesInForce, type sendReferralInput } from "@lentera/domain";
import { agencies, and, consents, eq, partners, referrals, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { requireCaseAccess } from "../cases/access";
import { auditCase } from "../cases/audit";
import { buildSnapshot, sealSnapshot } from "./shared";
import type { referralChangeSchema } from "./outputs";

/**
 * Who works the referrals of a case: the care team and the team's supervisor, the people who may
 * change the plan the referral carries out ("edit_plan" in @lentera/domain's case access).
 */
export const REFERRAL_CASE_ACTION = "edit_plan" as const;

/** Today in the agency's own zone: consents are given and expire by the local calendar. */
export async function agencyToday(ctx: AuthedContext, executor: Executor): Promise<string> {
  const [agency] = await executor.select({ timeZone: agencies.timeZone }).from(agencies).where(eq(agencies.id, ctx.user.agencyId));
  if (!agency) throw new Error("agency missing");
  return localDate(ctx.clock(), agency.timeZone);
}

/**
 * Sends a referral of a case to an active partner of the agency. Without the referral consent in
 * force only a supervisor of the case's team may send it, stating why (kept on the referral and in
 * the case's history); identifying data only while the information-sharing consent is in force.
 * The audit trail names the shared fields, never their values.
 */
export async function sendReferral(
  ctx: AuthedContext,
  input: z.output<typeof sendReferralInput>,
): Promise<z.output<typeof referralChangeSchema>> {
  return ctx.db.transaction(async (tx) => {
    const handle = await requireCaseAccess(ctx, input.caseId, REFERRAL_CASE_ACTION, tx);
    if (handle.status === "closed") throw new DomainError("invalid_input", "case_closed");
    const [partner] = await tx
      .select({ id: partners.id, active: partners.active, linkedAgencyId: partners.linkedAgencyId })
      .from(partners)
      .where(and(eq(partners.id, input.partnerId), eq(partners.agencyId, ctx.user.agencyId)));
    if (!partner) throw new DomainError("invalid_input", "partner_unknown");
    if (!partner.active) throw new DomainError("invalid_input", "partner_inactive");

    const today = await agencyToday(ctx, tx);
    const consentRows = await tx
      .select({ scope: consents.scope, givenOn: consents.givenOn, expiresOn: consents.expiresOn, withdrawnOn: consents.withdrawnOn })
      .from(consents)
      .where(eq(consents.caseId, handle.id));
    const inForce = scopesInForce(consentRows, today);

    let overrideReason: string | null = null;
    if (!inForce.includes("referral")) {
      const supervisesTeam = ctx.user.roles.includes("supervisor") && ctx.user.teamIds.includes(handle.teamId);
      if (!supervisesTeam) throw new DomainError("forbidden", "referral_consent_required");
      if (!input.overrideReason) throw new DomainError("invalid_input", "referral_consent_required");
      overrideReason = input.overrideReason;
    }
    const sharedFields = [...new Set(input.shared)];
    if (sharedFields.includes("identity") && !inForce.includes("information_sharing")) {
      throw new DomainError("forbidden", "information_sharing_consent_required");
    }

    const id = randomUUID();
    const now = ctx.clock();
    const snapshot = await buildSnapshot(tx, ctx.keyring, handle.id, sharedFields, today);
    const services = [...new Set(input.services)];
    const [created] = await tx
      .insert(referrals)
      .values({
        id,
        agencyId: ctx.user.agencyId,
        caseId: handle.id,
        partnerId: partner.id,
        receiverAgencyId: partner.linkedAgencyId,
        services,
        reason: input.reason,
        urgency: input.urgency,
        sharedFields,
        shared: sealSnapshot(ctx.keyring, id, snapshot),
        status: "sent",
        sentAt: now,
        sentBy: ctx.user.id,
        overrideReason,
        overrideBy: overrideReason ? ctx.user.id : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: referrals.id, status: referrals.status, version: referrals.version });
    if (!created) throw new Error("referral insert returned no row");

    await auditCase(ctx, tx, handle.id, {
      action: "referral.sent",
      entityType: "referral",
      entityId: id,
      details: {
        partnerId: partner.id,
        linkedAgency: partner.linkedAgencyId !== null,
        services,
        urgency: input.urgency,
        sharedFields,
        consentOverride: overrideReason !== null,
      },
    });
    if (overrideReason) {
      await auditCase(ctx, tx, handle.id, {
        action: "referral.consent_overridden",
        entityType: "referral",
        entityId: id,
        details: { reason: overrideReason },
      });
    }
    if (partner.linkedAgencyId) {
      // The receiving agency's own trail: a referral arrived (no case of the sender's named).
      await recordAudit(tx, ctx, { userId: null, agencyId: partner.linkedAgencyId }, {
        action: "referral.received",
        entityType: "referral",
        entityId: id,
        details: { fromAgencyId: ctx.user.agencyId, sharedFields },
      });
    }
    return { ...created, receiverCaseId: null };
  });
}
