import { testKeyring } from "@lentera/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agencies,
  and,
  appointments,
  cases,
  clients,
  createDb,
  DEMO_PASSWORD,
  DEMO_USERS,
  eq,
  isNotNull,
  lt,
  outcomeAssessments,
  planGoals,
  planVersions,
  riskFlags,
  screeningResults,
  sessionNotes,
  teamMemberships,
  teams,
  users,
  type DbHandle,
} from "@lentera/db";
import { ROLES } from "@lentera/domain";
import { parseEnv } from "../src/env";
import { createServer } from "../src/server";

// Always a fresh embedded database: seeding is defined for an empty one.
let db: DbHandle;
beforeAll(async () => {
  db = await createDb();
});
afterAll(() => db.close());

describe("demo seed on start", () => {
  it("never seeds in production", () => {
    expect(parseEnv({ NODE_ENV: "production", LENTERA_SEED_DEMO: "true" }).LENTERA_SEED_DEMO).toBe(false);
    expect(parseEnv({ NODE_ENV: "development" }).LENTERA_SEED_DEMO).toBe(true);
  });

  it("seeds an empty database with one agency, two teams and every role, once", async () => {
    const env = parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", LENTERA_WEB_DIST: "/nonexistent" });
    const first = await createServer({ env, db, keyring: testKeyring });
    await first.app.close();
    const second = await createServer({ env, db, keyring: testKeyring });
    await second.app.close();

    expect(await db.db.select().from(agencies)).toHaveLength(1);
    expect(await db.db.select().from(teams)).toHaveLength(2);
    const seededUsers = await db.db.select({ roles: users.roles }).from(users);
    expect(seededUsers).toHaveLength(DEMO_USERS.length);
    for (const role of ROLES) expect(seededUsers.some((user) => user.roles.includes(role))).toBe(true);
    expect((await db.db.select().from(teamMemberships)).length).toBeGreaterThanOrEqual(4);
  });

  it("seeds one demo case with months of history: a plan in force, an overdue review and two scored assessments", async () => {
    const [demoCase] = await db.db
      .select({ id: cases.id, status: cases.status })
      .from(cases)
      .innerJoin(clients, eq(clients.id, cases.clientId))
      .where(eq(clients.alias, "Ani"));
    expect(demoCase?.status).toBe("active");
    const caseId = demoCase?.id ?? "";
    const versions = await db.db.select({ status: planVersions.status }).from(planVersions).where(eq(planVersions.caseId, caseId));
    expect(versions.map((version) => version.status)).toEqual(["approved"]);
    const today = new Date().toISOString().slice(0, 10);
    const overdue = await db.db
      .select({ title: planGoals.title })
      .from(planGoals)
      .where(and(eq(planGoals.caseId, caseId), isNotNull(planGoals.reviewDueOn), lt(planGoals.reviewDueOn, today)));
    expect(overdue.map((goal) => goal.title)).toEqual(["Completes the health check and dental treatment"]);
    const assessments = await db.db
      .select({ status: outcomeAssessments.status, scores: outcomeAssessments.domainScores })
      .from(outcomeAssessments)
      .where(eq(outcomeAssessments.caseId, caseId))
      .orderBy(outcomeAssessments.assessedOn);
    const safety = assessments.map((assessment) => assessment.scores.find((score) => score.domain === "safety"));
    expect(assessments.map((assessment) => assessment.status)).toEqual(["completed", "completed"]);
    expect(safety.map((score) => [score?.score, score?.atRisk])).toEqual([[1.33, true], [3, false]]);
    const booked = await db.db
      .select({ status: appointments.status, startsAt: appointments.startsAt })
      .from(appointments)
      .where(eq(appointments.caseId, caseId))
      .orderBy(appointments.startsAt);
    const now = Date.now();
    expect(booked.map((appointment) => appointment.status)).toEqual(["attended", "scheduled", "scheduled"]);
    expect(booked.map((appointment) => appointment.startsAt.getTime() < now)).toEqual([true, true, false]);
    // Last week's session: signed, a positive PHQ-A, and an open flag for the exploiter's contact.
    const notes = await db.db.select({ status: sessionNotes.status }).from(sessionNotes).where(eq(sessionNotes.caseId, caseId));
    expect(notes.map((note) => note.status)).toEqual(["signed"]);
    const screens = await db.db.select({ total: screeningResults.total, positive: screeningResults.positive }).from(screeningResults);
    expect(screens).toEqual([{ total: 11, positive: true }]);
    const flags = await db.db.select({ kinds: riskFlags.kinds, acknowledgedAt: riskFlags.acknowledgedAt }).from(riskFlags);
    expect(flags).toEqual([{ kinds: ["exploiter_contact"], acknowledgedAt: null }]);
  });

  it("gives each demo user real work on My work, from the demo data", async () => {
    const server = await createServer({
      env: parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", LENTERA_WEB_DIST: "/nonexistent" }),
      db,
      keyring: testKeyring,
    });
    const headers = { "content-type": "application/json", "x-lentera-csrf": "1" };
    async function myWorkKinds(email: string): Promise<string[]> {
      const signIn = await server.app.inject({ method: "POST", url: "/trpc/auth.signIn", headers, payload: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }) });
      const cookie = /lentera_session=[^;]+/.exec(String(signIn.headers["set-cookie"]))?.[0] ?? "";
      const response = await server.app.inject({ method: "GET", url: "/trpc/myWork.get", headers: { cookie } });
      expect(response.statusCode).toBe(200);
      const work = response.json<{ result: { data: { json: { sections: { items: { kind: string }[] }[] } } } }>().result.data.json;
      return [...new Set(work.sections.flatMap((section) => section.items.map((item) => item.kind)))].sort();
    }
    // The overdue physical review, the session two days ago without an outcome, the take-down past
    // its target, and Sari's six-month follow-up.
    expect(await myWorkKinds("social.worker@example.org")).toEqual(
      expect.arrayContaining(["follow_up_due", "milestone_overdue", "outcome_missing", "review_due"]),
    );
    // Last week's positive PHQ-A, not yet followed up.
    expect(await myWorkKinds("counselor@example.org")).toEqual(expect.arrayContaining(["positive_screen"]));
    // The exploiter-contact flag, the night's break-glass access, the attendance milestone to verify.
    expect(await myWorkKinds("supervisor@example.org")).toEqual(
      expect.arrayContaining(["break_glass_to_review", "milestone_to_verify", "risk_flag_open"]),
    );
    expect(await myWorkKinds("admin@example.org")).toEqual([]);
    await server.app.close();
  });

  it("gives the demo supervisor a dashboard that tells the demo's story", async () => {
    const server = await createServer({
      env: parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", LENTERA_WEB_DIST: "/nonexistent" }),
      db,
      keyring: testKeyring,
    });
    const headers = { "content-type": "application/json", "x-lentera-csrf": "1" };
    const signIn = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers,
      payload: JSON.stringify({ json: { email: "supervisor@example.org", password: DEMO_PASSWORD } }),
    });
    const cookie = /lentera_session=[^;]+/.exec(String(signIn.headers["set-cookie"]))?.[0] ?? "";
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const input = encodeURIComponent(JSON.stringify({ json: { filter: { from, to: today } } }));
    const response = await server.app.inject({ method: "GET", url: `/trpc/dashboard.get?input=${input}`, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const dashboard = response.json<{ result: { data: { json: Record<string, unknown> } } }>().result.data.json;
    // Ani (active, with an overdue review, an open exploiter-contact flag, milestones) and Sari (closed).
    expect(dashboard).toMatchObject({
      reach: "teams",
      casesByStatus: { active: 1, closed: 1 },
      openFlags: 1,
      overdue: { totalReviews: 1 },
      timeToFirstSession: { reached: 1 },
    });
    expect(dashboard.milestonesByDomain).not.toEqual([]);
    await server.app.close();
  });

  it("lets the demo supervisor sign in", async () => {
    const server = await createServer({
      env: parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", LENTERA_WEB_DIST: "/nonexistent" }),
      db,
      keyring: testKeyring,
    });
    const response = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      payload: JSON.stringify({ json: { email: "supervisor@example.org", password: DEMO_PASSWORD } }),
      headers: { "content-type": "application/json", "x-lentera-csrf": "1" },
    });
    expect(response.statusCode).toBe(200);
    await server.app.close();
  });
});
