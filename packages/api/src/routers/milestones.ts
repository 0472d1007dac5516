import type { TRPCRouterRecord } from "@trpc/server";
import {
  addCatalogEntryInput,
  addMilestoneInput,
  caseIdInput,
  caseMilestonesSchema,
  changeMilestoneStatusInput,
  milestoneCatalogEntrySchema,
  milestoneCatalogSchema,
  milestoneSchema,
  updateMilestoneInput,
  verifyMilestoneInput,
} from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { addCatalogEntry, milestoneCatalogFor } from "../milestones/catalog";
import { caseMilestonesFor } from "../milestones/read";
import { addMilestone, changeMilestoneStatus, updateMilestone } from "../milestones/track";
import { verifyMilestone } from "../milestones/verify";

// Access to each case is decided inside the services by requireCaseAccess() (one rule, in
// @lentera/domain). Every answer goes through its output schema.
export const milestonesRouter = {
  catalog: authedProcedure.output(milestoneCatalogSchema).query(({ ctx }) => milestoneCatalogFor(ctx)),
  addCatalogEntry: authedProcedure
    .input(addCatalogEntryInput)
    .output(milestoneCatalogEntrySchema)
    .mutation(({ ctx, input }) => addCatalogEntry(ctx, input)),
  byCase: authedProcedure
    .input(caseIdInput)
    .output(caseMilestonesSchema)
    .query(({ ctx, input }) => caseMilestonesFor(ctx, input.caseId)),
  add: authedProcedure
    .input(addMilestoneInput)
    .output(milestoneSchema)
    .mutation(({ ctx, input }) => addMilestone(ctx, input)),
  update: authedProcedure
    .input(updateMilestoneInput)
    .output(milestoneSchema)
    .mutation(({ ctx, input }) => updateMilestone(ctx, input)),
  changeStatus: authedProcedure
    .input(changeMilestoneStatusInput)
    .output(milestoneSchema)
    .mutation(({ ctx, input }) => changeMilestoneStatus(ctx, input)),
  verify: authedProcedure
    .input(verifyMilestoneInput)
    .output(milestoneSchema)
    .mutation(({ ctx, input }) => verifyMilestone(ctx, input)),
} satisfies TRPCRouterRecord;
