/**
 * Concurrency over real HTTP: many requests at once against the same record. Whatever the server
 * acknowledged must be there afterwards, with its audit event; whatever it refused must have
 * changed nothing. Runs on PGlite and, with TEST_DATABASE_URL, on Postgres (real parallelism: a
 * pool of connections and row locks).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@lentera/api";
import { testKeyring } from "@lentera/api/testing";
import { queryRows, sql, type DbHandle } from "@lentera/db";
import { createTestDb, makeAgency, makeTeam, makeUser } from "@lentera/db/testing";
import type { CreateCaseInput, GoalInput } from "@lentera/domain";
import { parseEnv } from "../src/env";
import { createServer, type LenteraServer } from "../src/server";
import { listenOnLoopback, signInToken, statusCounts, trpcClient, type TrpcAnswer, type TrpcClient } from "./http-client";

const PARALLEL = 20;
const PASSWORD = "a passphrase for the concurrency test";
const HOUR = 3_600_000;
const LOCKOUT_ATTEMPTS = 5;

let db: DbHandle;
let server: LenteraServer;
let client: TrpcClient;
let agencyId = "";
let teamId = "";
const tokens = { sw: "", counselor: "", supervisor: "" };
const ids = { sw: "", counselor: "", supervisor: "" };
/** Every figure the file prints at the end. */
const figures: { scenario: string; made: number; acknowledged: number; lost: number }[] = [];

const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(db.db, query);
const parallel = <T>(count: number, call: (n: number) => Promise<TrpcAnswer<T>>) => Promise.all(Array.from({ length: count }, (_, n) => call(n)));

const intake = (): CreateCaseInput => ({
  client: { alias: `Race ${randomUUID().slice(0, 6)}`, estimatedAge: 15, sex: "female", address: { country: "ID", province: null } },
  identity: { legalName: "Concurrency Test Legal Name" },
  harmTypes: ["sextortion"],
  referralSource: "hotline",
  riskLevel: "high",
});

/** A case of the team: the social worker primary, the counselor on its care team. */
async function newCase(): Promise<{ caseId: string; version: number }> {
  const created = await client.mutation<{ id: string; version: number }>("cases.create", intake(), { token: tokens.sw });
  if (!created.data) throw new Error(`case not created: ${created.status}`);
  const team = await client.mutation<{ version: number }>(
    "cases.assignCareTeam",
    { caseId: created.data.id, version: created.data.version, primarySocialWorkerId: ids.sw, counselorIds: [ids.counselor] },
    { token: tokens.supervisor },
  );
  if (!team.data) throw new Error(`care team not assigned: ${team.status}`);
  return { caseId: created.data.id, version: team.data.version };
}

beforeAll(async () => {
  db = await createTestDb();
  // The second factor is another test's subject: this agency does not require it.
  const agency = await makeAgency(db.db, { country: "ID", requireTwoFactor: false });
  agencyId = agency.id;
  teamId = (await makeTeam(db.db, agencyId)).id;
  const passwordHash = await hashPassword(PASSWORD);
  const env = parseEnv({ NODE_ENV: "test", LENTERA_SEED_DEMO: "false", LOG_LEVEL: "silent", LENTERA_WEB_DIST: "/nonexistent", SIGN_IN_RATE_LIMIT_PER_MINUTE: "1000", LOCKOUT_ATTEMPTS: String(LOCKOUT_ATTEMPTS) });
  server = await createServer({ env, db, keyring: testKeyring });
  client = trpcClient(await listenOnLoopback(server));
  for (const [key, role] of [["sw", "social_worker"], ["counselor", "counselor"], ["supervisor", "supervisor"]] as const) {
    const user = await makeUser(db.db, { agencyId, roles: [role], teamIds: [teamId], passwordHash });
    ids[key] = user.id;
    tokens[key] = await signInToken(client, user.email, PASSWORD);
  }
});
afterAll(async () => {
  console.info(
    [
      ...figures.map((f) => `[concurrency] ${f.scenario}: parallel writes made ${f.made}, acknowledged ${f.acknowledged}, lost ${f.lost}`),
      `[concurrency] total (${db.driver}): parallel writes made ${figures.reduce((n, f) => n + f.made, 0)}, acknowledged ${figures.reduce((n, f) => n + f.acknowledged, 0)}, lost ${figures.reduce((n, f) => n + f.lost, 0)}`,
    ].join("\n"),
  );
  await server.stop();
  await db.close();
});

