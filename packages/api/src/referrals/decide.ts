import { type z } from "zod";
import {
  DomainError,
  REFERRAL_TRANSITIONS,
  type createCaseInput,
  type referralDecisionInput,
  type ReferralStatus,
} from "@lentera/domain";
import { agencies, and, eq, referrals, teams, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { requireCaseAccess } from "../cases/access";
import { registerCase } from "../cases/intake";
import { receivesReferrals } from "./read";
import { REFERRAL_CASE_ACTION } from "./send";
import { openSnapshot, type SharedSnapshot } from "./shared";
import type { referralChangeSchema } from "./outputs";

type Decision = z.output<typeof referralDecisionInput>;

/** The lowest age of an age group: the receiver's estimated age until it learns the birth date. */
function estimatedAgeOf(group: SharedSnapshot["age_group"]): number | null {
  if (!group || group === "unknown") return null;
  return Number.parseInt(group, 10);
}

/**
 * The receiver's intake of an accepted referral, through the same registration as any case (its
 * own case number sequence, its own care team): only what the sender chose to share, and
 * `referralSource` NGO. Without a shared alias or name the case carries the referral's reference.
 */
function intakeFromSnapshot(
  referralId: string,
  snapshot: SharedSnapshot,
  country: "ID" | "VN",
  teamId: string,
): z.output<typeof createCaseInput> {
  const reference = `Referral ${referralId.slice(0, 8)}`;
  const alias = snapshot.alias ?? reference;
  return {
    client: {
      alias: alias.slice(0, 60),
      birthDate: null,
      estimatedAge: estimatedAgeOf(snapshot.age_group),
      sex: snapshot.sex ?? "unknown",
      gender: null,
      languages: snapshot.languages ?? [],
      disability: null,
      guardianRelationship: null,
      address: country === "ID" ? { country: "ID", province: null, regencyCity: null, district: null } : { country: "VN", province: null },
    },
    identity: {
      // The identity is required by the registration; the alias stands in until the receiver meets the client.
      legalName: snapshot.identity?.legalName ?? alias,
      identityNumbers: [],
      phone: snapshot.identity?.phone ?? null,
      email: null,
      villageOrCommune: null,
      streetAddress: snapshot.identity?.address ?? null,
      guardianName: null,
      guardianContact: null,
    },
    harmTypes: snapshot.harm_types && snapshot.harm_types.length > 0 ? snapshot.harm_types : ["other"],
    referralSource: "ngo",
    riskLevel: snapshot.risk_level ?? "medium",
    riskConcerns: null,
    safetyNotes: null,
    teamId,
  };
}

/**
 * The next step of a referral. The sender (its case's care team or team supervisor) may withdraw
 * it, and records an outside partner's answer (accepted, declined, completed). For another agency
 * on this installation the receiving agency's supervisors and social workers accept, decline and
 * complete it; accepting opens the receiver's own case in one of its teams, in the same
 * transaction, and never gives access to the sender's.
 */
export async function decideReferral(ctx: AuthedContext, input: Decision): Promise<z.output<typeof referralChangeSchema>> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: referrals.id,
        agencyId: referrals.agencyId,
        caseId: referrals.caseId,
        receiverAgencyId: referrals.receiverAgencyId,
        receiverCaseId: referrals.receiverCaseId,
        status: referrals.status,
        shared: referrals.shared,
        decidedAt: referrals.decidedAt,
        version: referrals.version,
      })
      .from(referrals)
      .where(eq(referrals.id, input.referralId))
      .for("update");
    const isSender = row?.agencyId === ctx.user.agencyId;
    const isReceiver = row !== undefined && row.receiverAgencyId === ctx.user.agencyId && receivesReferrals(ctx);
    if (!row || (!isSender && !isReceiver)) throw new DomainError("not_found");

    if (isSender) {
      await requireCaseAccess(ctx, row.caseId, REFERRAL_CASE_ACTION, tx);
      if (row.receiverAgencyId && input.status !== "withdrawn") throw new DomainError("forbidden", "receiver_decides");
    } else if (input.status === "withdrawn") {
      throw new DomainError("forbidden", "sender_withdraws");
    }
    if (row.version !== input.version) throw new DomainError("stale_version");
    if (!REFERRAL_TRANSITIONS[row.status].includes(input.status)) {
      throw new DomainError("conflict", "referral_transition", { from: row.status, to: input.status });
    }

    const now = ctx.clock();
    let receiverCaseId: string | null = null;
    if (isReceiver && input.status === "accepted") {
      if (!input.teamId) throw new DomainError("invalid_input", "team_required");
      const [team] = await tx
        .select({ id: teams.id, country: agencies.country })
        .from(teams)
        .innerJoin(agencies, eq(agencies.id, teams.agencyId))
        .where(and(eq(teams.id, input.teamId), eq(teams.agencyId, ctx.user.agencyId)));
      if (!team) throw new DomainError("invalid_input", "team_unknown");
      const snapshot = openSnapshot(ctx.keyring, row.id, row.shared);
      const country = team.country === "VN" ? "VN" : "ID";
      // The cases service's own intake, inside this transaction (a savepoint): one registration rule.
      const intakeCtx: AuthedContext = { ...ctx, db: tx };
      const created = await registerCase(intakeCtx, intakeFromSnapshot(row.id, snapshot, country, team.id));
      receiverCaseId = created.id;
    }

    const decided: Partial<typeof referrals.$inferInsert> =
      input.status === "completed"
        ? { completedAt: now }
        : input.status === "withdrawn" && row.decidedAt
          ? {}
          : { decidedAt: now, decidedBy: ctx.user.id };
    const [updated] = await tx
      .update(referrals)
      .set({
        status: input.status,
        ...decided,
        ...(input.feedback ? { feedback: input.feedback } : {}),
        ...(receiverCaseId ? { receiverCaseId } : {}),
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(referrals.id, row.id))
      .returning({ id: referrals.id, status: referrals.status, version: referrals.version });
    if (!updated) throw new DomainError("not_found");

    await auditDecision(tx, ctx, row, input.status, isSender, receiverCaseId, Boolean(input.feedback));
    // The receiver learns its own case; the sender never does.
    return { ...updated, receiverCaseId: isReceiver ? receiverCaseId : null };
  });
}

/**
 * One event in the sender's case history, and for a linked agency one in the receiver's trail
 * (on its own case when accepting opened one). The sender's event never names the receiver's case
 * nor its staff; the feedback text stays on the referral, not in the audit.
 */
async function auditDecision(
  tx: Transaction,
  ctx: AuthedContext,
  row: { id: string; agencyId: string; caseId: string; receiverAgencyId: string | null; receiverCaseId: string | null },
  status: Exclude<ReferralStatus, "sent">,
  isSender: boolean,
  receiverCaseId: string | null,
  withFeedback: boolean,
) {
  const action = `referral.${status}`;
  const details = { status, feedback: withFeedback };
  await recordAudit(tx, ctx, { userId: isSender ? ctx.user.id : null, agencyId: row.agencyId }, {
    action,
    entityType: "referral",
    entityId: row.id,
    caseId: row.caseId,
    details: isSender ? { ...details, recordedForPartner: row.receiverAgencyId === null } : { ...details, byReceivingAgency: true },
  });
  if (row.receiverAgencyId) {
    await recordAudit(tx, ctx, { userId: isSender ? null : ctx.user.id, agencyId: row.receiverAgencyId }, {
      action,
      entityType: "referral",
      entityId: row.id,
      caseId: receiverCaseId ?? row.receiverCaseId,
      details: isSender ? { ...details, bySendingAgency: true } : details,
    });
  }
}
