import type { TRPCRouterRecord } from "@trpc/server";
import { createPartnerInput } from "@lentera/domain";
import { authedProcedure, permittedProcedure } from "../trpc";
import { createPartner, listPartners } from "../partners/directory";

export const partnersRouter = {
  list: authedProcedure.query(({ ctx }) => listPartners(ctx)),
  create: permittedProcedure("partners.manage").input(createPartnerInput).mutation(({ ctx, input }) => createPartner(ctx, input)),
} satisfies TRPCRouterRecord;
