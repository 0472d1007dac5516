import { type z } from "zod";
import { DomainError, enabledPlanDomains, type updateAgencySettingsInput } from "@lentera/domain";
import { agencies, eq, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { diffFields, recordAudit } from "../audit";
import { shiftScheduledReviews } from "./review-schedule";

const settingsColumns = {
  optionalPlanDomains: agencies.optionalPlanDomains,
  allowPlanSelfApproval: agencies.allowPlanSelfApproval,
  reviewIntervalDays: agencies.reviewIntervalDays,
  timeZone: agencies.timeZone,
  defaultNoteFormat: agencies.defaultNoteFormat,
  milestoneVerificationRequired: agencies.milestoneVerificationRequired,
  noContactDays: agencies.noContactDays,
  agencyWideDashboardRoles: agencies.agencyWideDashboardRoles,
  requireTwoFactor: agencies.requireTwoFactor,
  retentionMonths: agencies.retentionMonths,
  version: agencies.version,
};

/**
 * The agency's settings: plan domains, self-approval, the review interval, its time zone, the default
 * note format, milestone verification, the days without contact before a case shows on My work and
 * the roles granted the agency-wide dashboard, whether supervisors and administrators must use two-factor
 * sign-in, and the months a closed case is kept before it is anonymized.
 */
export async function agencyPlanSettings(ctx: AuthedContext, executor: Executor = ctx.db) {
  const [row] = await executor.select(settingsColumns).from(agencies).where(eq(agencies.id, ctx.user.agencyId));
  if (!row) throw new DomainError("not_found");
  return { ...row, domains: enabledPlanDomains(row.optionalPlanDomains) };
}

export async function updateAgencySettings(ctx: AuthedContext, input: z.output<typeof updateAgencySettingsInput>) {
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select(settingsColumns).from(agencies).where(eq(agencies.id, ctx.user.agencyId)).for("update");
    if (!current) throw new DomainError("not_found");
    if (current.version !== input.version) throw new DomainError("stale_version");
    const { version: _version, ...values } = input;
    await tx
      .update(agencies)
      .set({ ...values, version: current.version + 1, updatedAt: ctx.clock() })
      .where(eq(agencies.id, ctx.user.agencyId));
    await shiftScheduledReviews(tx, ctx.user.agencyId, current.reviewIntervalDays, values.reviewIntervalDays);
    await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
      action: "agency.settings_updated",
      entityType: "agency",
      entityId: ctx.user.agencyId,
      changes: diffFields(current, values),
    });
    return agencyPlanSettings(ctx, tx);
  });
}
