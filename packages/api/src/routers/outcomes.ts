import type { TRPCRouterRecord } from "@trpc/server";
import { caseIdInput, completeAssessmentInput, createInstrumentInput, saveAssessmentInput } from "@lentera/domain";
import { authedProcedure, permittedProcedure } from "../trpc";
import { createInstrument, listInstruments } from "../outcomes/instruments";
import { completeAssessment, listAssessments, saveAssessment } from "../outcomes/assessments";

export const outcomesRouter = {
  instruments: authedProcedure.query(({ ctx }) => listInstruments(ctx)),
  createInstrument: permittedProcedure("settings.manage")
    .input(createInstrumentInput)
    .mutation(({ ctx, input }) => createInstrument(ctx, input.definition)),
  byCase: authedProcedure.input(caseIdInput).query(({ ctx, input }) => listAssessments(ctx, input.caseId)),
  save: authedProcedure.input(saveAssessmentInput).mutation(({ ctx, input }) => saveAssessment(ctx, input)),
  complete: authedProcedure.input(completeAssessmentInput).mutation(({ ctx, input }) => completeAssessment(ctx, input)),
} satisfies TRPCRouterRecord;
