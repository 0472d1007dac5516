import type { TRPCRouterRecord } from "@trpc/server";
import {
  confirmTwoFactorInput,
  currentCodeInput,
  dashboardReach,
  sessionIdInput,
  signInInput,
  updatePreferencesInput,
  verifySecondFactorInput,
} from "@lentera/domain";
import { agencies, asc, eq, teamMemberships, teams, users } from "@lentera/db";
import { anyStageProcedure, authedProcedure, enrollmentProcedure, publicProcedure, secondFactorProcedure } from "../trpc";
import { signIn } from "../auth/sign-in";
import { inDbScope } from "../db-scope";
import { deleteSession } from "../auth/sessions";
import { diffFields, recordAudit } from "../audit";
import { supervisedTeams } from "../sessions/queue";
import {
  beginEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  twoFactorStatus,
  verifySecondFactor,
} from "../auth/two-factor";
import { endMyOtherSessions, endMySession, listMySessions } from "../auth/session-list";

export const authRouter = {
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    // `stage`: complete, or the next step (a code, or enrolment) before the app opens.
    const { stage } = await signIn(ctx, input);
    return { ok: true as const, stage };
  }),

  /** The second step of sign-in: a TOTP code or a recovery code; the session becomes complete under a new token. */
  verifySecondFactor: secondFactorProcedure.input(verifySecondFactorInput).mutation(({ ctx, input }) => verifySecondFactor(ctx, input)),

  twoFactor: {
    status: authedProcedure.query(({ ctx }) => twoFactorStatus(ctx)),
    beginEnrolment: enrollmentProcedure.mutation(({ ctx }) => beginEnrolment(ctx)),
    confirmEnrolment: enrollmentProcedure.input(confirmTwoFactorInput).mutation(({ ctx, input }) => confirmEnrolment(ctx, input)),
    regenerateRecoveryCodes: authedProcedure.input(currentCodeInput).mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx, input)),
    disable: authedProcedure.input(currentCodeInput).mutation(({ ctx, input }) => disableTwoFactor(ctx, input)),
  },

  sessions: {
    list: authedProcedure.query(({ ctx }) => listMySessions(ctx)),
    end: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => endMySession(ctx, input)),
    endOthers: authedProcedure.mutation(({ ctx }) => endMyOtherSessions(ctx)),
  },

  // Any stage: a user waiting for a code or sent to enrolment can give up and sign out.
  signOut: anyStageProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction(async (tx) => {
      await deleteSession(tx, ctx.sessionTokenHash);
      await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
        action: "auth.signed_out",
        entityType: "user",
        entityId: ctx.user.id,
      });
    });
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  /**
   * The signed-in user and their teams; UNAUTHORIZED for an anonymous caller (or one still owing a
   * code). Also answers a session that must enrol, with `stage: "enrollment"`, so the web opens enrolment.
   */
  me: enrollmentProcedure.query(async ({ ctx }) => {
    // Teams are behind row-level security, and an enrolment-stage procedure runs outside the
    // request scope: read them in the user's scope (as the production login role sees them).
    const myTeams = await inDbScope(ctx.db, { agencyId: ctx.user.agencyId, userId: ctx.user.id, now: ctx.clock() }, (db) =>
      db
        .select({ id: teams.id, name: teams.name })
        .from(teamMemberships)
        .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
        .where(eq(teamMemberships.userId, ctx.user.id))
        .orderBy(asc(teams.name)),
    );
    const [agency] = await ctx.db.select({ agencyWideRoles: agencies.agencyWideDashboardRoles }).from(agencies).where(eq(agencies.id, ctx.user.agencyId));
    // Which dashboard the navigation offers: the agency's (a granted role), the supervised teams', or none.
    const reach = dashboardReach(ctx.user, agency?.agencyWideRoles ?? []);
    const dashboard = reach === "agency" ? reach : reach === "teams" && supervisedTeams(ctx).length > 0 ? reach : null;
    return { ...ctx.user, teams: myTeams, dashboard, stage: ctx.sessionStage ?? "complete" };
  }),

  updatePreferences: authedProcedure.input(updatePreferencesInput).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ locale: input.locale, updatedAt: ctx.clock() }).where(eq(users.id, ctx.user.id));
      await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
        action: "user.preferences_updated",
        entityType: "user",
        entityId: ctx.user.id,
        changes: diffFields({ locale: ctx.user.locale }, { locale: input.locale }),
      });
    });
    return { locale: input.locale };
  }),
} satisfies TRPCRouterRecord;
