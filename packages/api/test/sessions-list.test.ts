import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sessions } from "@lentera/db";
import { makeAgency } from "@lentera/db/testing";
import type { Role } from "@lentera/domain";
import { createTestApi, type TestApi } from "../src/testing";
import { domainCause, expectCode } from "./expect-error";
import { PASSWORD, signInWithPassword, userWithPassword } from "./two-factor-fixture";

let t: TestApi;
let agencyId: string;
let otherAgencyId: string;

beforeAll(async () => {
  t = await createTestApi();
  agencyId = (await makeAgency(t.db)).id;
  otherAgencyId = (await makeAgency(t.db)).id;
});
afterAll(() => t.close());

/** Signs in from a browser that names itself `userAgent`. */
async function signInFrom(email: string, userAgent: string) {
  const { api, jar } = t.caller(null, undefined, userAgent);
  await api.auth.signIn({ email, password: PASSWORD });
  if (!jar.token) throw new Error("no session cookie");
  return { token: jar.token, api: t.caller(jar.token).api };
}

describe("auth.sessions", () => {
  it("lists the user's own live sessions with when, where and what, marking the current one", async () => {
    const user = await userWithPassword(t, agencyId, ["social_worker"]);
    const phone = await signInFrom(user.email, "Mozilla/5.0 (Linux; Android 14) Mobile");
    t.advanceClock(60_000);
    const laptop = await signInFrom(user.email, "Mozilla/5.0 (X11; Linux x86_64)");
    // Someone else's session never shows.
    await signInFrom((await userWithPassword(t, agencyId, ["social_worker"])).email, "Other/1.0");

    const listed = await laptop.api.auth.sessions.list();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ current: true, userAgent: "Mozilla/5.0 (X11; Linux x86_64)", ip: "127.0.0.1", stage: "complete" });
    expect(listed[1]).toMatchObject({ current: false, userAgent: "Mozilla/5.0 (Linux; Android 14) Mobile" });
    expect(listed[0]?.createdAt).toBeInstanceOf(Date);
    expect(listed[0]?.lastSeenAt).toBeInstanceOf(Date);
    // Never a token or its hash.
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(["createdAt", "current", "id", "ip", "lastSeenAt", "stage", "userAgent"]);
    expect((await phone.api.auth.sessions.list()).find((s) => s.current)?.userAgent).toContain("Android");
  });

  it("ends one of the user's other sessions by its id, audited; not the current one", async () => {
    const user = await userWithPassword(t, agencyId, ["counselor"]);
    const phone = await signInFrom(user.email, "Phone/1.0");
    const laptop = await signInFrom(user.email, "Laptop/1.0");
    const phoneId = (await phone.api.auth.sessions.list()).find((s) => s.current)?.id ?? "";
    const laptopId = (await laptop.api.auth.sessions.list()).find((s) => s.current)?.id ?? "";

    const current = await expectCode(laptop.api.auth.sessions.end({ sessionId: laptopId }), "BAD_REQUEST");
    expect(domainCause(current).reason).toBe("current_session");
    await expect(laptop.api.auth.sessions.end({ sessionId: phoneId })).resolves.toEqual({ ended: 1 });
    await expectCode(phone.api.auth.me(), "UNAUTHORIZED");
    await expect(laptop.api.auth.me()).resolves.toMatchObject({ id: user.id });
    await expectCode(laptop.api.auth.sessions.end({ sessionId: phoneId }), "NOT_FOUND");
    const event = (await t.auditFor(user.id)).find((e) => e.action === "auth.session_ended");
    expect(event?.details).toEqual({ sessionId: phoneId });
  });

  it("never ends another user's session by its id", async () => {
    const victim = await userWithPassword(t, agencyId, ["social_worker"]);
    const victimSession = await signInFrom(victim.email, "Victim/1.0");
    const victimId = (await victimSession.api.auth.sessions.list())[0]?.id ?? "";
    for (const [agency, roles] of [
      [agencyId, ["admin"]],
      [agencyId, ["supervisor"]],
      [otherAgencyId, ["admin"]],
    ] as const) {
      const attacker = await t.signedInUser({ agencyId: agency, roles: [...roles] });
      await expectCode(attacker.api.auth.sessions.end({ sessionId: victimId }), "NOT_FOUND");
    }
    await expect(victimSession.api.auth.me()).resolves.toMatchObject({ id: victim.id });
  });

  it("ends all the user's other sessions at once", async () => {
    const user = await userWithPassword(t, agencyId, ["counselor"]);
    const sessionsOpened = [];
    for (let n = 0; n < 3; n++) sessionsOpened.push(await signInFrom(user.email, `Browser/${n}`));
    const [keep, ...others] = sessionsOpened;
    if (!keep) throw new Error("no session");
    await expect(keep.api.auth.sessions.endOthers()).resolves.toEqual({ ended: 2 });
    for (const other of others) await expectCode(other.api.auth.me(), "UNAUTHORIZED");
    await expect(keep.api.auth.sessions.list()).resolves.toHaveLength(1);
    expect((await t.auditFor(user.id)).find((e) => e.action === "auth.other_sessions_ended")?.details).toEqual({ count: 2 });
  });

  it("answers an anonymous caller UNAUTHORIZED, and a session that must enrol first FORBIDDEN", async () => {
    await expectCode(t.caller().api.auth.sessions.list(), "UNAUTHORIZED");
    await expectCode(t.caller().api.auth.sessions.endOthers(), "UNAUTHORIZED");
    await expectCode(t.caller().api.auth.sessions.end({ sessionId: crypto.randomUUID() }), "UNAUTHORIZED");
    const supervisor = await userWithPassword(t, agencyId, ["supervisor"]);
    const enrolling = await signInWithPassword(t, supervisor.email);
    expect(enrolling.stage).toBe("enrollment");
    await expectCode(enrolling.api.auth.sessions.list(), "FORBIDDEN");
    await expectCode(enrolling.api.auth.sessions.endOthers(), "FORBIDDEN");
  });
});

