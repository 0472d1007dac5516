import { authedProcedure, createTRPCRouter } from "./trpc";
import { authRouter } from "./routers/auth";
import { adminRouter } from "./routers/admin";
import { casesRouter } from "./routers/cases";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  admin: adminRouter,
  cases: casesRouter,
  system: {
    /** Signed in and nothing else: the benchmark's measure of the framework's own cost. */
    ping: authedProcedure.query(() => ({ ok: true as const })),
  },
});

export type AppRouter = typeof appRouter;
