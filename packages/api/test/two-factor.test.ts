import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { agencies, auditEvents, eq, recoveryCodes, sessions, users } from "@lentera/db";
import { makeAgency } from "@lentera/db/testing";
import type { Role } from "@lentera/domain";
import { createTestApi, type TestApi } from "../src/testing";
import { hashToken } from "../src/auth/sessions";
import { domainCause, expectCode } from "./expect-error";
import { codeAt, enrol, signInWithPassword, userWithPassword, wrongCodeAt } from "./two-factor-fixture";

const MINUTE = 60_000;
let t: TestApi;
/** Requires two-factor for supervisors and administrators (the database default). */
let strictAgencyId: string;
/** Demo mode: two-factor is optional for everyone. */
let relaxedAgencyId: string;

beforeAll(async () => {
  t = await createTestApi();
  strictAgencyId = (await makeAgency(t.db)).id;
  relaxedAgencyId = (await makeAgency(t.db, { requireTwoFactor: false })).id;
});
afterAll(() => t.close());

async function sessionStage(token: string) {
  const [row] = await t.db.select({ stage: sessions.stage }).from(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  return row?.stage ?? null;
}

/** A supervisor of the strict agency, enrolled, signed out again. */
async function enrolledSupervisor() {
  const user = await userWithPassword(t, strictAgencyId, ["supervisor"]);
  const first = await signInWithPassword(t, user.email);
  const enrolled = await enrol(t, first.token);
  await t.caller(enrolled.token).api.auth.signOut();
  return { user, ...enrolled };
}

describe("auth.signIn stages", () => {
  it("signs a social worker or counselor of a strict agency straight in (complete)", async () => {
    for (const role of ["social_worker", "counselor"] as const) {
      const user = await userWithPassword(t, strictAgencyId, [role]);
      const { stage, api, token } = await signInWithPassword(t, user.email);
      expect(stage).toBe("complete");
      expect(await sessionStage(token)).toBe("complete");
      await expect(api.cases.list({})).resolves.toBeDefined();
    }
  });

  it("signs a supervisor or admin of an agency that does not require two-factor straight in", async () => {
    for (const role of ["supervisor", "admin"] as const) {
      const user = await userWithPassword(t, relaxedAgencyId, [role]);
      expect((await signInWithPassword(t, user.email)).stage).toBe("complete");
    }
  });

  it.each<Role>(["supervisor", "admin"])("sends a %s of a strict agency who has not enrolled to enrolment, and nowhere else", async (role) => {
    const user = await userWithPassword(t, strictAgencyId, [role]);
    const { stage, api, token } = await signInWithPassword(t, user.email);
    expect(stage).toBe("enrollment");
    expect(await sessionStage(token)).toBe("enrollment");
    // auth.me answers (the web routes to enrolment from it); ordinary procedures do not.
    await expect(api.auth.me()).resolves.toMatchObject({ id: user.id, stage: "enrollment" });
    const refused = await expectCode(api.cases.list({}), "FORBIDDEN");
    expect(domainCause(refused).reason).toBe("two_factor_enrollment_required");
    await expectCode(api.auth.sessions.list(), "FORBIDDEN");
    await expectCode(api.auth.twoFactor.status(), "FORBIDDEN");
    if (role === "admin") await expectCode(api.admin.users.list(), "FORBIDDEN");
  });

  it("keeps the same answer for an unknown email and a wrong password of an enrolled user", async () => {
    const { user } = await enrolledSupervisor();
    const wrong = await expectCode(t.caller().api.auth.signIn({ email: user.email, password: "not the password" }), "UNAUTHORIZED");
    const unknown = await expectCode(t.caller().api.auth.signIn({ email: "nobody-2fa@example.org", password: "x" }), "UNAUTHORIZED");
    expect(unknown.message).toBe(wrong.message);
  });
});

describe("enrolment", () => {
  it("enrols with a QR code and a first code, seals the key, keeps only hashes of 10 recovery codes and rotates the token", async () => {
    const user = await userWithPassword(t, strictAgencyId, ["admin"]);
    const first = await signInWithPassword(t, user.email);
    const begun = await t.caller(first.token).api.auth.twoFactor.beginEnrolment();
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\/Lentera:.+\?/);
    expect(begun.uri).toContain("digits=6");
    expect(begun.uri).toContain("period=30");
    expect(begun.qrSvg.startsWith("<svg")).toBe(true);
    expect(begun.manualKey).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);

    // A wrong first code enables nothing.
    const pendingKey = decodeBase32IgnorePadding(begun.manualKey.replace(/\s+/g, ""));
    await expectCode(t.caller(first.token).api.auth.twoFactor.confirmEnrolment({ code: wrongCodeAt(t, pendingKey) }), "BAD_REQUEST");
    await expect(t.caller(first.token).api.auth.me()).resolves.toMatchObject({ stage: "enrollment" });

    const enrolled = await enrol(t, first.token);
    expect(new Set(enrolled.recoveryCodes).size).toBe(10);
    const [row] = await t.db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
    expect(row?.enabledAt).toBeInstanceOf(Date);
    // Sealed with the keyring: neither the base32 key nor its bytes are in the column.
    expect(row?.secret).toMatch(/^v1\./);
    expect(row?.secret).not.toContain(enrolled.begun.manualKey.replace(/\s+/g, ""));
    const stored = await t.db.select({ codeHash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    for (const code of enrolled.recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code);

    // The enrolment token is gone; the new one is complete and reaches the API.
    expect(enrolled.token).not.toBe(first.token);
    expect(await sessionStage(first.token)).toBeNull();
    await expectCode(t.caller(first.token).api.auth.me(), "UNAUTHORIZED");
    await expect(t.caller(enrolled.token).api.admin.users.list()).resolves.toBeDefined();
    await expect(t.caller(enrolled.token).api.auth.twoFactor.status()).resolves.toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 });

    const actions = (await t.auditFor(user.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.two_factor_enrolment_started", "auth.two_factor_enabled"]));
    // Enrolling again while enabled is refused.
    await expectCode(t.caller(enrolled.token).api.auth.twoFactor.beginEnrolment(), "CONFLICT");
  });

  it("lets a social worker enrol from a complete session, keeping the same session", async () => {
    const user = await userWithPassword(t, strictAgencyId, ["social_worker"]);
    const { token } = await signInWithPassword(t, user.email);
    const enrolled = await enrol(t, token);
    expect(enrolled.token).toBe(token);
    expect((await signInWithPassword(t, user.email)).stage).toBe("second_factor");
  });
});

describe("auth.verifySecondFactor", () => {
  it("completes sign-in with a TOTP code under a new token, and audits it without the code", async () => {
    const { user, key } = await enrolledSupervisor();
    const pending = await signInWithPassword(t, user.email);
    expect(pending.stage).toBe("second_factor");
    // Not signed in yet: auth.me and every ordinary procedure answer UNAUTHORIZED.
    await expectCode(pending.api.auth.me(), "UNAUTHORIZED");
    await expectCode(pending.api.cases.list({}), "UNAUTHORIZED");
    await expectCode(pending.api.auth.twoFactor.beginEnrolment(), "UNAUTHORIZED");

    const code = codeAt(t, key);
    const { api, jar } = t.caller(pending.token);
    await expect(api.auth.verifySecondFactor({ code })).resolves.toEqual({ ok: true, method: "totp" });
    expect(jar.token).not.toBeNull();
    expect(jar.token).not.toBe(pending.token);
    expect(await sessionStage(pending.token)).toBeNull();
    await expectCode(t.caller(pending.token).api.cases.list({}), "UNAUTHORIZED");
    await expect(t.caller(jar.token).api.cases.list({})).resolves.toBeDefined();
    expect(await sessionStage(jar.token ?? "")).toBe("complete");

    const events = await t.auditFor(user.id);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["auth.password_accepted", "auth.signed_in"]));
    expect(JSON.stringify(events)).not.toContain(code);
    // A complete session has no second factor to give.
    const done = await expectCode(t.caller(jar.token).api.auth.verifySecondFactor({ code }), "FORBIDDEN");
    expect(domainCause(done).reason).toBe("no_second_factor_pending");
  });

  it("refuses a replayed code, and takes the next step's code", async () => {
    const { user, key } = await enrolledSupervisor();
    const code = codeAt(t, key);
    const first = await signInWithPassword(t, user.email);
    await t.caller(first.token).api.auth.verifySecondFactor({ code });
    const second = await signInWithPassword(t, user.email);
    // Still inside the same 30-second window: the same code is refused.
    await expectCode(second.api.auth.verifySecondFactor({ code }), "UNAUTHORIZED");
    t.advanceClock(30_000);
    await expect(second.api.auth.verifySecondFactor({ code: codeAt(t, key) })).resolves.toMatchObject({ ok: true });
  });

  it("accepts a code one step early or late (a phone's clock a little off), not two", async () => {
    const { user, key } = await enrolledSupervisor();
    const early = await signInWithPassword(t, user.email);
    await expectCode(early.api.auth.verifySecondFactor({ code: codeAt(t, key, -2) }), "UNAUTHORIZED");
    await expect(early.api.auth.verifySecondFactor({ code: codeAt(t, key, 1) })).resolves.toMatchObject({ ok: true });
  });

  it("takes a recovery code once", async () => {
    const { user, recoveryCodes: codes } = await enrolledSupervisor();
    const code = codes[3] ?? "";
    const first = await signInWithPassword(t, user.email);
    // Typed in capitals and without its dash, it still works.
    const { api, jar } = t.caller(first.token);
    await expect(api.auth.verifySecondFactor({ code: code.toUpperCase().replace("-", "") })).resolves.toEqual({ ok: true, method: "recovery" });
    await expect(t.caller(jar.token).api.auth.twoFactor.status()).resolves.toMatchObject({ recoveryCodesLeft: 9 });
    const second = await signInWithPassword(t, user.email);
    await expectCode(second.api.auth.verifySecondFactor({ code }), "UNAUTHORIZED");
    await expect(second.api.auth.verifySecondFactor({ code: codes[4] ?? "" })).resolves.toMatchObject({ method: "recovery" });
  });

  it("locks the account after 5 wrong codes, even across new password sign-ins, and then refuses the right code", async () => {
    const { user, key } = await enrolledSupervisor();
    let attempts = 0;
    let pending = await signInWithPassword(t, user.email);
    for (; attempts < 3; attempts++) {
      await expectCode(pending.api.auth.verifySecondFactor({ code: wrongCodeAt(t, key) }), "UNAUTHORIZED");
    }
    // The password alone does not wipe the count of wrong codes.
    pending = await signInWithPassword(t, user.email);
    for (; attempts < 5; attempts++) {
      await expectCode(pending.api.auth.verifySecondFactor({ code: wrongCodeAt(t, key) }), "UNAUTHORIZED");
    }
    console.log(`TOTP brute force: locked out after ${attempts} wrong codes (lockoutAttempts = ${t.deps.settings.lockoutAttempts})`);
    const [row] = await t.db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
    expect(row?.lockedUntil?.getTime()).toBe(t.deps.clock().getTime() + 15 * MINUTE);

    // Locked: the right code and the right password are refused alike.
    await expectCode(pending.api.auth.verifySecondFactor({ code: codeAt(t, key) }), "UNAUTHORIZED");
    await expectCode(t.caller().api.auth.signIn({ email: user.email, password: "correct horse battery staple" }), "UNAUTHORIZED");
    const events = await t.auditFor(user.id);
    expect(events.filter((e) => e.action === "auth.locked_out")).toHaveLength(1);
    expect(events.filter((e) => e.action === "auth.second_factor_failed")).toHaveLength(6);
    expect(events.find((e) => e.action === "auth.second_factor_failed" && e.details?.reason === "locked")).toBeDefined();

    t.advanceClock(16 * MINUTE);
    const again = await signInWithPassword(t, user.email);
    await expect(again.api.auth.verifySecondFactor({ code: codeAt(t, key) })).resolves.toMatchObject({ ok: true });
    const [reset] = await t.db.select({ failed: users.failedSignIns, lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
    expect(reset).toEqual({ failed: 0, lockedUntil: null });
  });

  it("counts parallel wrong codes atomically", async () => {
    const { user, key } = await enrolledSupervisor();
    const pending = await signInWithPassword(t, user.email);
    const wrong = wrongCodeAt(t, key);
    await Promise.all(Array.from({ length: 8 }, () => pending.api.auth.verifySecondFactor({ code: wrong }).catch(() => null)));
    const events = await t.auditFor(user.id);
    expect(events.filter((e) => e.action === "auth.locked_out")).toHaveLength(1);
    await expectCode(pending.api.auth.verifySecondFactor({ code: codeAt(t, key) }), "UNAUTHORIZED");
    t.advanceClock(16 * MINUTE);
  });

  it("lets a session waiting for a code live 5 minutes", async () => {
    const { user, key } = await enrolledSupervisor();
    const pending = await signInWithPassword(t, user.email);
    t.advanceClock(5 * MINUTE);
    await expectCode(pending.api.auth.verifySecondFactor({ code: codeAt(t, key) }), "UNAUTHORIZED");
  });

  it("refuses an anonymous caller", async () => {
    await expectCode(t.caller().api.auth.verifySecondFactor({ code: "123456" }), "UNAUTHORIZED");
    await expectCode(t.caller().api.auth.twoFactor.beginEnrolment(), "UNAUTHORIZED");
    await expectCode(t.caller().api.auth.twoFactor.confirmEnrolment({ code: "123456" }), "UNAUTHORIZED");
    await expectCode(t.caller().api.auth.twoFactor.status(), "UNAUTHORIZED");
    await expectCode(t.caller().api.auth.twoFactor.regenerateRecoveryCodes({ code: "123456" }), "UNAUTHORIZED");
    await expectCode(t.caller().api.auth.twoFactor.disable({ code: "123456" }), "UNAUTHORIZED");
  });
});

describe("recovery codes and turning two-factor off", () => {
  async function signedInEnrolled(agencyId: string, role: Role) {
    const user = await userWithPassword(t, agencyId, [role]);
    const first = await signInWithPassword(t, user.email);
    const enrolled = await enrol(t, first.token);
    return { user, ...enrolled, api: t.caller(enrolled.token).api };
  }

  it("regenerates the recovery codes for a current code; the old ones stop working", async () => {
    const { user, key, api, recoveryCodes: old } = await signedInEnrolled(strictAgencyId, "supervisor");
    const refused = await expectCode(api.auth.twoFactor.regenerateRecoveryCodes({ code: wrongCodeAt(t, key) }), "BAD_REQUEST");
    expect(domainCause(refused).reason).toBe("invalid_code");
    const { recoveryCodes: fresh } = await api.auth.twoFactor.regenerateRecoveryCodes({ code: codeAt(t, key) });
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => old.includes(code))).toBe(false);
    const pending = await signInWithPassword(t, user.email);
    await expectCode(pending.api.auth.verifySecondFactor({ code: old[0] ?? "" }), "UNAUTHORIZED");
    await expect(pending.api.auth.verifySecondFactor({ code: fresh[0] ?? "" })).resolves.toMatchObject({ ok: true });
    const actions = (await t.auditFor(user.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.code_refused", "auth.recovery_codes_regenerated"]));
  });

  it.each<Role>(["supervisor", "admin"])("refuses to turn two-factor off for a %s whose agency requires it", async (role) => {
    const { api, key } = await signedInEnrolled(strictAgencyId, role);
    const refused = await expectCode(api.auth.twoFactor.disable({ code: codeAt(t, key) }), "FORBIDDEN");
    expect(domainCause(refused).reason).toBe("two_factor_required");
    await expect(api.auth.twoFactor.status()).resolves.toMatchObject({ enabled: true });
  });

  it.each<[string, Role]>([
    ["strict", "social_worker"],
    ["strict", "counselor"],
    ["relaxed", "supervisor"],
    ["relaxed", "admin"],
  ])("turns two-factor off for a current code (%s agency, %s)", async (which, role) => {
    const { user, api, key } = await signedInEnrolled(which === "strict" ? strictAgencyId : relaxedAgencyId, role);
    await expectCode(api.auth.twoFactor.disable({ code: wrongCodeAt(t, key) }), "BAD_REQUEST");
    await expect(api.auth.twoFactor.status()).resolves.toMatchObject({ enabled: true });
    await expect(api.auth.twoFactor.disable({ code: codeAt(t, key) })).resolves.toEqual({ ok: true });
    await expect(api.auth.twoFactor.status()).resolves.toMatchObject({ enabled: false, required: false, recoveryCodesLeft: 0 });
    const [row] = await t.db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, user.id));
    expect(row?.secret).toBeNull();
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect((await signInWithPassword(t, user.email)).stage).toBe("complete");
    expect((await t.auditFor(user.id)).map((e) => e.action)).toContain("auth.two_factor_disabled");
    // Nothing left to turn off.
    await expectCode(api.auth.twoFactor.disable({ code: codeAt(t, key, 1) }), "BAD_REQUEST");
  });
});

