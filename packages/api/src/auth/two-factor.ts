import { DomainError, mustUseTwoFactor, type DomainErrorCode } from "@lentera/domain";
import { agencies, and, eq, isNull, recoveryCodes, sql, users, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { keepDespiteRefusal } from "../db-scope";
import { countFailedAttempt } from "./sign-in";
import { rotateSession } from "./sessions";
import {
  describeEnrolmentKey,
  hashRecoveryCode,
  looksLikeTotpCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpKey,
  openTotpKey,
  sealTotpKey,
} from "./totp";

type Tx = Executor;
type TwoFactorUser = Awaited<ReturnType<typeof lockTwoFactorUser>>;

const actorOf = (ctx: AuthedContext) => ({ userId: ctx.user.id, agencyId: ctx.user.agencyId });

/** The user's two-factor state, locked: codes of one user are checked one at a time. */
async function lockTwoFactorUser(tx: Tx, userId: string) {
  const [row] = await tx
    .select({
      id: users.id,
      agencyId: users.agencyId,
      email: users.email,
      roles: users.roles,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!row) throw new DomainError("not_found");
  return row;
}

async function agencyRequiresTwoFactor(executor: Executor, agencyId: string): Promise<boolean> {
  const [agency] = await executor.select({ requireTwoFactor: agencies.requireTwoFactor }).from(agencies).where(eq(agencies.id, agencyId));
  return agency?.requireTwoFactor ?? true;
}

/**
 * Accepts a TOTP code once (the step must be later than the last one accepted: a code seen over a
 * shoulder cannot be replayed) or an unused recovery code once. Null when neither.
 */
async function acceptCode(tx: Tx, ctx: AuthedContext, user: TwoFactorUser, code: string): Promise<"totp" | "recovery" | null> {
  if (!user.totpEnabledAt || !user.totpSecret) return null;
  if (looksLikeTotpCode(code)) {
    const step = matchTotpStep(openTotpKey(ctx.keyring, user.totpSecret, user.id), code.replace(/\s+/g, ""), ctx.clock());
    if (step === null) return null;
    const [accepted] = await tx
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
      .returning({ id: users.id });
    return accepted ? "totp" : null;
  }
  const [used] = await tx
    .update(recoveryCodes)
    .set({ usedAt: ctx.clock() })
    .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used ? "recovery" : null;
}

/**
 * Runs `onValid` when the code is right; a wrong code (or any code while the account is locked)
 * counts toward the same lockout as a wrong password and is audited, never with the code. The
 * user's row stays locked until the count is written, so parallel guesses are checked one by one.
 * `scoped`: called inside an authed procedure, whose request transaction rolls back with the
 * refusal; the count and its audit event are then kept all the same (db-scope.ts).
 */
async function withCurrentCode<T>(
  ctx: AuthedContext,
  code: string,
  refusal: { action: string; error: DomainErrorCode; scoped: boolean },
  onValid: (tx: Tx, user: TwoFactorUser, method: "totp" | "recovery") => Promise<T>,
): Promise<T> {
  const recordRefusal = async (tx: Tx, user: TwoFactorUser, locked: boolean) => {
    if (!locked) await countFailedAttempt(tx, ctx, user);
    await recordAudit(tx, ctx, actorOf(ctx), {
      action: refusal.action,
      entityType: "user",
      entityId: user.id,
      details: { reason: locked ? "locked" : "wrong_code" },
    });
  };
  const result = await ctx.db.transaction(async (tx) => {
    const user = await lockTwoFactorUser(tx, ctx.user.id);
    if (!user.totpEnabledAt) throw new DomainError("invalid_input", "two_factor_not_enabled");
    const locked = user.lockedUntil !== null && user.lockedUntil > ctx.clock();
    const method = locked ? null : await acceptCode(tx, ctx, user, code);
    if (!method) {
      if (!refusal.scoped) await recordRefusal(tx, user, locked);
      return { ok: false as const, locked, user };
    }
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    return { ok: true as const, value: await onValid(tx, user, method) };
  });
  if (!result.ok) {
    // Scoped, ctx.db is the request's transaction, which still holds the row lock.
    const { user, locked } = result;
    if (refusal.scoped) await keepDespiteRefusal(ctx.db, (db) => db.transaction((tx) => recordRefusal(tx, user, locked)));
    throw new DomainError(refusal.error, "invalid_code");
  }
  return result.value;
}

async function unusedRecoveryCodes(executor: Executor, userId: string): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.count ?? 0;
}

/** Replaces the user's recovery codes by new ones; only their hashes are kept, the codes are returned once. */
async function replaceRecoveryCodes(tx: Tx, ctx: AuthedContext, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: ctx.clock() })));
  return codes;
}

