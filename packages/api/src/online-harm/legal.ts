import { randomUUID } from "node:crypto";
import { type z } from "zod";
import { DomainError, isFutureDate, LEGAL_STAGE_MILESTONES, type LegalProcessSaved, type saveLegalProcessInput } from "@lentera/domain";
import { eq, legalProcesses } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { createdFields, diffFields } from "../audit";
import { isUniqueViolation } from "../errors";
import { refuseFuture, requireHarmAccess } from "./access";
import { findLegalProcess, loadLegalProcess, requirePartner } from "./load";
import { markCatalogMilestoneAchieved } from "./milestones";
import { openText, sealText } from "./seal";

/** Free text that names people or identifies the case at the police: changes are kept, values are not. */
const REDACTED_FIELDS = ["policeReportNumber", "accompaniment"] as const;

/**
 * Creates or changes the case's legal process (care team only; one per case). Version 0 means
 * "there is none yet": the first save creates it at version 1, so a second first save (someone else
 * created it meanwhile) is CONFLICT like any stale version; later saves give the version they saw. The police report number is sealed bound to the row's id. The audit event
 * shows the stage from → to and that the report number changed, never the number.
 *
 * When the stage is new and LEGAL_STAGE_MILESTONES maps it to a milestone (reported → legal case
 * filed, verdict → verdict reached, restitution → restitution received), that catalog milestone is
 * marked achieved on `stageOn` in the same transaction, added to the case first if it lacks one.
 * Hearing dates are appointments of kind `court`, not part of this record.
 */
export async function saveLegalProcess(ctx: AuthedContext, input: z.output<typeof saveLegalProcessInput>): Promise<LegalProcessSaved> {
  refuseFuture(isFutureDate(input.stageOn, ctx.clock()));
  try {
    return await ctx.db.transaction(async (tx) => {
      const handle = await requireHarmAccess(ctx, input.caseId, tx, { forUpdate: true });
      await requirePartner(ctx, tx, input.investigatingUnitPartnerId);
      const current = await findLegalProcess(ctx, tx, handle.id, { lock: true });
      if ((current?.version ?? 0) !== input.version) throw new DomainError("stale_version");
      // An optional field left out keeps its value; null (or blank) clears it.
      const values = {
        investigatingUnitPartnerId: input.investigatingUnitPartnerId,
        investigatingUnit: input.investigatingUnit,
        stage: input.stage,
        stageOn: input.stageOn,
        accompaniment: input.accompaniment,
      };
      const reportNumber = input.policeReportNumber;
      const now = ctx.clock();
      let id: string;
      if (!current) {
        id = randomUUID();
        await tx.insert(legalProcesses).values({
          ...values,
          investigatingUnit: values.investigatingUnit ?? null,
          accompaniment: values.accompaniment ?? null,
          id,
          agencyId: ctx.user.agencyId,
          caseId: handle.id,
          policeReportNumberCiphertext: reportNumber == null ? null : sealText(ctx.keyring, id, reportNumber),
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
        await auditCase(ctx, tx, handle.id, {
          action: "legal_process.created",
          entityType: "legal_process",
          entityId: id,
          changes: createdFields(
            { ...values, investigatingUnit: values.investigatingUnit ?? null, accompaniment: values.accompaniment ?? null, policeReportNumber: reportNumber ?? null },
            [...REDACTED_FIELDS],
          ),
        });
      } else {
        id = current.id;
        const before = {
          investigatingUnitPartnerId: current.investigatingUnitPartnerId,
          investigatingUnit: current.investigatingUnit,
          stage: current.stage,
          stageOn: current.stageOn,
          accompaniment: current.accompaniment,
          policeReportNumber: current.policeReportNumberCiphertext === null ? null : openText(ctx.keyring, id, current.policeReportNumberCiphertext),
        };
        const changes = diffFields(before, { ...values, policeReportNumber: reportNumber }, [...REDACTED_FIELDS]);
        if (Object.keys(changes).length > 0) {
          await tx
            .update(legalProcesses)
            .set({
              ...values,
              ...(changes.policeReportNumber ? { policeReportNumberCiphertext: reportNumber == null ? null : sealText(ctx.keyring, id, reportNumber) } : {}),
              version: current.version + 1,
              updatedAt: now,
            })
            .where(eq(legalProcesses.id, id));
          await auditCase(ctx, tx, handle.id, {
            action: changes.stage ? "legal_process.stage_changed" : "legal_process.updated",
            entityType: "legal_process",
            entityId: id,
            changes,
          });
        }
      }
      const milestoneKey = current?.stage === input.stage ? undefined : LEGAL_STAGE_MILESTONES[input.stage];
      const milestoneAchieved = milestoneKey
        ? await markCatalogMilestoneAchieved(ctx, tx, handle, milestoneKey, input.stageOn, { addIfMissing: true, note: "Marked from the legal process" })
        : null;
      const legalProcess = await loadLegalProcess(ctx, tx, handle.id);
      if (!legalProcess) throw new DomainError("not_found");
      return { legalProcess, milestoneAchieved };
    });
  } catch (error) {
    // Two first saves at once: the second finds the case's one row taken.
    if (isUniqueViolation(error)) throw new DomainError("stale_version");
    throw error;
  }
}
