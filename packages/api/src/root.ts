import { createTRPCRouter } from "./trpc";
import { authRouter } from "./routers/auth";
import { adminRouter } from "./routers/admin";
import { casesRouter } from "./routers/cases";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  admin: adminRouter,
  cases: casesRouter,
});

export type AppRouter = typeof appRouter;