/** The second step of sign-in: on success the session becomes complete under a new token. */
export async function verifySecondFactor(ctx: AuthedContext, input: { code: string }) {
  const { session, method } = await withCurrentCode(
    ctx,
    input.code,
    { action: "auth.second_factor_failed", error: "invalid_credentials", scoped: false },
    async (tx, user, method) => {
      const rotated = await rotateSession(tx, ctx, ctx.sessionTokenHash, user.id, "complete");
      await recordAudit(tx, ctx, actorOf(ctx), {
        action: "auth.signed_in",
        entityType: "user",
        entityId: user.id,
        details: { secondFactor: method, ...(method === "recovery" ? { recoveryCodesLeft: await unusedRecoveryCodes(tx, user.id) } : {}) },
      });
      return { session: rotated, method };
    },
  );
  ctx.cookies.set(session.token, session.expiresAt);
  return { ok: true as const, method };
}

export async function twoFactorStatus(ctx: AuthedContext) {
  const [row] = await ctx.db.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, ctx.user.id));
  const required = mustUseTwoFactor(ctx.user.roles, await agencyRequiresTwoFactor(ctx.db, ctx.user.agencyId));
  return {
    enabled: Boolean(row?.totpEnabledAt),
    enabledAt: row?.totpEnabledAt ?? null,
    required,
    recoveryCodesLeft: row?.totpEnabledAt ? await unusedRecoveryCodes(ctx.db, ctx.user.id) : 0,
  };
}

/** Starts enrolment: a new pending key (replacing any earlier pending one), shown once as a QR code and as text. */
export async function beginEnrolment(ctx: AuthedContext) {
  const key = newTotpKey();
  const email = await ctx.db.transaction(async (tx) => {
    const user = await lockTwoFactorUser(tx, ctx.user.id);
    if (user.totpEnabledAt) throw new DomainError("conflict", "two_factor_enabled");
    await tx
      .update(users)
      .set({ totpSecret: sealTotpKey(ctx.keyring, key, user.id), totpLastStep: null, updatedAt: ctx.clock() })
      .where(eq(users.id, user.id));
    await recordAudit(tx, ctx, actorOf(ctx), { action: "auth.two_factor_enrolment_started", entityType: "user", entityId: user.id });
    return user.email;
  });
  return describeEnrolmentKey(key, email);
}

/**
 * Confirms enrolment with a first code from the app: two-factor is on, the recovery codes are
 * returned once, and an enrolment session becomes complete under a new token.
 */
export async function confirmEnrolment(ctx: AuthedContext, input: { code: string }) {
  const outcome = await ctx.db.transaction(async (tx) => {
    const user = await lockTwoFactorUser(tx, ctx.user.id);
    if (user.totpEnabledAt) throw new DomainError("conflict", "two_factor_enabled");
    if (!user.totpSecret) throw new DomainError("invalid_input", "no_pending_enrolment");
    const step = matchTotpStep(openTotpKey(ctx.keyring, user.totpSecret, user.id), input.code, ctx.clock());
    if (step === null) throw new DomainError("invalid_input", "invalid_code");
    await tx
      .update(users)
      .set({ totpEnabledAt: ctx.clock(), totpLastStep: step, failedSignIns: 0, lockedUntil: null, updatedAt: ctx.clock() })
      .where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, ctx, user.id);
    const session = ctx.sessionStage !== "enrollment" ? null : await rotateSession(tx, ctx, ctx.sessionTokenHash, user.id, "complete");
    await recordAudit(tx, ctx, actorOf(ctx), { action: "auth.two_factor_enabled", entityType: "user", entityId: user.id });
    return { codes, session };
  });
  if (outcome.session) ctx.cookies.set(outcome.session.token, outcome.session.expiresAt);
  return { recoveryCodes: outcome.codes };
}

/** New recovery codes for a current code; the old ones stop working. */
export async function regenerateRecoveryCodes(ctx: AuthedContext, input: { code: string }) {
  const codes = await withCurrentCode(ctx, input.code, { action: "auth.code_refused", error: "invalid_input", scoped: true }, async (tx, user) => {
    const replaced = await replaceRecoveryCodes(tx, ctx, user.id);
    await recordAudit(tx, ctx, actorOf(ctx), { action: "auth.recovery_codes_regenerated", entityType: "user", entityId: user.id });
    return replaced;
  });
  return { recoveryCodes: codes };
}

/** Turns two-factor sign-in off, for a current code, unless the user's role and agency require it. */
export async function disableTwoFactor(ctx: AuthedContext, input: { code: string }) {
  if (mustUseTwoFactor(ctx.user.roles, await agencyRequiresTwoFactor(ctx.db, ctx.user.agencyId))) {
    throw new DomainError("forbidden", "two_factor_required");
  }
  await withCurrentCode(ctx, input.code, { action: "auth.code_refused", error: "invalid_input", scoped: true }, async (tx, user) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: ctx.clock() })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAudit(tx, ctx, actorOf(ctx), { action: "auth.two_factor_disabled", entityType: "user", entityId: user.id });
  });
  return { ok: true as const };
}
