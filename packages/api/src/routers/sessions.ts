import type { TRPCRouterRecord } from "@trpc/server";
import {
  addAddendumInput,
  addendumSchema,
  caseIdInput,
  caseSessionsSchema,
  noteIdInput,
  noteRefInput,
  saveSessionNoteInput,
  screeningHistorySchema,
  SCREENING_INSTRUMENTS,
  sessionMetadataSchema,
  sessionNoteSchema,
  startSessionNoteInput,
} from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { caseSessions, getNote } from "../sessions/read";
import { startNote } from "../sessions/start";
import { saveNote } from "../sessions/save";
import { signNote } from "../sessions/sign";
import { discardNote } from "../sessions/discard";
import { addAddendum } from "../sessions/addenda";
import { screeningHistory } from "../sessions/history";

// Access is decided in the services (sessionAccess: one rule, in @lentera/domain). Every answer that
// carries a session goes through its output schema, which strips what that reader may not see.
export const sessionsRouter = {
  instruments: authedProcedure.query(() => SCREENING_INSTRUMENTS),
  byCase: authedProcedure
    .input(caseIdInput)
    .output(caseSessionsSchema)
    .query(({ ctx, input }) => caseSessions(ctx, input.caseId)),
  get: authedProcedure
    .input(noteIdInput)
    .output(sessionNoteSchema)
    .query(({ ctx, input }) => getNote(ctx, input.noteId)),
  start: authedProcedure.input(startSessionNoteInput).mutation(({ ctx, input }) => startNote(ctx, input)),
  save: authedProcedure.input(saveSessionNoteInput).mutation(({ ctx, input }) => saveNote(ctx, input)),
  sign: authedProcedure
    .input(noteRefInput)
    .output(sessionMetadataSchema)
    .mutation(({ ctx, input }) => signNote(ctx, input)),
  discard: authedProcedure.input(noteRefInput).mutation(({ ctx, input }) => discardNote(ctx, input)),
  addAddendum: authedProcedure
    .input(addAddendumInput)
    .output(addendumSchema)
    .mutation(({ ctx, input }) => addAddendum(ctx, input)),
  screeningHistory: authedProcedure
    .input(caseIdInput)
    .output(screeningHistorySchema)
    .query(({ ctx, input }) => screeningHistory(ctx, input.caseId)),
} satisfies TRPCRouterRecord;
