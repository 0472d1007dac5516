import { DomainError, mustUseTwoFactor, type SessionStage, type SignInInput } from "@lentera/domain";
import { agencies, eq, sql, users, type Executor } from "@lentera/db";
import type { Context } from "../context";
import { recordAudit } from "../audit";
import { timingDummyHash, verifyPassword } from "./passwords";
import { createSession } from "./sessions";

type FailureReason = "unknown_email" | "wrong_password" | "inactive" | "locked";

/**
 * Signs a user in. Every failure gives the same answer after about the same work (one argon2
 * verification), so the answer does not reveal whether an email has an account or is locked.
 * The right password opens a session of a stage: `second_factor` when the user has two-factor
 * sign-in, `enrollment` when they must have it and do not yet, else `complete`.
 */
export async function signIn(ctx: Context, input: SignInInput): Promise<{ userId: string; stage: SessionStage }> {
  const now = ctx.clock();
  const [user] = await ctx.db
    .select({
      id: users.id,
      agencyId: users.agencyId,
      passwordHash: users.passwordHash,
      active: users.active,
      lockedUntil: users.lockedUntil,
      roles: users.roles,
      totpEnabledAt: users.totpEnabledAt,
      requireTwoFactor: agencies.requireTwoFactor,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.email, input.email));

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  const reason: FailureReason | null = !user
    ? "unknown_email"
    : !user.active
      ? "inactive"
      : user.lockedUntil && user.lockedUntil > now
        ? "locked"
        : passwordOk
          ? null
          : "wrong_password";

  const outcome = await ctx.db.transaction(async (tx) => {
    const actor = { userId: user?.id ?? null, agencyId: user?.agencyId ?? null };
    if (!user || reason) {
      const details: Record<string, unknown> = { reason };
      if (user && reason === "wrong_password") await countFailedAttempt(tx, ctx, { id: user.id, agencyId: user.agencyId });
      await recordAudit(tx, ctx, actor, {
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        details,
      });
      return null;
    }
    const stage: SessionStage = user.totpEnabledAt
      ? "second_factor"
      : mustUseTwoFactor(user.roles, user.requireTwoFactor)
        ? "enrollment"
        : "complete";
    // The failure count is reset only by a complete sign-in: with a second factor to pass, the
    // password alone must not wipe the count of wrong codes (or guesses could go on forever).
    await tx
      .update(users)
      .set(stage === "second_factor" ? { lastSignInAt: now } : { failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, ctx, user.id, stage);
    await recordAudit(tx, ctx, actor, {
      action: stage === "second_factor" ? "auth.password_accepted" : "auth.signed_in",
      entityType: "user",
      entityId: user.id,
      ...(stage === "complete" ? {} : { details: { stage } }),
    });
    return { userId: user.id, session, stage };
  });

  if (!outcome) throw new DomainError("invalid_credentials");
  ctx.cookies.set(outcome.session.token, outcome.session.expiresAt);
  return { userId: outcome.userId, stage: outcome.stage };
}

/**
 * Counts one wrong password or code toward the lockout, atomically (parallel guesses cannot slip
 * past the limit), and audits the lockout when this failure starts it.
 */
export async function countFailedAttempt(
  tx: Executor,
  ctx: Pick<Context, "settings" | "clock" | "requestId" | "ip">,
  user: { id: string; agencyId: string },
): Promise<void> {
  const lockUntil = new Date(ctx.clock().getTime() + ctx.settings.lockoutMinutes * 60_000);
  const [counted] = await tx
    .update(users)
    .set({
      failedSignIns: sql`case when ${users.failedSignIns} + 1 >= ${ctx.settings.lockoutAttempts} then 0 else ${users.failedSignIns} + 1 end`,
      lockedUntil: sql`case when ${users.failedSignIns} + 1 >= ${ctx.settings.lockoutAttempts} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, user.id))
    .returning({ lockedUntil: users.lockedUntil, failedSignIns: users.failedSignIns });
  // This failure locked the account (the count went back to 0 with the new end), not a later one.
  if (counted?.failedSignIns === 0 && counted.lockedUntil?.getTime() === lockUntil.getTime()) {
    await recordAudit(tx, ctx, { userId: user.id, agencyId: user.agencyId }, {
      action: "auth.locked_out",
      entityType: "user",
      entityId: user.id,
      details: { minutes: ctx.settings.lockoutMinutes },
    });
  }
}
