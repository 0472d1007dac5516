import { authedProcedure, createTRPCRouter } from "./trpc";
import { authRouter } from "./routers/auth";
import { adminRouter } from "./routers/admin";
import { casesRouter } from "./routers/cases";
import { plansRouter } from "./routers/plans";
import { outcomesRouter } from "./routers/outcomes";
import { partnersRouter } from "./routers/partners";
import { appointmentsRouter } from "./routers/appointments";
import { sessionsRouter } from "./routers/sessions";
import { supervisionRouter } from "./routers/supervision";
import { notificationsRouter } from "./routers/notifications";
import { milestonesRouter } from "./routers/milestones";
import { timelineRouter } from "./routers/timeline";
import { myWorkRouter } from "./routers/my-work";
import { followUpsRouter } from "./routers/follow-ups";
import { dashboardRouter } from "./routers/dashboard";
import { referralsRouter } from "./routers/referrals";
import { onlineHarmRouter } from "./routers/online-harm";
import { adminRetentionRouter, dataRightsRouter } from "./routers/data-rights";
import { auditRouter } from "./routers/audit";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  admin: { ...adminRouter, retention: adminRetentionRouter },
  cases: casesRouter,
  plans: plansRouter,
  outcomes: outcomesRouter,
  partners: partnersRouter,
  appointments: appointmentsRouter,
  sessions: sessionsRouter,
  supervision: supervisionRouter,
  notifications: notificationsRouter,
  milestones: milestonesRouter,
  timeline: timelineRouter,
  myWork: myWorkRouter,
  followUps: followUpsRouter,
  dashboard: dashboardRouter,
  referrals: referralsRouter,
  onlineHarm: onlineHarmRouter,
  dataRights: dataRightsRouter,
  audit: auditRouter,
  system: {
    /** Signed in and nothing else: the benchmark's measure of the framework's own cost. */
    ping: authedProcedure.query(() => ({ ok: true as const })),
  },
});

export type AppRouter = typeof appRouter;
