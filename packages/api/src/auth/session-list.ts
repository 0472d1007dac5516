import { DomainError } from "@lentera/domain";
import { and, desc, eq, gt, ne, sessions, users } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";

const actorOf = (ctx: AuthedContext) => ({ userId: ctx.user.id, agencyId: ctx.user.agencyId });

/** The caller's live sessions, most recently used first, the current one marked; never a token hash. */
export async function listMySessions(ctx: AuthedContext) {
  const now = ctx.clock();
  const idleSince = new Date(now.getTime() - ctx.settings.sessionIdleMinutes * 60_000);
  const rows = await ctx.db
    .select({
      id: sessions.id,
      stage: sessions.stage,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, ctx.user.id), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((row) => ({ ...row, current: row.id === ctx.sessionId }));
}

/** Ends one of the caller's own sessions by its public id; another user's id is simply not found. */
export async function endMySession(ctx: AuthedContext, input: { sessionId: string }) {
  // The current session ends by signing out, which also clears the cookie.
  if (input.sessionId === ctx.sessionId) throw new DomainError("invalid_input", "current_session");
  return ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, ctx.user.id)))
      .returning({ id: sessions.id });
    if (ended.length === 0) throw new DomainError("not_found");
    await recordAudit(tx, ctx, actorOf(ctx), {
      action: "auth.session_ended",
      entityType: "user",
      entityId: ctx.user.id,
      details: { sessionId: input.sessionId },
    });
    return { ended: ended.length };
  });
}

/** Ends every session of the caller but the current one. */
export async function endMyOtherSessions(ctx: AuthedContext) {
  return ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, ctx.user.id), ne(sessions.tokenHash, ctx.sessionTokenHash)))
      .returning({ id: sessions.id });
    await recordAudit(tx, ctx, actorOf(ctx), {
      action: "auth.other_sessions_ended",
      entityType: "user",
      entityId: ctx.user.id,
      details: { count: ended.length },
    });
    return { ended: ended.length };
  });
}

/** An administrator ends every session of a user of their own agency (a lost phone, a departure). */
export async function endUserSessions(ctx: AuthedContext, input: { userId: string }) {
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.agencyId, ctx.user.agencyId)));
    if (!user) throw new DomainError("not_found");
    const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    await recordAudit(tx, ctx, actorOf(ctx), {
      action: "user.sessions_ended",
      entityType: "user",
      entityId: user.id,
      details: { count: ended.length },
    });
    return { ended: ended.length };
  });
}
