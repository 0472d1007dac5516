/** Retention for an agency's administrators: which cases are due (case numbers only), and running it. */
import { agencies, eq } from "@lentera/db";
import { recordAudit } from "../audit";
import type { AuthedContext } from "../trpc";
import { dueCases, runRetention } from "./anonymize";

async function retentionMonths(ctx: AuthedContext): Promise<number> {
  const [agency] = await ctx.db.select({ months: agencies.retentionMonths }).from(agencies).where(eq(agencies.id, ctx.user.agencyId));
  return agency?.months ?? 60;
}

export async function previewRetention(ctx: AuthedContext): Promise<{ retentionMonths: number; caseNumbers: string[] }> {
  const due = await dueCases(ctx.db, ctx.clock(), ctx.user.agencyId);
  return { retentionMonths: await retentionMonths(ctx), caseNumbers: due.map((entry) => entry.caseNumber) };
}

export async function runRetentionNow(ctx: AuthedContext): Promise<{ retentionMonths: number; anonymized: string[] }> {
  const actor = { userId: ctx.user.id, agencyId: ctx.user.agencyId };
  const { anonymized } = await runRetention(ctx.db, ctx.keyring, ctx, actor);
  const caseNumbers = anonymized.map((entry) => entry.caseNumber);
  await recordAudit(ctx.db, ctx, actor, {
    action: "retention.run",
    entityType: "agency",
    entityId: ctx.user.agencyId,
    details: { anonymized: caseNumbers.length },
  });
  return { retentionMonths: await retentionMonths(ctx), anonymized: caseNumbers };
}
