import { testKeyring } from "@lentera/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agencies,
  and,
  appointments,
  cases,
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
    const [demoCase] = await db.db.select({ id: cases.id, status: cases.status }).from(cases);
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
