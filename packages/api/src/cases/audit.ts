import type { Executor } from "@lentera/db";
import { recordAudit, type AuditEntry } from "../audit";
import type { AuthedContext } from "../trpc";

/** An audit event on a case: the case page's history is read from these. */
export function auditCase(
  ctx: AuthedContext,
  executor: Executor,
  caseId: string,
  entry: AuditEntry,
): Promise<void> {
  return recordAudit(executor, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, { ...entry, caseId });
}
