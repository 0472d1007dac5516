import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { partnerDetailsInput, updatePartnerInput } from "@lentera/domain";
import { authedProcedure, permittedProcedure } from "../trpc";
import {
  agencyOptionSchema,
  createPartner,
  listPartners,
  listPartnersInput,
  otherAgencies,
  partnerSchema,
  updatePartner,
} from "../partners/directory";

export const partnersRouter = {
  /** Every signed-in user of the agency: the directory is organization data, not client data. */
  list: authedProcedure
    .input(listPartnersInput)
    .output(z.array(partnerSchema))
    .query(({ ctx, input }) => listPartners(ctx, input)),
  create: permittedProcedure("partners.manage")
    .input(partnerDetailsInput)
    .output(partnerSchema)
    .mutation(({ ctx, input }) => createPartner(ctx, input)),
  update: permittedProcedure("partners.manage")
    .input(updatePartnerInput)
    .output(partnerSchema)
    .mutation(({ ctx, input }) => updatePartner(ctx, input)),
  /** The other agencies of this installation, to link a partner to. */
  agencies: permittedProcedure("partners.manage")
    .output(z.array(agencyOptionSchema))
    .query(({ ctx }) => otherAgencies(ctx)),
} satisfies TRPCRouterRecord;
