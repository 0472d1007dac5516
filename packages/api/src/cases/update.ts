import { type z } from "zod";
import { DomainError, IDENTIFYING_FIELDS, type updateCaseInput, type ClientIdentity } from "@lentera/domain";
import { agencies, cases, clients, eq } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { diffFields, type FieldChanges } from "../audit";
import { openIdentity, sealIdentity } from "../protect/identity";
import { auditCase } from "./audit";
import { lockCaseForChange, saveCase } from "./access";
import { clientColumns, clientProfileSelection } from "./client-columns";

/**
 * Changes a case and its client in one transaction, only from the version the user saw. Every
 * changed field is recorded; identifying ones as "changed" with the values redacted.
 */
export async function updateCase(ctx: AuthedContext, input: z.output<typeof updateCaseInput>) {
  return ctx.db.transaction(async (tx) => {
    const handle = await lockCaseForChange(ctx, tx, input.caseId, input.version, "update");
    const [current] = await tx
      .select({
        riskLevel: cases.riskLevel,
        riskConcerns: cases.riskConcerns,
        safetyNotes: cases.safetyNotes,
        harmTypes: cases.harmTypes,
        referralSource: cases.referralSource,
        client: clientProfileSelection,
        identityCiphertext: clients.identityCiphertext,
        agencyCountry: agencies.country,
      })
      .from(cases)
      .innerJoin(clients, eq(clients.id, cases.clientId))
      .innerJoin(agencies, eq(agencies.id, cases.agencyId))
      .where(eq(cases.id, handle.id));
    if (!current) throw new DomainError("not_found");

    const caseChanges = {
      riskLevel: input.riskLevel,
      riskConcerns: input.riskConcerns,
      safetyNotes: input.safetyNotes,
      harmTypes: input.harmTypes,
      referralSource: input.referralSource,
    };
    const changes: FieldChanges = diffFields(current, caseChanges);
    const nextClient = input.client ? clientColumns(input.client) : null;
    if (nextClient) {
      if (nextClient.country !== current.agencyCountry) throw new DomainError("invalid_input", "address_country_mismatch");
      Object.assign(changes, prefixed("client.", diffFields(current.client, nextClient)));
    }

    let sealed: ReturnType<typeof sealIdentity> | null = null;
    const birthDate = nextClient ? nextClient.birthDate : current.client.birthDate;
    if (input.identity || (nextClient && nextClient.birthDate !== current.client.birthDate)) {
      const before = openIdentity(ctx.keyring, handle.clientId, current.identityCiphertext);
      const after: ClientIdentity = input.identity ?? before;
      const identityChanges = diffFields(
        flattenIdentity(before),
        flattenIdentity(after),
        IDENTIFYING_FIELDS,
      );
      Object.assign(changes, prefixed("identity.", identityChanges));
      // Re-sealed when the identity or the birth date (part of the duplicate hash) changed.
      sealed = sealIdentity(ctx.keyring, handle.clientId, after, birthDate);
    }

    if (Object.keys(changes).length === 0) return { id: handle.id, version: handle.version, changed: [] as string[] };

    const now = ctx.clock();
    const caseSet = Object.fromEntries(Object.entries(caseChanges).filter(([, value]) => value !== undefined));
    if (nextClient || sealed) {
      await tx
        .update(clients)
        .set({ ...(nextClient ?? {}), ...(sealed ?? {}), updatedAt: now })
        .where(eq(clients.id, handle.clientId));
    }
    const { version } = await saveCase(ctx, tx, handle, caseSet);
    await auditCase(ctx, tx, handle.id, { action: "case.updated", entityType: "case", entityId: handle.id, changes });
    return { id: handle.id, version, changed: Object.keys(changes) };
  });
}

function prefixed(prefix: string, changes: FieldChanges): FieldChanges {
  return Object.fromEntries(Object.entries(changes).map(([field, change]) => [`${prefix}${field}`, change]));
}

/** Identity numbers compared as one field; their values never leave this function unredacted. */
function flattenIdentity(identity: ClientIdentity): Record<string, unknown> {
  return { ...identity, identityNumbers: JSON.stringify(identity.identityNumbers) };
}

