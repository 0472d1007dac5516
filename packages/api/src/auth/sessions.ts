import { createHash, randomBytes } from "node:crypto";
import { and, eq, sessions, sql, teamMemberships, users, type Database, type Executor } from "@lentera/db";
import type { SessionStage } from "@lentera/domain";
import type { Context, SessionUser } from "../context";

// Writing last_seen_at on every request would make each read a write; once a minute is enough
// for a 30-minute idle timeout.
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A session that has only passed the password lives briefly: long enough to type a code, too short
 * to be worth stealing. Enrolment needs time to install an authenticator app.
 */
const STAGE_LIFETIME_MINUTES: Record<Exclude<SessionStage, "complete">, number> = {
  second_factor: 5,
  enrollment: 30,
};

export async function createSession(
  executor: Executor,
  ctx: Pick<Context, "settings" | "clock"> & { ip?: string | null; userAgent?: string | null },
  userId: string,
  stage: SessionStage = "complete",
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const now = ctx.clock();
  const lifetimeMs =
    stage === "complete" ? ctx.settings.sessionAbsoluteHours * 3_600_000 : STAGE_LIFETIME_MINUTES[stage] * 60_000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await executor.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    stage,
    ip: ctx.ip ?? null,
    // Only for the user's own list of sessions; a header can be any length.
    userAgent: ctx.userAgent?.slice(0, 400) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/**
 * Replaces a session by a new one of the given stage (a new token, the old row gone), so a token
 * seen before a stage was passed cannot be used after it.
 */
export async function rotateSession(
  executor: Executor,
  ctx: Pick<Context, "settings" | "clock" | "ip"> & { userAgent?: string | null },
  oldTokenHash: string,
  userId: string,
  stage: SessionStage,
): Promise<{ token: string; expiresAt: Date }> {
  await deleteSession(executor, oldTokenHash);
  return createSession(executor, ctx, userId, stage);
}

/**
 * The session lookup runs on every request, so it is built once per database as a named prepared
 * statement instead of being assembled by the query builder each time.
 */
function buildSessionLookup(db: Database) {
  return db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      sessionId: sessions.id,
      stage: sessions.stage,
      id: users.id,
      agencyId: users.agencyId,
      email: users.email,
      displayName: users.displayName,
      roles: users.roles,
      locale: users.locale,
      active: users.active,
      teamIds: sql<string[]>`array(select ${teamMemberships.teamId}::text from ${teamMemberships} where ${teamMemberships.userId} = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder("tokenHash")))
    .prepare("session_lookup");
}
const sessionLookups = new WeakMap<Database, ReturnType<typeof buildSessionLookup>>();
function sessionLookup(db: Database) {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = buildSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  return lookup;
}

/** The live session for a cookie token, or null when unknown, expired, idle too long or the user is inactive. */
export async function loadSession(
  ctx: Pick<Context, "db" | "settings" | "clock">,
  token: string,
): Promise<{ user: SessionUser; tokenHash: string; sessionId: string; stage: SessionStage } | null> {
  const tokenHash = hashToken(token);
  const [row] = await sessionLookup(ctx.db).execute({ tokenHash });
  if (!row) return null;
  const now = ctx.clock().getTime();
  const idleLimit = row.lastSeenAt.getTime() + ctx.settings.sessionIdleMinutes * 60_000;
  if (!row.active || now >= row.expiresAt.getTime() || now >= idleLimit) {
    await ctx.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await ctx.db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(and(eq(sessions.tokenHash, tokenHash)));
  }
  const { lastSeenAt: _seen, expiresAt: _expires, active: _active, sessionId, stage, ...user } = row;
  return { user, tokenHash, sessionId, stage };
}

export async function deleteSession(executor: Executor, tokenHash: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user (deactivation, role change). */
export async function deleteUserSessions(executor: Executor, userId: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.userId, userId));
}
