import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { auditEvents, eq, sessions, users } from "@lentera/db";
import { makeAgency, makeUser } from "@lentera/db/testing";
import { hashPassword } from "../src/auth/passwords";
import { createTestApi, type TestApi } from "../src/testing";

const PASSWORD = "correct horse battery staple";
const MINUTE = 60_000;

let t: TestApi;
let agencyId: string;
let passwordHash: string;

beforeAll(async () => {
  t = await createTestApi();
  agencyId = (await makeAgency(t.db)).id;
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => t.close());

async function newUser() {
  return makeUser(t.db, { agencyId, roles: ["social_worker"], passwordHash });
}

async function signInError(email: string, password: string) {
  const error = await t.caller().api.auth.signIn({ email, password }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("auth.signIn", () => {
  it("signs in with the right password, sets the session cookie and audits it", async () => {
    const user = await newUser();
    const { api, jar } = t.caller();
    await expect(api.auth.signIn({ email: user.email.toUpperCase(), password: PASSWORD })).resolves.toEqual({ ok: true, stage: "complete" });
    expect(jar.token).toMatch(/^[\w-]{43}$/);
    const me = await t.caller(jar.token).api.auth.me();
    expect(me).toMatchObject({ id: user.id, email: user.email, roles: ["social_worker"] });
    expect((await t.auditFor(user.id)).map((e) => e.action)).toContain("auth.signed_in");
  });

  it("stores only a hash of the session token", async () => {
    const user = await newUser();
    const { api, jar } = t.caller();
    await api.auth.signIn({ email: user.email, password: PASSWORD });
    const stored = await t.db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toBe(jar.token);
  });

  it("stores the password as an argon2id hash", () => {
    expect(passwordHash.startsWith("$argon2id$")).toBe(true);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await newUser();
    const wrong = await signInError(user.email, "not the password");
    const unknown = await signInError("nobody-here@example.org", "not the password");
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);
    const failures = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_failed"));
    expect(failures.some((e) => e.entityId === null && e.details?.reason === "unknown_email")).toBe(true);
    // The audit trail never keeps a typed email or password.
    expect(JSON.stringify(failures)).not.toContain("nobody-here");
    expect(JSON.stringify(failures)).not.toContain("not the password");
  });

  it("refuses bad input with field errors and changes nothing", async () => {
    const error = await signInError("not-an-email", "");
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("locks an account after 5 failures for 15 minutes, then lets the right password in", async () => {
    const user = await newUser();
    for (let attempt = 0; attempt < 5; attempt++) await signInError(user.email, "wrong guess");
    // Locked: even the right password gets the same refusal as any failure.
    const locked = await signInError(user.email, PASSWORD);
    expect(locked.code).toBe("UNAUTHORIZED");
    const actions = (await t.auditFor(user.id)).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.locked_out")).toHaveLength(1);
    expect(actions.filter((a) => a === "auth.sign_in_failed")).toHaveLength(6);

    t.advanceClock(14 * MINUTE);
    await signInError(user.email, PASSWORD);
    t.advanceClock(2 * MINUTE);
    const { api, jar } = t.caller();
    await expect(api.auth.signIn({ email: user.email, password: PASSWORD })).resolves.toEqual({ ok: true, stage: "complete" });
    expect(jar.token).not.toBeNull();
    const [row] = await t.db.select({ failed: users.failedSignIns, lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
    expect(row).toEqual({ failed: 0, lockedUntil: null });
  });

  it("refuses a deactivated account with the same answer", async () => {
    const user = await newUser();
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const error = await signInError(user.email, PASSWORD);
    expect(error.code).toBe("UNAUTHORIZED");
  });
});

describe("sessions", () => {
  async function signedIn() {
    const user = await newUser();
    const { api, jar } = t.caller();
    await api.auth.signIn({ email: user.email, password: PASSWORD });
    if (!jar.token) throw new Error("no session cookie");
    return { user, token: jar.token };
  }

  it("answers UNAUTHORIZED to an anonymous caller of auth.me", async () => {
    await expect(t.caller().api.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(t.caller("forged-token").api.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("survives two idle minutes and ends after 30 idle minutes", async () => {
    const { token } = await signedIn();
    t.advanceClock(2 * MINUTE);
    await expect(t.caller(token).api.auth.me()).resolves.toBeDefined();
    t.advanceClock(30 * MINUTE);
    const { api, jar } = t.caller(token);
    await expect(api.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(jar.token).toBeNull();
  });

  it("ends 12 hours after sign-in however active the user is", async () => {
    const { token } = await signedIn();
    for (let hour = 0; hour < 11; hour++) {
      t.advanceClock(20 * MINUTE);
      await t.caller(token).api.auth.me();
      t.advanceClock(20 * MINUTE);
      await t.caller(token).api.auth.me();
      t.advanceClock(20 * MINUTE);
      await t.caller(token).api.auth.me();
    }
    t.advanceClock(61 * MINUTE - 1);
    await expect(t.caller(token).api.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("sign-out ends the session on the server", async () => {
    const { user, token } = await signedIn();
    const { api, jar } = t.caller(token);
    await api.auth.signOut();
    expect(jar.token).toBeNull();
    // The old cookie, replayed, no longer works.
    await expect(t.caller(token).api.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await t.auditFor(user.id)).map((e) => e.action)).toContain("auth.signed_out");
  });

  it("answers the empty procedure only to a signed-in user", async () => {
    const { token } = await signedIn();
    await expect(t.caller(token).api.system.ping()).resolves.toEqual({ ok: true });
    await expect(t.caller().api.system.ping()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("records a language preference with an audit event", async () => {
    const { user, token } = await signedIn();
    await t.caller(token).api.auth.updatePreferences({ locale: "vi" });
    expect((await t.caller(token).api.auth.me()).locale).toBe("vi");
    const [event] = await t.auditFor(user.id);
    expect(event).toMatchObject({ action: "user.preferences_updated", changes: { locale: { from: "en", to: "vi" } } });
  });
});
