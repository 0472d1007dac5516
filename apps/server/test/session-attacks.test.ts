/**
 * Session attacks over real HTTP: a stolen cookie replayed after sign-out and after expiry,
 * cross-site requests, brute force against sign-in, and session fixation. Each attack must be
 * refused and change nothing; the file prints the attempts made and where each was stopped.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@lentera/api";
import { testKeyring } from "@lentera/api/testing";
import { queryRows, sql, type DbHandle } from "@lentera/db";
import { createTestDb, makeAgency, makeTeam, makeUser } from "@lentera/db/testing";
import type { CreateCaseInput } from "@lentera/domain";
import { parseEnv } from "../src/env";
import { createServer, SESSION_COOKIE, type LenteraServer } from "../src/server";
import { listenOnLoopback, signInToken, statusCounts, trpcClient, type TrpcAnswer, type TrpcClient } from "./http-client";

const PASSWORD = "a passphrase for the session attacks";
const IDLE_MINUTES = 30;
const ABSOLUTE_HOURS = 12;
const LOCKOUT_ATTEMPTS = 5;
const RATE_LIMIT = 10;
const MINUTE = 60_000;

let db: DbHandle;
let server: LenteraServer;
let client: TrpcClient;
let agencyId = "";
let teamId = "";
/** Requires two-factor for supervisors (the default outside demo mode). */
let strictAgencyId = "";
let now = new Date();
/** The attacks tried, how many requests each made, and what stopped them. */
const attacks: { attack: string; attempts: number; stoppedBy: string }[] = [];

