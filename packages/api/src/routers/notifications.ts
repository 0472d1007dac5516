import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { markNotificationsReadInput } from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { markNotificationsRead, myNotifications, myNotificationsSchema } from "../sessions/notifications";

// A user's own notifications only: both services filter on the caller's id.
export const notificationsRouter = {
  list: authedProcedure.output(myNotificationsSchema).query(({ ctx }) => myNotifications(ctx)),
  markRead: authedProcedure
    .input(markNotificationsReadInput)
    .output(z.object({ updated: z.number() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx, input)),
} satisfies TRPCRouterRecord;