describe("password policy", () => {
  it("refuses short and common passwords wherever an administrator sets one, and creates nobody", async () => {
    const admin = await t.signedInUser({ agencyId: strictAgencyId, roles: ["admin"] });
    const base = { displayName: "New Person", roles: ["social_worker" as const], teamIds: [], locale: "en" as const };
    const short = await expectCode(admin.api.admin.users.create({ ...base, email: "short-pw@example.org", password: "short" }), "BAD_REQUEST");
    expect(short.cause).toBeDefined();
    for (const password of ["password1234", "Qwerty123456", "sunshine2026!!", "1q2w3e4r5t6y"]) {
      const refused = await expectCode(admin.api.admin.users.create({ ...base, email: "common-pw@example.org", password }), "BAD_REQUEST");
      expect(domainCause(refused).reason).toBe("password_common");
    }
    expect(await t.db.select().from(users).where(eq(users.email, "common-pw@example.org"))).toHaveLength(0);
    await expect(
      admin.api.admin.users.create({ ...base, email: "good-pw@example.org", password: "a walk along the Ciliwung" }),
    ).resolves.toMatchObject({ id: expect.any(String) as string });
  });
});

describe("agency settings: two-factor and retention", () => {
  it("lets an administrator turn the requirement off and set the retention period, audited", async () => {
    const agencyId = (await makeAgency(t.db)).id;
    const admin = await t.signedInUser({ agencyId, roles: ["admin"] });
    const before = await admin.api.admin.settings.get();
    expect(before).toMatchObject({ requireTwoFactor: true, retentionMonths: 60 });
    const common = {
      version: before.version,
      optionalPlanDomains: before.optionalPlanDomains,
      allowPlanSelfApproval: before.allowPlanSelfApproval,
      reviewIntervalDays: before.reviewIntervalDays,
    };
    for (const retentionMonths of [11, 1201]) {
      await expectCode(admin.api.admin.settings.update({ ...common, retentionMonths }), "BAD_REQUEST");
    }
    const after = await admin.api.admin.settings.update({ ...common, requireTwoFactor: false, retentionMonths: 24 });
    expect(after).toMatchObject({ requireTwoFactor: false, retentionMonths: 24, version: before.version + 1 });
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, agencyId));
    expect(event?.changes).toMatchObject({ requireTwoFactor: { from: true, to: false }, retentionMonths: { from: 60, to: 24 } });

    // The setting decides the next sign-in of a supervisor of that agency.
    const supervisor = await userWithPassword(t, agencyId, ["supervisor"]);
    expect((await signInWithPassword(t, supervisor.email)).stage).toBe("complete");
    await t.db.update(agencies).set({ requireTwoFactor: true }).where(eq(agencies.id, agencyId));
    expect((await signInWithPassword(t, supervisor.email)).stage).toBe("enrollment");
  });

  it.each<Role>(["social_worker", "counselor", "supervisor"])("refuses the settings to a %s", async (role) => {
    const user = await t.signedInUser({ agencyId: strictAgencyId, roles: [role] });
    await expectCode(
      user.api.admin.settings.update({ version: 0, optionalPlanDomains: [], allowPlanSelfApproval: false, reviewIntervalDays: 30, requireTwoFactor: false }),
      "FORBIDDEN",
    );
    const [agency] = await t.db.select({ requireTwoFactor: agencies.requireTwoFactor }).from(agencies).where(eq(agencies.id, strictAgencyId));
    expect(agency?.requireTwoFactor).toBe(true);
  });
});
