import { randomUUID } from "node:crypto";
import { type z } from "zod";
import { DomainError, isFutureDate, type HarmItem, type recordHarmItemInput } from "@lentera/domain";
import { eq, harmItems } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { createdFields } from "../audit";
import { refuseFuture, requireHarmAccess } from "./access";
import { loadItems } from "./load";
import { sealText } from "./seal";

/**
 * Records an item found online on a case (care team only): where it is, never the content. The
 * input schema is strict (a `file`, `content`… key is refused) and a data: URL or base64 run in the
 * locator or note is refused with `validation.contentNotAccepted`. The locator is sealed bound to
 * the new row's id; the audit event keeps every other field, never the locator.
 */
export async function recordItem(ctx: AuthedContext, input: z.output<typeof recordHarmItemInput>): Promise<HarmItem> {
  refuseFuture(isFutureDate(input.foundOn, ctx.clock()));
  return ctx.db.transaction(async (tx) => {
    const handle = await requireHarmAccess(ctx, input.caseId, tx);
    const id = randomUUID();
    const now = ctx.clock();
    const values = {
      kind: input.kind,
      platformKind: input.platformKind,
      platformName: input.platformName,
      foundOn: input.foundOn,
      foundBy: input.foundBy,
      note: input.note ?? null,
    };
    await tx.insert(harmItems).values({
      ...values,
      id,
      agencyId: ctx.user.agencyId,
      caseId: handle.id,
      locatorCiphertext: sealText(ctx.keyring, id, input.locator),
      online: "online",
      recordedBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    });
    await auditCase(ctx, tx, handle.id, {
      action: "harm_item.recorded",
      entityType: "harm_item",
      entityId: id,
      // The note may name people: the fact that there is one, not what it says.
      changes: createdFields(values, ["note"]),
    });
    const [item] = await loadItems(ctx, tx, eq(harmItems.id, id));
    if (!item) throw new DomainError("not_found");
    return item;
  });
}
