import { DomainError } from "@lentera/domain";
import { and, asc, count, eq, teamMemberships, teams } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { createdFields, diffFields, recordAudit } from "../audit";
import { isUniqueViolation } from "../errors";

const actorOf = (ctx: AuthedContext) => ({ userId: ctx.user.id, agencyId: ctx.user.agencyId });

export async function listTeams(ctx: AuthedContext) {
  return ctx.db
    .select({ id: teams.id, name: teams.name, version: teams.version, memberCount: count(teamMemberships.userId) })
    .from(teams)
    .leftJoin(teamMemberships, eq(teamMemberships.teamId, teams.id))
    .where(eq(teams.agencyId, ctx.user.agencyId))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
}

export async function createTeam(ctx: AuthedContext, input: { name: string }) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(teams)
        .values({ agencyId: ctx.user.agencyId, name: input.name })
        .returning({ id: teams.id, name: teams.name, version: teams.version });
      if (!created) throw new Error("insert returned no row");
      await recordAudit(tx, ctx, actorOf(ctx), {
        action: "team.created",
        entityType: "team",
        entityId: created.id,
        changes: createdFields({ name: input.name }),
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "team_name_taken");
    throw error;
  }
}

export async function renameTeam(ctx: AuthedContext, input: { teamId: string; version: number; name: string }) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [current] = await tx
        .select({ name: teams.name, version: teams.version })
        .from(teams)
        .where(and(eq(teams.id, input.teamId), eq(teams.agencyId, ctx.user.agencyId)))
        .for("update");
      if (!current) throw new DomainError("not_found");
      if (current.version !== input.version) throw new DomainError("stale_version");
      const [updated] = await tx
        .update(teams)
        .set({ name: input.name, updatedAt: ctx.clock(), version: current.version + 1 })
        .where(eq(teams.id, input.teamId))
        .returning({ id: teams.id, name: teams.name, version: teams.version });
      await recordAudit(tx, ctx, actorOf(ctx), {
        action: "team.renamed",
        entityType: "team",
        entityId: input.teamId,
        changes: diffFields({ name: current.name }, { name: input.name }),
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "team_name_taken");
    throw error;
  }
}
