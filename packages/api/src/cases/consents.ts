import { type z } from "zod";
import { DomainError, type recordConsentInput, type withdrawConsentInput } from "@lentera/domain";
import { and, consents, eq } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { createdFields, diffFields } from "../audit";
import { auditCase } from "./audit";
import { requireCaseAccess } from "./access";

export async function recordConsent(ctx: AuthedContext, input: z.output<typeof recordConsentInput>) {
  return ctx.db.transaction(async (tx) => {
    const handle = await requireCaseAccess(ctx, input.caseId, "record_consent", tx);
    const [consent] = await tx
      .insert(consents)
      .values({
        agencyId: ctx.user.agencyId,
        caseId: handle.id,
        scope: input.scope,
        givenBy: input.givenBy,
        givenOn: input.givenOn,
        expiresOn: input.expiresOn ?? null,
        note: input.note ?? null,
        recordedBy: ctx.user.id,
        createdAt: ctx.clock(),
      })
      .returning({ id: consents.id, version: consents.version });
    if (!consent) throw new Error("consent insert returned no row");
    await auditCase(ctx, tx, handle.id, {
      action: "consent.recorded",
      entityType: "consent",
      entityId: consent.id,
      changes: createdFields({ scope: input.scope, givenBy: input.givenBy, givenOn: input.givenOn, expiresOn: input.expiresOn ?? null }),
    });
    return consent;
  });
}

export async function withdrawConsent(ctx: AuthedContext, input: z.output<typeof withdrawConsentInput>) {
  return ctx.db.transaction(async (tx) => {
    const [consent] = await tx
      .select({ id: consents.id, caseId: consents.caseId, givenOn: consents.givenOn, withdrawnOn: consents.withdrawnOn, version: consents.version })
      .from(consents)
      .where(and(eq(consents.id, input.consentId), eq(consents.agencyId, ctx.user.agencyId)))
      .for("update");
    if (!consent) throw new DomainError("not_found");
    // The case decides who may touch its consents; no access means the consent does not exist.
    await requireCaseAccess(ctx, consent.caseId, "record_consent", tx);
    if (consent.version !== input.version) throw new DomainError("stale_version");
    if (consent.withdrawnOn) throw new DomainError("conflict", "already_withdrawn");
    if (input.withdrawnOn < consent.givenOn) throw new DomainError("invalid_input", "withdrawal_before_given");
    const [updated] = await tx
      .update(consents)
      .set({ withdrawnOn: input.withdrawnOn, withdrawalReason: input.reason ?? null, version: consent.version + 1 })
      .where(eq(consents.id, consent.id))
      .returning({ id: consents.id, version: consents.version, withdrawnOn: consents.withdrawnOn });
    await auditCase(ctx, tx, consent.caseId, {
      action: "consent.withdrawn",
      entityType: "consent",
      entityId: consent.id,
      changes: diffFields({ withdrawnOn: null }, { withdrawnOn: input.withdrawnOn }),
      details: input.reason ? { reason: input.reason } : null,
    });
    return updated;
  });
}