const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(db.db, query);
/** A different client address per scenario (the server trusts the proxy's X-Forwarded-For). */
const fromAddress = () => ({ "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` });
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** RFC 4648 base32, as the enrolment screen's manual key shows it. */
function base32Bytes(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.replace(/[\s=]/g, "").toUpperCase()) {
    value = ((value << 5) | alphabet.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The 6-digit TOTP code (RFC 6238: HMAC-SHA-1, 30 s steps) an authenticator app shows at `at`. */
function totp(key: Buffer, at: Date, offsetSteps = 0): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at.getTime() / 30_000) + offsetSteps));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = (mac[19] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** `count` distinct codes that none of the steps the server accepts now would show. */
function wrongCodes(key: Buffer, count: number): string[] {
  const valid = new Set([-2, -1, 0, 1, 2].map((step) => totp(key, now, step)));
  const codes: string[] = [];
  for (let n = 0; codes.length < count; n++) {
    const candidate = String((123_457 * (n + 1)) % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) codes.push(candidate);
  }
  return codes;
}

const intake = (): CreateCaseInput => ({
  client: { alias: `Target ${randomUUID().slice(0, 6)}`, estimatedAge: 15, sex: "female", address: { country: "ID", province: null } },
  identity: { legalName: "Session Attack Legal Name" },
  harmTypes: ["grooming"],
  referralSource: "hotline",
  riskLevel: "high",
});

async function newUser(roles: ("social_worker" | "counselor")[] = ["social_worker"]) {
  return makeUser(db.db, { agencyId, roles, teamIds: [teamId], passwordHash: await hashPassword(PASSWORD) });
}

/** A user signed in over HTTP with a case of their own, and a snapshot of what an attack must not change. */
async function victimWithCase() {
  const user = await newUser();
  const token = await signInToken(client, user.email, PASSWORD, fromAddress());
  const created = await client.mutation<{ id: string; version: number }>("cases.create", intake(), { token });
  if (!created.data) throw new Error(`case not created: ${created.status}`);
  return { user, token, caseId: created.data.id, version: created.data.version };
}

/** The case's version and the number of audit events about it: an attack that changed nothing leaves both. */
async function footprint(caseId: string) {
  const [row] = await rows<{ version: number; events: number }>(sql`
    select c.version, (select count(*)::int from audit_events a where a.case_id = c.id) as events
    from cases c where c.id = ${caseId}::uuid`);
  return row;
}

/** The same harmful requests an attacker would try with a stolen or forged cookie. */
function replay(token: string, caseId: string, version: number): Promise<TrpcAnswer[]> {
  return Promise.all([
    client.query("auth.me", undefined, { token }),
    client.query("cases.byId", { caseId }, { token }),
    client.mutation("cases.update", { caseId, version, riskLevel: "low", safetyNotes: "changed by the attacker" }, { token }),
    client.mutation("cases.consents.record", { caseId, scope: "information_sharing", givenBy: "client", givenOn: "2026-01-01" }, { token }),
  ]);
}

beforeAll(async () => {
  db = await createTestDb();
  const agency = await makeAgency(db.db, { country: "ID", requireTwoFactor: false });
  agencyId = agency.id;
  teamId = (await makeTeam(db.db, agencyId)).id;
  strictAgencyId = (await makeAgency(db.db, { country: "ID", requireTwoFactor: true })).id;
  const env = parseEnv({
    NODE_ENV: "test",
    LENTERA_SEED_DEMO: "false",
    LOG_LEVEL: "silent",
    LENTERA_WEB_DIST: "/nonexistent",
    TRUST_PROXY: "true",
    SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
    SESSION_ABSOLUTE_HOURS: String(ABSOLUTE_HOURS),
    LOCKOUT_ATTEMPTS: String(LOCKOUT_ATTEMPTS),
    SIGN_IN_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
  });
  server = await createServer({ env, db, keyring: testKeyring, clock: () => now });
  client = trpcClient(await listenOnLoopback(server));
});
afterAll(async () => {
  console.info(
    [
      ...attacks.map((a) => `[session-attacks] ${a.attack}: ${a.attempts} attempts, stopped by ${a.stoppedBy}`),
      `[session-attacks] total (${db.driver}): ${attacks.reduce((n, a) => n + a.attempts, 0)} attempts in ${attacks.length} attacks, 0 got through`,
    ].join("\n"),
  );
  await server.stop();
  await db.close();
});

describe("a stolen session cookie", () => {
  it("is refused after sign-out and changes nothing", async () => {
    const { token, caseId, version } = await victimWithCase();
    const stolen = token;
    const signOut = await client.mutation("auth.signOut", {}, { token });
    expect(signOut.status).toBe(200);
    expect(signOut.sessionToken).toBe(""); // the browser's cookie is cleared
    const before = await footprint(caseId);
    const answers = await replay(stolen, caseId, version);
    expect(statusCounts(answers)).toEqual({ "401": answers.length });
    expect(await footprint(caseId)).toEqual(before);
    const [left] = await rows<{ n: number }>(sql`select count(*)::int as n from sessions where token_hash = ${hashOf(stolen)}`);
    expect(left?.n).toBe(0);
    attacks.push({ attack: "stolen cookie replayed after sign-out", attempts: answers.length, stoppedBy: "the session row is deleted at sign-out (401)" });
  });

  it("is refused once the session has been idle too long", async () => {
    const { token, caseId, version } = await victimWithCase();
    now = new Date(now.getTime() + (IDLE_MINUTES + 1) * MINUTE);
    const before = await footprint(caseId);
    const answers = await replay(token, caseId, version);
    expect(statusCounts(answers)).toEqual({ "401": answers.length });
    expect(answers[0]?.sessionToken).toBe(""); // and told to forget it
    expect(await footprint(caseId)).toEqual(before);
    attacks.push({ attack: `stolen cookie replayed after ${IDLE_MINUTES + 1} idle minutes`, attempts: answers.length, stoppedBy: "the idle timeout (401, session deleted)" });
  });

  it("is refused after the absolute lifetime even when kept busy", async () => {
    const { token, caseId, version } = await victimWithCase();
    let busy = 0;
    // Used every 20 minutes: never idle, yet the session ends at its absolute limit.
    while (busy * 20 * MINUTE < ABSOLUTE_HOURS * 60 * MINUTE - 20 * MINUTE) {
      now = new Date(now.getTime() + 20 * MINUTE);
      const me = await client.query("auth.me", undefined, { token });
      expect(me.status).toBe(200);
      busy++;
    }
    now = new Date(now.getTime() + 25 * MINUTE);
    const before = await footprint(caseId);
    const answers = await replay(token, caseId, version);
    expect(statusCounts(answers)).toEqual({ "401": answers.length });
    expect(await footprint(caseId)).toEqual(before);
    attacks.push({ attack: `stolen cookie kept busy past ${ABSOLUTE_HOURS} h`, attempts: answers.length, stoppedBy: "the absolute expiry (401)" });
  });
});

describe("a cross-site request", () => {
  it("is refused with the victim's valid cookie and changes nothing", async () => {
    const { token, caseId, version } = await victimWithCase();
    const before = await footprint(caseId);
    const body = JSON.stringify({ json: { caseId, version, riskLevel: "low" } });
    const cookie = { cookie: `${SESSION_COOKIE}=${token}` };
    const attempts = await Promise.all([
      // Another site's script (fetch with credentials): the browser names its origin.
      client.mutation("cases.update", { caseId, version, riskLevel: "low" }, { token, headers: { origin: "https://evil.example" } }),
      client.mutation("cases.update", { caseId, version, riskLevel: "low" }, { token, headers: { origin: "null" } }),
      // Without the custom header (a simple request needs no pre-flight).
      client.raw("/trpc/cases.update", { method: "POST", body, headers: { ...cookie, "content-type": "application/json" } }),
      // An HTML form: form-encoded, or text/plain carrying a JSON-looking body.
      client.raw("/trpc/cases.update", { method: "POST", body: `json=${encodeURIComponent(body)}`, headers: { ...cookie, "content-type": "application/x-www-form-urlencoded" } }),
      client.raw("/trpc/cases.update", { method: "POST", body, headers: { ...cookie, "content-type": "text/plain" } }),
      client.raw("/trpc/cases.update", { method: "POST", body: `json=${encodeURIComponent(body)}`, headers: { ...cookie, "content-type": "multipart/form-data; boundary=x" } }),
    ]);
    expect(attempts.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403, 403]);
    // A link or an image: a GET cannot run a mutation.
    const viaGet = await client.query("cases.update", { caseId, version, riskLevel: "low" }, { token });
    expect(viaGet.status).toBe(405);
    expect(await footprint(caseId)).toEqual(before);
    attacks.push({
      attack: "cross-site request with the victim's cookie (other origin, null origin, no CSRF header, form-encoded, text/plain, multipart)",
      attempts: attempts.length,
      stoppedBy: "the CSRF check (403: Origin must be this server's and x-lentera-csrf must be present)",
    });
    attacks.push({ attack: "mutation through a GET (link or image)", attempts: 1, stoppedBy: "tRPC refuses GET for a mutation (405)" });
  });
});

describe("brute force against sign-in", () => {
  it("locks the account after the allowed attempts, from any number of addresses, and answers as for no account", async () => {
    const user = await newUser();
    const guesses: TrpcAnswer[] = [];
    for (let attempt = 0; attempt < LOCKOUT_ATTEMPTS + 3; attempt++) {
      guesses.push(await client.mutation("auth.signIn", { email: user.email, password: `guess number ${attempt}` }, { headers: fromAddress() }));
    }
    expect(statusCounts(guesses)).toEqual({ "401": guesses.length });
    const rightButLocked = await client.mutation("auth.signIn", { email: user.email, password: PASSWORD }, { headers: fromAddress() });
    const noAccount = await client.mutation("auth.signIn", { email: `nobody-${randomUUID().slice(0, 6)}@example.org`, password: PASSWORD }, { headers: fromAddress() });
    const wrong = guesses[0];
    // Locked, wrong and unknown are one answer: nothing tells whether the account exists or is locked.
    for (const answer of [rightButLocked, noAccount]) {
      expect(answer.status).toBe(401);
      expect(answer.sessionToken).toBeUndefined();
      expect(answer.error).toEqual(wrong?.error);
    }
    const [state] = await rows<{ locked: boolean }>(sql`select locked_until > ${now.toISOString()}::timestamptz as locked from users where id = ${user.id}::uuid`);
    expect(state?.locked).toBe(true);
    const [sessions] = await rows<{ n: number }>(sql`select count(*)::int as n from sessions where user_id = ${user.id}::uuid`);
    expect(sessions?.n).toBe(0);
    attacks.push({ attack: "password guessing against one account from rotating addresses", attempts: guesses.length + 1, stoppedBy: `the per-account lockout after ${LOCKOUT_ATTEMPTS} attempts (401, same answer as for no account)` });
  });

  it("limits one address to its attempts a minute, for real and unknown accounts alike", async () => {
    const user = await newUser();
    const address = fromAddress();
    const answers: TrpcAnswer[] = [];
    for (let attempt = 0; attempt < RATE_LIMIT + 5; attempt++) {
      // An existing account among unknown ones (fewer guesses than its lockout): the limiter must not tell them apart.
      const email = attempt % 3 === 1 ? user.email : `nobody-${attempt}@example.org`;
      answers.push(await client.mutation("auth.signIn", { email, password: `spray ${attempt}` }, { headers: address }));
    }
    const limited = answers.filter((answer) => answer.status === 429);
    expect(answers.slice(0, RATE_LIMIT).map((answer) => answer.status)).toEqual(Array(RATE_LIMIT).fill(401));
    expect(limited).toHaveLength(5);
    for (const answer of limited) expect(answer.error).toMatchObject({ code: "TOO_MANY_REQUESTS", domainCode: "rate_limited" });
    // Even the right password is not tried from that address now; another address still signs in.
    const right = await client.mutation("auth.signIn", { email: user.email, password: PASSWORD }, { headers: address });
    expect(right.status).toBe(429);
    expect(right.sessionToken).toBeUndefined();
    const elsewhere = await client.mutation("auth.signIn", { email: user.email, password: PASSWORD }, { headers: fromAddress() });
    expect(elsewhere.status).toBe(200);
    attacks.push({ attack: "password spraying from one address", attempts: answers.length + 1, stoppedBy: `the per-address rate limit after ${RATE_LIMIT} a minute (429)` });
  });
});

describe("session fixation", () => {
  it("never keeps a token set before sign-in", async () => {
    const victim = await newUser();
    const planted = "attacker-chosen-session-token-0123456789abcdef";
    const signedIn = await client.mutation("auth.signIn", { email: victim.email, password: PASSWORD }, { token: planted, headers: fromAddress() });
    expect(signedIn.status).toBe(200);
    expect(signedIn.sessionToken).toBeTruthy();
    expect(signedIn.sessionToken).not.toBe(planted);
    expect((await client.query("auth.me", undefined, { token: planted })).status).toBe(401);

    // The attacker's own valid session planted in the victim's browser is not turned into the victim's.
    const attacker = await newUser();
    const attackerToken = await signInToken(client, attacker.email, PASSWORD, fromAddress());
    const victimSignIn = await client.mutation("auth.signIn", { email: victim.email, password: PASSWORD }, { token: attackerToken, headers: fromAddress() });
    expect(victimSignIn.sessionToken).toBeTruthy();
    expect(victimSignIn.sessionToken).not.toBe(attackerToken);
    const asAttacker = await client.query<{ email: string }>("auth.me", undefined, { token: attackerToken });
    expect(asAttacker.data?.email).toBe(attacker.email);
    const asVictim = await client.query<{ email: string }>("auth.me", undefined, { token: victimSignIn.sessionToken });
    expect(asVictim.data?.email).toBe(victim.email);
    attacks.push({ attack: "session fixation (a forged token, then the attacker's own session, planted before sign-in)", attempts: 2, stoppedBy: "sign-in always issues a new random token" });
  });
});

describe("brute force against the second factor", () => {
  /** A supervisor of the strict agency, enrolled over HTTP, signed out; then signed in with the password only. */
  async function waitingForCode() {
    const user = await makeUser(db.db, { agencyId: strictAgencyId, roles: ["supervisor"], teamIds: [(await makeTeam(db.db, strictAgencyId)).id], passwordHash: await hashPassword(PASSWORD) });
    const first = await client.mutation<{ stage: string }>("auth.signIn", { email: user.email, password: PASSWORD }, { headers: fromAddress() });
    expect(first.data?.stage).toBe("enrollment");
    const begun = await client.mutation<{ manualKey: string }>("auth.twoFactor.beginEnrolment", {}, { token: first.sessionToken });
    const key = base32Bytes(begun.data?.manualKey ?? "");
    const confirmed = await client.mutation("auth.twoFactor.confirmEnrolment", { code: totp(key, now) }, { token: first.sessionToken });
    expect(confirmed.status).toBe(200);
    await client.mutation("auth.signOut", {}, { token: confirmed.sessionToken });
    // A later step: the code used at enrolment cannot be used again.
    now = new Date(now.getTime() + 30_000);
    const pending = await client.mutation<{ stage: string }>("auth.signIn", { email: user.email, password: PASSWORD }, { headers: fromAddress() });
    expect(pending.data?.stage).toBe("second_factor");
    if (!pending.sessionToken) throw new Error("no session cookie");
    return { user, key, token: pending.sessionToken };
  }

  it("(the control) accepts the right code once, under a new token", async () => {
    const { key, token } = await waitingForCode();
    const code = totp(key, now);
    const right = await client.mutation("auth.verifySecondFactor", { code }, { token });
    expect(right.status).toBe(200);
    expect(right.sessionToken).toBeTruthy();
    expect(right.sessionToken).not.toBe(token);
    expect((await client.query("auth.me", undefined, { token: right.sessionToken })).status).toBe(200);
    // The password-stage token is gone, and the same code cannot be replayed.
    expect((await client.mutation("auth.verifySecondFactor", { code }, { token })).status).toBe(401);
  });

  it("locks the account after the allowed wrong codes; then even the right code is refused the same way", async () => {
    const { user, key, token } = await waitingForCode();
    // The password alone opens nothing.
    expect((await client.query("auth.me", undefined, { token })).status).toBe(401);
    expect((await client.query("cases.list", {}, { token })).status).toBe(401);
    const guesses: TrpcAnswer[] = [];
    for (const code of wrongCodes(key, LOCKOUT_ATTEMPTS + 3)) {
      guesses.push(await client.mutation("auth.verifySecondFactor", { code }, { token, headers: fromAddress() }));
    }
    expect(statusCounts(guesses)).toEqual({ "401": guesses.length });
    const right = await client.mutation("auth.verifySecondFactor", { code: totp(key, now) }, { token });
    expect(right.status).toBe(401);
    expect(right.error).toEqual(guesses[0]?.error);
    expect(right.sessionToken).toBeUndefined();
    expect((await client.query("auth.me", undefined, { token })).status).toBe(401);
    // The lockout is the account's: the password does not sign in either.
    const password = await client.mutation("auth.signIn", { email: user.email, password: PASSWORD }, { headers: fromAddress() });
    expect(password.status).toBe(401);
    const [locked] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_events where entity_id = ${user.id} and action = 'auth.locked_out'`);
    expect(locked?.n).toBe(1);
    const [session] = await rows<{ stage: string }>(sql`select stage from sessions where token_hash = ${hashOf(token)}`);
    expect(session?.stage).toBe("second_factor");
    attacks.push({ attack: "TOTP code guessing on a password-only session", attempts: guesses.length + 1, stoppedBy: `the account lockout after ${LOCKOUT_ATTEMPTS} wrong codes (401, the right code refused alike)` });
  });

  it("counts parallel guesses one by one", async () => {
    const { user, key, token } = await waitingForCode();
    const codes = wrongCodes(key, 20);
    const answers = await Promise.all(codes.map((code) => client.mutation("auth.verifySecondFactor", { code }, { token, headers: fromAddress() })));
    expect(statusCounts(answers)).toEqual({ "401": codes.length });
    const failures = await rows<{ reason: string }>(sql`
      select details->>'reason' as reason from audit_events where entity_id = ${user.id} and action = 'auth.second_factor_failed'`);
    expect(failures).toHaveLength(codes.length);
    // Checked one at a time under the user's row lock: exactly the allowed number counted before the lock.
    expect(failures.filter((failure) => failure.reason === "wrong_code")).toHaveLength(LOCKOUT_ATTEMPTS);
    const right = await client.mutation("auth.verifySecondFactor", { code: totp(key, now) }, { token });
    expect(right.status).toBe(401);
    attacks.push({ attack: "20 parallel TOTP guesses", attempts: codes.length + 1, stoppedBy: `the row-locked count: ${LOCKOUT_ATTEMPTS} counted, then locked (401)` });
  });
});
