import type { TRPCRouterRecord } from "@trpc/server";
import { dashboardReach, signInInput, updatePreferencesInput } from "@lentera/domain";
import { agencies, asc, eq, teamMemberships, teams, users } from "@lentera/db";
import { authedProcedure, publicProcedure } from "../trpc";
import { signIn } from "../auth/sign-in";
import { deleteSession } from "../auth/sessions";
import { diffFields, recordAudit } from "../audit";
import { supervisedTeams } from "../sessions/queue";

export const authRouter = {
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    await signIn(ctx, input);
    return { ok: true as const };
  }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
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

  /** The signed-in user and their teams; UNAUTHORIZED for an anonymous caller. */
  me: authedProcedure.query(async ({ ctx }) => {
    const myTeams = await ctx.db
      .select({ id: teams.id, name: teams.name })
      .from(teamMemberships)
      .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
      .where(eq(teamMemberships.userId, ctx.user.id))
      .orderBy(asc(teams.name));
    const [agency] = await ctx.db.select({ agencyWideRoles: agencies.agencyWideDashboardRoles }).from(agencies).where(eq(agencies.id, ctx.user.agencyId));
    // Which dashboard the navigation offers: the agency's (a granted role), the supervised teams', or none.
    const reach = dashboardReach(ctx.user, agency?.agencyWideRoles ?? []);
    const dashboard = reach === "agency" ? reach : reach === "teams" && supervisedTeams(ctx).length > 0 ? reach : null;
    return { ...ctx.user, teams: myTeams, dashboard };
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
