import { expect } from "vitest";
import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import type { Role } from "@lentera/domain";
import { makeUser } from "@lentera/db/testing";
import { hashPassword } from "../src/auth/passwords";
import type { TestApi } from "../src/testing";

export const PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

/** A user who signs in with PASSWORD. */
export async function userWithPassword(t: TestApi, agencyId: string, roles: Role[]) {
  passwordHash ??= hashPassword(PASSWORD);
  return makeUser(t.db, { agencyId, roles, passwordHash: await passwordHash });
}

/** Signs in through auth.signIn as a browser would: the answer's stage and the cookie it left. */
export async function signInWithPassword(t: TestApi, email: string) {
  const { api, jar } = t.caller();
  const answer = await api.auth.signIn({ email, password: PASSWORD });
  if (!jar.token) throw new Error("no session cookie");
  return { stage: answer.stage, token: jar.token, api: t.caller(jar.token).api };
}

/** The TOTP code of the test clock's current step (plus `offset` steps), as an authenticator app shows it. */
export function codeAt(t: TestApi, key: Uint8Array, offset = 0): string {
  const step = Math.floor(t.deps.clock().getTime() / 30_000) + offset;
  return generateHOTP(key, BigInt(step), 6);
}

/** A 6-digit code that matches none of the steps accepted now. */
export function wrongCodeAt(t: TestApi, key: Uint8Array): string {
  const valid = new Set([-1, 0, 1].map((offset) => codeAt(t, key, offset)));
  for (let n = 0; ; n++) {
    const candidate = String((Number(codeAt(t, key)) + 1 + n) % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

/**
 * Enrols a user through the API from the session `token` (enrolment or complete): the key read
 * back from the manual-entry text, the recovery codes, and the token that is now complete.
 */
export async function enrol(t: TestApi, token: string) {
  const { api, jar } = t.caller(token);
  const begun = await api.auth.twoFactor.beginEnrolment();
  const key = decodeBase32IgnorePadding(begun.manualKey.replace(/\s+/g, ""));
  const { recoveryCodes } = await api.auth.twoFactor.confirmEnrolment({ code: codeAt(t, key) });
  expect(recoveryCodes).toHaveLength(10);
  if (!jar.token) throw new Error("no session cookie after enrolment");
  // The next code must come from a later step: the one just used cannot be replayed.
  t.advanceClock(30_000);
  return { key, recoveryCodes, begun, token: jar.token };
}
