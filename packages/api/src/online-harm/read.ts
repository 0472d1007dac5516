import type { CaseOnlineHarm, OnlineHarmCounts } from "@lentera/domain";
import { eq, evidenceEntries, harmItems } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess } from "../cases/access";
import { auditCase } from "../cases/audit";
import { requireHarmAccess } from "./access";
import { countItems, loadEvidence, loadItems, loadLegalProcess } from "./load";

/**
 * The case's whole online-harm record for its care team: the items with their locators and
 * takedown requests, how many are still online, the evidence log and the legal process. Every read
 * is audited (`harm_record.read`, kept out of the case's history list like note reads).
 */
export async function caseOnlineHarm(ctx: AuthedContext, caseId: string): Promise<CaseOnlineHarm> {
  return ctx.db.transaction(async (tx) => {
    const handle = await requireHarmAccess(ctx, caseId, tx);
    const items = await loadItems(ctx, tx, eq(harmItems.caseId, handle.id));
    const evidence = await loadEvidence(ctx, tx, eq(evidenceEntries.caseId, handle.id));
    const legalProcess = await loadLegalProcess(ctx, tx, handle.id);
    await auditCase(ctx, tx, handle.id, { action: "harm_record.read", entityType: "case", entityId: handle.id });
    return {
      caseId: handle.id,
      itemsOnline: items.filter((item) => item.online === "online").length,
      itemsTotal: items.length,
      items,
      evidence,
      legalProcess,
    };
  });
}

/** How many of the case's items are still online, for anyone who may read the case: no details. */
export async function onlineHarmCounts(ctx: AuthedContext, caseId: string): Promise<OnlineHarmCounts> {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  return countItems(ctx, ctx.db, handle.id);
}
