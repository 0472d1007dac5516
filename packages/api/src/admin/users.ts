import type { z } from "zod";
import { DomainError, type createUserInput, type updateUserInput } from "@lentera/domain";
import { and, asc, eq, inArray, teamMemberships, teams, users, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { createdFields, diffFields, recordAudit } from "../audit";
import { isUniqueViolation } from "../errors";
import { hashPassword } from "../auth/passwords";
import { assertPasswordAllowed } from "../auth/password-policy";
import { deleteUserSessions } from "../auth/sessions";

const actorOf = (ctx: AuthedContext) => ({ userId: ctx.user.id, agencyId: ctx.user.agencyId });

/** The agency's users with their team ids; never password hashes. */
export async function listUsers(ctx: AuthedContext) {
  const rows = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      roles: users.roles,
      locale: users.locale,
      active: users.active,
      lockedUntil: users.lockedUntil,
      lastSignInAt: users.lastSignInAt,
      version: users.version,
    })
    .from(users)
    .where(eq(users.agencyId, ctx.user.agencyId))
    .orderBy(asc(users.displayName));
  const memberships = await ctx.db
    .select({ userId: teamMemberships.userId, teamId: teamMemberships.teamId })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(eq(teams.agencyId, ctx.user.agencyId));
  return rows.map((row) => ({
    ...row,
    teamIds: memberships.filter((m) => m.userId === row.id).map((m) => m.teamId),
  }));
}

/** Refuses team ids that are not the caller's agency's. */
async function assertOwnTeams(executor: Executor, agencyId: string, teamIds: string[]) {
  if (teamIds.length === 0) return;
  const found = await executor
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.agencyId, agencyId), inArray(teams.id, teamIds)));
  if (found.length !== new Set(teamIds).size) throw new DomainError("invalid_input", "unknown_team");
}

export async function createUser(ctx: AuthedContext, input: z.output<typeof createUserInput>) {
  assertPasswordAllowed(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertOwnTeams(tx, ctx.user.agencyId, input.teamIds);
      const [created] = await tx
        .insert(users)
        .values({
          agencyId: ctx.user.agencyId,
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          roles: input.roles,
          locale: input.locale,
        })
        .returning({ id: users.id, version: users.version });
      if (!created) throw new Error("insert returned no row");
      if (input.teamIds.length > 0) {
        await tx.insert(teamMemberships).values(input.teamIds.map((teamId) => ({ teamId, userId: created.id })));
      }
      await recordAudit(tx, ctx, actorOf(ctx), {
        action: "user.created",
        entityType: "user",
        entityId: created.id,
        changes: createdFields({
          email: input.email,
          displayName: input.displayName,
          roles: input.roles,
          teamIds: input.teamIds,
          locale: input.locale,
        }),
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "email_taken");
    throw error;
  }
}

async function lockUserForUpdate(executor: Executor, ctx: AuthedContext, userId: string, version: number) {
  const [current] = await executor
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      active: users.active,
      version: users.version,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.agencyId, ctx.user.agencyId)))
    .for("update");
  if (!current) throw new DomainError("not_found");
  if (current.version !== version) throw new DomainError("stale_version");
  const currentTeams = await executor
    .select({ teamId: teamMemberships.teamId })
    .from(teamMemberships)
    .where(eq(teamMemberships.userId, userId));
  return { ...current, teamIds: currentTeams.map((row) => row.teamId) };
}

export async function updateUser(ctx: AuthedContext, input: z.output<typeof updateUserInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await lockUserForUpdate(tx, ctx, input.userId, input.version);
    if (input.roles && input.userId === ctx.user.id && !input.roles.includes("admin")) {
      // Nobody removes their own administrator role: the agency could be left without one.
      throw new DomainError("invalid_input", "cannot_demote_self");
    }
    const changes = diffFields(current, {
      displayName: input.displayName,
      roles: input.roles,
      teamIds: input.teamIds,
    });
    if (input.teamIds) {
      await assertOwnTeams(tx, ctx.user.agencyId, input.teamIds);
      await tx.delete(teamMemberships).where(eq(teamMemberships.userId, input.userId));
      if (input.teamIds.length > 0) {
        await tx.insert(teamMemberships).values(input.teamIds.map((teamId) => ({ teamId, userId: input.userId })));
      }
    }
    const [updated] = await tx
      .update(users)
      .set({
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.roles !== undefined ? { roles: input.roles } : {}),
        updatedAt: ctx.clock(),
        version: current.version + 1,
      })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, version: users.version });
    // A changed role takes effect at once: the user signs in again with the new one.
    if (changes.roles) await deleteUserSessions(tx, input.userId);
    await recordAudit(tx, ctx, actorOf(ctx), {
      action: "user.updated",
      entityType: "user",
      entityId: input.userId,
      changes,
    });
    return updated;
  });
}

export async function setUserActive(
  ctx: AuthedContext,
  input: { userId: string; version: number },
  active: boolean,
) {
  if (!active && input.userId === ctx.user.id) throw new DomainError("invalid_input", "cannot_deactivate_self");
  return ctx.db.transaction(async (tx) => {
    const current = await lockUserForUpdate(tx, ctx, input.userId, input.version);
    const [updated] = await tx
      .update(users)
      .set({ active, failedSignIns: 0, lockedUntil: null, updatedAt: ctx.clock(), version: current.version + 1 })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, version: users.version, active: users.active });
    if (!active) await deleteUserSessions(tx, input.userId);
    await recordAudit(tx, ctx, actorOf(ctx), {
      action: active ? "user.reactivated" : "user.deactivated",
      entityType: "user",
      entityId: input.userId,
      changes: diffFields({ active: current.active }, { active }),
    });
    return updated;
  });
}