describe("parallel updates of one case from the same version", () => {
  it("lets exactly one win; the rest are CONFLICT and change nothing; the winner's change and audit event are there", async () => {
    const { caseId, version } = await newCase();
    const answers = await parallel(PARALLEL, (n) =>
      client.mutation<{ version: number }>("cases.update", { caseId, version, riskConcerns: `writer ${n}` }, { token: tokens.sw }),
    );
    const won = answers.flatMap((answer, n) => (answer.status === 200 ? [n] : []));
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409 && answer.error?.domainCode === "stale_version")).toHaveLength(PARALLEL - 1);
    const [state] = await rows<{ risk_concerns: string; version: number }>(sql`select risk_concerns, version from cases where id = ${caseId}::uuid`);
    expect(state).toEqual({ risk_concerns: `writer ${won[0]}`, version: version + 1 });
    const events = await rows<{ changes: Record<string, { to: unknown }> }>(
      sql`select changes from audit_events where entity_id = ${caseId} and action = 'case.updated'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.changes.riskConcerns?.to).toBe(`writer ${won[0]}`);
    figures.push({ scenario: "20 updates of one case, same version", made: PARALLEL, acknowledged: won.length, lost: state?.risk_concerns === `writer ${won[0]}` ? 0 : 1 });
  });

  it("with retry on CONFLICT every writer gets through, one version each, and the last acknowledged is the state", async () => {
    const { caseId, version: start } = await newCase();
    const write = async (n: number): Promise<TrpcAnswer<{ version: number }>> => {
      for (let attempt = 0; ; attempt++) {
        const [current] = await rows<{ version: number }>(sql`select version from cases where id = ${caseId}::uuid`);
        const answer = await client.mutation<{ version: number }>("cases.update", { caseId, version: current?.version ?? -1, riskConcerns: `retrier ${n}` }, { token: tokens.sw });
        if (answer.status !== 409 || attempt > 200) return answer;
      }
    };
    const answers = await parallel(PARALLEL, write);
    expect(statusCounts(answers)).toEqual({ "200": PARALLEL });
    const versions = answers.map((answer) => answer.data?.version ?? -1).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: PARALLEL }, (_, n) => start + n + 1));
    const last = answers.findIndex((answer) => answer.data?.version === start + PARALLEL);
    const [state] = await rows<{ risk_concerns: string; version: number }>(sql`select risk_concerns, version from cases where id = ${caseId}::uuid`);
    expect(state).toEqual({ risk_concerns: `retrier ${last}`, version: start + PARALLEL });
    const events = await rows<{ to: string }>(
      sql`select changes->'riskConcerns'->>'to' as "to" from audit_events where entity_id = ${caseId} and action = 'case.updated'`,
    );
    const audited = new Set(events.map((event) => event.to));
    const lost = answers.filter((_, n) => !audited.has(`retrier ${n}`)).length;
    expect(events).toHaveLength(PARALLEL);
    expect(lost).toBe(0);
    figures.push({ scenario: "20 updates of one case, retried on conflict", made: PARALLEL, acknowledged: answers.length, lost });
  });
});

describe("parallel appends to one case", () => {
  it("keeps every acknowledged consent with its audit event", async () => {
    const { caseId } = await newCase();
    const answers = await parallel(PARALLEL, (n) =>
      client.mutation<{ id: string }>(
        "cases.consents.record",
        { caseId, scope: "services", givenBy: n % 2 ? "client" : "guardian", givenOn: "2026-01-05", note: `consent ${n}` },
        { token: tokens.sw },
      ),
    );
    expect(statusCounts(answers)).toEqual({ "200": PARALLEL });
    const acknowledged = answers.map((answer) => answer.data?.id ?? "");
    const stored = await rows<{ id: string }>(sql`
      select c.id::text as id from consents c
      where c.case_id = ${caseId}::uuid
        and exists (select 1 from audit_events a where a.entity_id = c.id::text and a.action = 'consent.recorded')`);
    const lost = acknowledged.filter((id) => !stored.some((row) => row.id === id)).length;
    expect(stored).toHaveLength(PARALLEL);
    expect(lost).toBe(0);
    figures.push({ scenario: "20 consents on one case", made: PARALLEL, acknowledged: acknowledged.length, lost });
  });

  it("keeps every acknowledged progress review of one goal with its audit event", async () => {
    const { caseId } = await newCase();
    const goals: GoalInput[] = [
      { key: randomUUID(), domain: "physical", title: "Completes the course of treatment" },
      { key: randomUUID(), domain: "psychological", title: "Sleeps through most nights" },
      { key: randomUUID(), domain: "social", title: "Back at school" },
    ];
    const draft = await client.mutation<{ id: string; version: number }>("plans.startDraft", { caseId }, { token: tokens.sw });
    const saved = await client.mutation<{ version: number }>("plans.saveDraft", { versionId: draft.data?.id, version: draft.data?.version, goals }, { token: tokens.sw });
    const submitted = await client.mutation<{ version: number }>("plans.submit", { versionId: draft.data?.id, version: saved.data?.version }, { token: tokens.sw });
    const approved = await client.mutation("plans.decide", { versionId: draft.data?.id, version: submitted.data?.version, decision: "approve" }, { token: tokens.supervisor });
    expect(approved.status).toBe(200);
    const goalKey = goals[1]?.key;
    const answers = await parallel(PARALLEL, (n) =>
      client.mutation<{ id: string }>(
        "plans.recordReview",
        { caseId, goalKey, reviewedOn: "2026-02-01", progress: n * 5, note: `review ${n}` },
        { token: n % 2 ? tokens.sw : tokens.counselor },
      ),
    );
    expect(statusCounts(answers)).toEqual({ "200": PARALLEL });
    const stored = await rows<{ id: string }>(sql`
      select r.id::text as id from goal_reviews r
      where r.case_id = ${caseId}::uuid
        and exists (select 1 from audit_events a where a.entity_id = r.id::text and a.action = 'plan.review_recorded')`);
    const lost = answers.filter((answer) => !stored.some((row) => row.id === answer.data?.id)).length;
    expect(stored).toHaveLength(PARALLEL);
    expect(lost).toBe(0);
    figures.push({ scenario: "20 progress reviews of one goal", made: PARALLEL, acknowledged: answers.length, lost });
  });
});

describe("parallel bookings of one staff member's time", () => {
  const base = Math.ceil(Date.now() / (24 * HOUR)) * 24 * HOUR + 3 * 24 * HOUR;

  it("books the same hour once; every other request is CONFLICT naming the clash", async () => {
    const { caseId } = await newCase();
    const startsAt = new Date(base + 2 * HOUR);
    const endsAt = new Date(base + 3 * HOUR);
    const answers = await parallel(PARALLEL, () =>
      client.mutation<{ id: string }>("appointments.book", { caseId, staffUserId: ids.counselor, kind: "counseling", startsAt, endsAt }, { token: tokens.sw }),
    );
    const booked = answers.filter((answer) => answer.status === 200);
    expect(booked).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(refused).toHaveLength(PARALLEL - 1);
    for (const answer of refused) {
      expect(answer.error).toMatchObject({ domainCode: "conflict", message: "appointment_clash" });
      expect(answer.error?.domainDetails).toMatchObject({ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
    }
    const [held] = await rows<{ n: number }>(sql`
      select count(*)::int as n from appointments where staff_user_id = ${ids.counselor}::uuid and status = 'scheduled'
        and tstzrange(starts_at, ends_at, '[)') && tstzrange(${startsAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz, '[)')`);
    expect(held?.n).toBe(1);
    const lost = booked.filter((answer) => answer.data?.id === undefined).length;
    figures.push({ scenario: "20 bookings of the same hour", made: PARALLEL, acknowledged: booked.length, lost });
  });

  it("books staggered, overlapping hours without ever holding two at once", async () => {
    const { caseId } = await newCase();
    const day = base + 24 * HOUR;
    // Starts 15 minutes apart, an hour long: each overlaps its three neighbours on either side.
    const answers = await parallel(PARALLEL, (n) =>
      client.mutation<{ id: string }>(
        "appointments.book",
        { caseId, staffUserId: ids.counselor, kind: "home_visit", startsAt: new Date(day + n * 15 * 60_000), endsAt: new Date(day + n * 15 * 60_000 + HOUR) },
        { token: tokens.sw },
      ),
    );
    expect(answers.every((answer) => answer.status === 200 || (answer.status === 409 && answer.error?.message === "appointment_clash"))).toBe(true);
    const booked = answers.filter((answer) => answer.status === 200);
    const [overlaps] = await rows<{ n: number }>(sql`
      select count(*)::int as n from appointments a join appointments b on a.id < b.id
      where a.staff_user_id = ${ids.counselor}::uuid and b.staff_user_id = a.staff_user_id
        and a.status = 'scheduled' and b.status = 'scheduled'
        and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')`);
    expect(overlaps?.n).toBe(0);
    const stored = await rows<{ id: string }>(sql`
      select p.id::text as id from appointments p
      where p.case_id = ${caseId}::uuid
        and exists (select 1 from audit_events a where a.entity_id = p.id::text and a.action = 'appointment.booked')`);
    const lost = booked.filter((answer) => !stored.some((row) => row.id === answer.data?.id)).length;
    expect(stored).toHaveLength(booked.length);
    // No refusal without a reason: every refused start is within an hour of one that was booked.
    const bookedStarts = answers.flatMap((answer, n) => (answer.status === 200 ? [n] : []));
    const refusedStarts = answers.flatMap((answer, n) => (answer.status === 409 ? [n] : []));
    expect(refusedStarts.filter((n) => !bookedStarts.some((m) => Math.abs(n - m) < 4))).toEqual([]);
    expect(lost).toBe(0);
    figures.push({ scenario: "20 staggered bookings of one diary", made: PARALLEL, acknowledged: booked.length, lost });
  });
});

