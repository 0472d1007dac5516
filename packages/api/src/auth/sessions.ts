import { createHash, randomBytes } from "node:crypto";
import { and, eq, sessions, sql, teamMemberships, users, type Database, type Executor } from "@lentera/db";
import type { Context, SessionUser } from "../context";

// Writing last_seen_at on every request would make each read a write; once a minute is enough
// for a 30-minute idle timeout.
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  executor: Executor,
  ctx: Pick<Context, "settings" | "clock">,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + ctx.settings.sessionAbsoluteHours * 3_600_000);
  await executor.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt };
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
): Promise<{ user: SessionUser; tokenHash: string } | null> {
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
  const { lastSeenAt: _seen, expiresAt: _expires, active: _active, ...user } = row;
  return { user, tokenHash };
}

export async function deleteSession(executor: Executor, tokenHash: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user (deactivation, role change). */
export async function deleteUserSessions(executor: Executor, userId: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.userId, userId));
}
