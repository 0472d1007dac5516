import { DomainError, type SignInInput } from "@lentera/domain";
import { eq, sql, users } from "@lentera/db";
import type { Context } from "../context";
import { recordAudit } from "../audit";
import { timingDummyHash, verifyPassword } from "./passwords";
import { createSession } from "./sessions";

type FailureReason = "unknown_email" | "wrong_password" | "inactive" | "locked";

/**
 * Signs a user in. Every failure gives the same answer after about the same work (one argon2
 * verification), so the answer does not reveal whether an email has an account or is locked.
 */
export async function signIn(ctx: Context, input: SignInInput): Promise<{ userId: string }> {
  const now = ctx.clock();
  const [user] = await ctx.db
    .select({
      id: users.id,
      agencyId: users.agencyId,
      passwordHash: users.passwordHash,
      active: users.active,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
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
      if (user && reason === "wrong_password") {
        // Counted atomically: parallel guesses cannot slip past the limit.
        const lockUntil = new Date(now.getTime() + ctx.settings.lockoutMinutes * 60_000);
        const [counted] = await tx
          .update(users)
          .set({
            failedSignIns: sql`case when ${users.failedSignIns} + 1 >= ${ctx.settings.lockoutAttempts} then 0 else ${users.failedSignIns} + 1 end`,
            lockedUntil: sql`case when ${users.failedSignIns} + 1 >= ${ctx.settings.lockoutAttempts} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
          })
          .where(eq(users.id, user.id))
          .returning({ lockedUntil: users.lockedUntil });
        if (counted?.lockedUntil && counted.lockedUntil.getTime() === lockUntil.getTime()) {
          await recordAudit(tx, ctx, actor, {
            action: "auth.locked_out",
            entityType: "user",
            entityId: user.id,
            details: { minutes: ctx.settings.lockoutMinutes },
          });
        }
      }
      await recordAudit(tx, ctx, actor, {
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        details,
      });
      return null;
    }
    await tx
      .update(users)
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, ctx, user.id);
    await recordAudit(tx, ctx, actor, { action: "auth.signed_in", entityType: "user", entityId: user.id });
    return { userId: user.id, session };
  });

  if (!outcome) throw new DomainError("invalid_credentials");
  ctx.cookies.set(outcome.session.token, outcome.session.expiresAt);
  return { userId: outcome.userId };
}