describe("parallel sign-ins", () => {
  it("counts parallel wrong passwords exactly towards the lockout", async () => {
    const user = await makeUser(db.db, { agencyId, roles: ["social_worker"], teamIds: [teamId], passwordHash: await hashPassword(PASSWORD) });
    const answers = await parallel(PARALLEL, (n) => client.mutation("auth.signIn", { email: user.email, password: `wrong guess ${n}` }));
    expect(statusCounts(answers)).toEqual({ "401": PARALLEL });
    const failures = await rows<{ reason: string }>(sql`
      select details->>'reason' as reason from audit_events where entity_id = ${user.id} and action = 'auth.sign_in_failed'`);
    const [lockouts] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_events where entity_id = ${user.id} and action = 'auth.locked_out'`);
    const [state] = await rows<{ failed: number; locked: boolean }>(sql`
      select failed_sign_ins as failed, locked_until > now() as locked from users where id = ${user.id}::uuid`);
    // Every attempt recorded; every wrong password that was counted went into the counter or a lockout.
    expect(failures).toHaveLength(PARALLEL);
    const counted = failures.filter((failure) => failure.reason === "wrong_password").length;
    expect(counted).toBeGreaterThanOrEqual(LOCKOUT_ATTEMPTS);
    expect((lockouts?.n ?? 0) * LOCKOUT_ATTEMPTS + (state?.failed ?? 0)).toBe(counted);
    expect(state?.locked).toBe(true);
    // Locked: even the right password is refused, with the same answer as a wrong one.
    const right = await client.mutation("auth.signIn", { email: user.email, password: PASSWORD });
    expect(right.status).toBe(401);
    expect(right.sessionToken).toBeUndefined();
    // An attempt is "acknowledged" as a refusal; one without its audit event would be lost.
    figures.push({ scenario: "20 wrong passwords at once (each answered 401 and counted)", made: PARALLEL, acknowledged: answers.length, lost: PARALLEL - failures.length });
  });

  it("gives 20 parallel right sign-ins 20 distinct working sessions", async () => {
    const user = await makeUser(db.db, { agencyId, roles: ["counselor"], teamIds: [teamId], passwordHash: await hashPassword(PASSWORD) });
    const answers = await parallel(PARALLEL, () => client.mutation("auth.signIn", { email: user.email, password: PASSWORD }));
    expect(statusCounts(answers)).toEqual({ "200": PARALLEL });
    const sessionTokens = new Set(answers.map((answer) => answer.sessionToken));
    expect(sessionTokens.size).toBe(PARALLEL);
    const [stored] = await rows<{ n: number }>(sql`select count(*)::int as n from sessions where user_id = ${user.id}::uuid`);
    expect(stored?.n).toBe(PARALLEL);
    const me = await Promise.all([...sessionTokens].map((token) => client.query("auth.me", undefined, { token })));
    const lost = me.filter((answer) => answer.status !== 200).length;
    expect(lost).toBe(0);
    figures.push({ scenario: "20 right sign-ins at once", made: PARALLEL, acknowledged: PARALLEL, lost });
  });
});