describe("admin.users.endSessions", () => {
  it("lets an administrator end every session of a user of their agency, audited", async () => {
    const admin = await t.signedInUser({ agencyId, roles: ["admin"] });
    const user = await userWithPassword(t, agencyId, ["social_worker"]);
    const one = await signInFrom(user.email, "A/1.0");
    const two = await signInFrom(user.email, "B/1.0");
    await expect(admin.api.admin.users.endSessions({ userId: user.id })).resolves.toEqual({ ended: 2 });
    await expectCode(one.api.auth.me(), "UNAUTHORIZED");
    await expectCode(two.api.auth.me(), "UNAUTHORIZED");
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const event = (await t.auditFor(user.id)).find((e) => e.action === "user.sessions_ended");
    expect(event).toMatchObject({ actorUserId: admin.user.id, details: { count: 2 } });
    // The user signs in again as usual.
    expect((await signInWithPassword(t, user.email)).stage).toBe("complete");
  });

  it("does not reach a user of another agency", async () => {
    const outsider = await t.signedInUser({ agencyId: otherAgencyId, roles: ["admin"] });
    const user = await userWithPassword(t, agencyId, ["counselor"]);
    const session = await signInFrom(user.email, "C/1.0");
    await expectCode(outsider.api.admin.users.endSessions({ userId: user.id }), "NOT_FOUND");
    await expect(session.api.auth.me()).resolves.toMatchObject({ id: user.id });
  });

  it.each<Role>(["social_worker", "counselor", "supervisor"])("refuses a %s", async (role) => {
    const caller = await t.signedInUser({ agencyId, roles: [role] });
    const user = await userWithPassword(t, agencyId, ["counselor"]);
    const session = await signInFrom(user.email, "D/1.0");
    await expectCode(caller.api.admin.users.endSessions({ userId: user.id }), "FORBIDDEN");
    await expect(session.api.auth.me()).resolves.toMatchObject({ id: user.id });
    await expectCode(t.caller().api.admin.users.endSessions({ userId: user.id }), "UNAUTHORIZED");
  });
});
