import type { TRPCRouterRecord } from "@trpc/server";
import {
  caseIdInput,
  caseOnlineHarmSchema,
  evidenceEntrySchema,
  harmItemSchema,
  legalProcessSavedSchema,
  onlineHarmCountsSchema,
  recordEvidenceInput,
  recordHarmItemInput,
  requestTakedownInput,
  saveLegalProcessInput,
  takedownChangeSchema,
  updateTakedownInput,
} from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { caseOnlineHarm, onlineHarmCounts } from "../online-harm/read";
import { recordItem } from "../online-harm/items";
import { requestTakedown, updateTakedown } from "../online-harm/takedowns";
import { recordEvidence } from "../online-harm/evidence";
import { saveLegalProcess } from "../online-harm/legal";

// The online-harm record of a case: items found online, takedown requests, the evidence log and the
// legal process. Care team only (requireHarmAccess), except `counts`, which anyone who may read the
// case gets. Every answer goes through its output schema.
export const onlineHarmRouter = {
  byCase: authedProcedure
    .input(caseIdInput)
    .output(caseOnlineHarmSchema)
    .query(({ ctx, input }) => caseOnlineHarm(ctx, input.caseId)),
  counts: authedProcedure
    .input(caseIdInput)
    .output(onlineHarmCountsSchema)
    .query(({ ctx, input }) => onlineHarmCounts(ctx, input.caseId)),
  recordItem: authedProcedure
    .input(recordHarmItemInput)
    .output(harmItemSchema)
    .mutation(({ ctx, input }) => recordItem(ctx, input)),
  requestTakedown: authedProcedure
    .input(requestTakedownInput)
    .output(takedownChangeSchema)
    .mutation(({ ctx, input }) => requestTakedown(ctx, input)),
  updateTakedown: authedProcedure
    .input(updateTakedownInput)
    .output(takedownChangeSchema)
    .mutation(({ ctx, input }) => updateTakedown(ctx, input)),
  recordEvidence: authedProcedure
    .input(recordEvidenceInput)
    .output(evidenceEntrySchema)
    .mutation(({ ctx, input }) => recordEvidence(ctx, input)),
  saveLegalProcess: authedProcedure
    .input(saveLegalProcessInput)
    .output(legalProcessSavedSchema)
    .mutation(({ ctx, input }) => saveLegalProcess(ctx, input)),
} satisfies TRPCRouterRecord;
