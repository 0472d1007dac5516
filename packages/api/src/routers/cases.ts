import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  assignCareTeamInput,
  breakGlassInput,
  caseIdInput,
  createCaseInput,
  decideClosureInput,
  duplicateCheckInput,
  listCasesInput,
  recordConsentInput,
  reopenInput,
  requestClosureInput,
  statusChangeInput,
  updateCaseInput,
  withdrawConsentInput,
} from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { checkDuplicates, registerCase } from "../cases/intake";
import { getCaseHistory, getCaseOverview, revealIdentity } from "../cases/read";
import { listCases } from "../cases/list";
import { updateCase } from "../cases/update";
import { changeStatus, decideClosure, reopenCase, requestClosure } from "../cases/workflow";
import { assignCareTeam, breakGlass, careTeamCandidates, listBreakGlass, reviewBreakGlass } from "../cases/care-team";
import { recordConsent, withdrawConsent } from "../cases/consents";

// Access to each case is decided inside the services by requireCaseAccess() (one rule, in @lentera/domain).
export const casesRouter = {
  create: authedProcedure.input(createCaseInput).mutation(({ ctx, input }) => registerCase(ctx, input)),
  checkDuplicates: authedProcedure.input(duplicateCheckInput).query(({ ctx, input }) => checkDuplicates(ctx, input)),
  list: authedProcedure.input(listCasesInput).query(({ ctx, input }) => listCases(ctx, input)),
  byId: authedProcedure.input(caseIdInput).query(({ ctx, input }) => getCaseOverview(ctx, input.caseId)),
  revealIdentity: authedProcedure.input(caseIdInput).mutation(({ ctx, input }) => revealIdentity(ctx, input.caseId)),
  history: authedProcedure.input(caseIdInput).query(({ ctx, input }) => getCaseHistory(ctx, input.caseId)),
  update: authedProcedure.input(updateCaseInput).mutation(({ ctx, input }) => updateCase(ctx, input)),
  changeStatus: authedProcedure.input(statusChangeInput).mutation(({ ctx, input }) => changeStatus(ctx, input)),
  requestClosure: authedProcedure.input(requestClosureInput).mutation(({ ctx, input }) => requestClosure(ctx, input)),
  decideClosure: authedProcedure.input(decideClosureInput).mutation(({ ctx, input }) => decideClosure(ctx, input)),
  reopen: authedProcedure.input(reopenInput).mutation(({ ctx, input }) => reopenCase(ctx, input)),
  careTeamCandidates: authedProcedure.input(caseIdInput).query(({ ctx, input }) => careTeamCandidates(ctx, input.caseId)),
  assignCareTeam: authedProcedure.input(assignCareTeamInput).mutation(({ ctx, input }) => assignCareTeam(ctx, input)),
  breakGlass: authedProcedure.input(breakGlassInput).mutation(({ ctx, input }) => breakGlass(ctx, input)),
  breakGlassList: authedProcedure
    .input(z.object({ unreviewedOnly: z.boolean().default(false) }))
    .query(({ ctx, input }) => listBreakGlass(ctx, input)),
  reviewBreakGlass: authedProcedure
    .input(z.object({ grantId: z.uuid() }))
    .mutation(({ ctx, input }) => reviewBreakGlass(ctx, input.grantId)),
  consents: {
    record: authedProcedure.input(recordConsentInput).mutation(({ ctx, input }) => recordConsent(ctx, input)),
    withdraw: authedProcedure.input(withdrawConsentInput).mutation(({ ctx, input }) => withdrawConsent(ctx, input)),
  },
} satisfies TRPCRouterRecord;
