import { randomUUID } from "node:crypto";
import { type z } from "zod";
import { DomainError, isFutureDate, type EvidenceEntry, type recordEvidenceInput } from "@lentera/domain";
import { and, eq, evidenceEntries, harmItems } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { createdFields } from "../audit";
import { refuseFuture, requireHarmAccess } from "./access";
import { loadEvidence, requirePartner } from "./load";
import { sealText } from "./seal";

/**
 * Appends one entry to the case's evidence log (care team only): never changed or deleted after
 * (the database refuses UPDATE and DELETE on evidence_entries for every user).
 *
 * - `collected`: the hash of the evidence file kept outside Lentera is required (`sha256_required`)
 *   and it names no other entry (`evidence_not_expected`);
 * - `handed_over`: names a `collected` entry of the same case (`evidence_required`,
 *   `unknown_evidence`), on or after the day it was collected (`date_before_collection`); a hash
 *   given with it must be the collected one's (`sha256_mismatch`).
 *
 * An item named must be one of the case's (`unknown_item`), a partner one of the agency's active
 * ones (`unknown_partner`). The description is sealed bound to the new row's id; the audit event
 * keeps the rest, never the description (nor the person's name).
 */
export async function recordEvidence(ctx: AuthedContext, input: z.output<typeof recordEvidenceInput>): Promise<EvidenceEntry> {
  refuseFuture(isFutureDate(input.on, ctx.clock()));
  return ctx.db.transaction(async (tx) => {
    const handle = await requireHarmAccess(ctx, input.caseId, tx);
    let sha256 = input.sha256;
    if (input.kind === "collected") {
      if (sha256 === null) throw new DomainError("invalid_input", "sha256_required");
      if (input.evidenceId !== null) throw new DomainError("invalid_input", "evidence_not_expected");
    } else {
      if (input.evidenceId === null) throw new DomainError("invalid_input", "evidence_required");
      const [collected] = await tx
        .select({ sha256: evidenceEntries.sha256, on: evidenceEntries.on })
        .from(evidenceEntries)
        .where(
          and(
            eq(evidenceEntries.id, input.evidenceId),
            eq(evidenceEntries.caseId, handle.id),
            eq(evidenceEntries.agencyId, ctx.user.agencyId),
            eq(evidenceEntries.kind, "collected"),
          ),
        );
      if (!collected) throw new DomainError("invalid_input", "unknown_evidence");
      if (sha256 !== null && sha256 !== collected.sha256) throw new DomainError("invalid_input", "sha256_mismatch");
      if (input.on < collected.on) throw new DomainError("invalid_input", "date_before_collection", { collectedOn: collected.on });
      sha256 = collected.sha256;
    }
    if (input.itemId !== null) {
      const [item] = await tx
        .select({ id: harmItems.id })
        .from(harmItems)
        .where(and(eq(harmItems.id, input.itemId), eq(harmItems.caseId, handle.id), eq(harmItems.agencyId, ctx.user.agencyId)));
      if (!item) throw new DomainError("invalid_input", "unknown_item");
    }
    await requirePartner(ctx, tx, input.partnerId);
    const id = randomUUID();
    const values = {
      kind: input.kind,
      evidenceId: input.evidenceId,
      itemId: input.itemId,
      sha256,
      on: input.on,
      partnerId: input.partnerId,
      person: input.person ?? null,
    };
    await tx.insert(evidenceEntries).values({
      ...values,
      id,
      agencyId: ctx.user.agencyId,
      caseId: handle.id,
      descriptionCiphertext: sealText(ctx.keyring, id, input.description),
      recordedBy: ctx.user.id,
      recordedAt: ctx.clock(),
    });
    await auditCase(ctx, tx, handle.id, {
      action: "evidence.recorded",
      entityType: "evidence_entry",
      entityId: id,
      changes: createdFields(values, ["person"]),
    });
    const [entry] = await loadEvidence(ctx, tx, eq(evidenceEntries.id, id));
    if (!entry) throw new DomainError("not_found");
    return entry;
  });
}
