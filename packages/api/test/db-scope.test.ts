/**
 * Defense in depth: every signed-in request runs as lentera_app in one transaction scoped to its
 * user, so a query that forgets its check still sees only what the row-level security policies allow.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "@lentera/domain";
import { auditEvents, cases, clients, eq, evidenceEntries, queryRows, sql, type Executor } from "@lentera/db";
import { recordAudit } from "../src/audit";
import { createContext } from "../src/context";
import { inDbScope, keepDespiteRefusal } from "../src/db-scope";
import { authedProcedure, createCallerFactory, createTRPCRouter } from "../src/trpc";
import { TestCookieJar } from "../src/testing";
import { harmWorld, sha, type HarmWorld } from "./online-harm-fixture";
import type { Actor } from "./my-work-fixture";

// Procedures that forget every check: what they return is what the database alone lets through.
const probe = createTRPCRouter({
  everyCase: authedProcedure.query(({ ctx }) => ctx.db.select({ id: cases.id, agencyId: cases.agencyId }).from(cases)),
  everyClient: authedProcedure.query(({ ctx }) => ctx.db.select({ id: clients.id, agencyId: clients.agencyId }).from(clients)),
  everyEvidence: authedProcedure.query(({ ctx }) => ctx.db.select({ caseId: evidenceEntries.caseId }).from(evidenceEntries)),
  everyAuditAgency: authedProcedure.query(({ ctx }) =>
    queryRows<{ agency_id: string | null }>(ctx.db, sql`select distinct agency_id::text from audit_events`),
  ),
  whoAmI: authedProcedure.query(({ ctx }) =>
    queryRows<{ role: string; agency: string; user_id: string }>(
      ctx.db,
      sql`select current_user as role, current_setting('app.agency_id', true) as agency, current_setting('app.user_id', true) as user_id`,
    ),
  ),
  writeThenRefuse: authedProcedure.input(z.object({ tag: z.string(), keep: z.boolean() })).mutation(async ({ ctx, input }) => {
    const write = (db: Executor) =>
      recordAudit(db, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, { action: "test.refused_attempt", entityType: "test", entityId: input.tag });
    if (input.keep) await keepDespiteRefusal(ctx.db, write);
    else await write(ctx.db);
    await recordAudit(ctx.db, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, { action: "test.change", entityType: "test", entityId: input.tag });
    throw new DomainError("forbidden");
  }),
});
const createProbe = createCallerFactory(probe);

let w: HarmWorld;
let caseA: string;
let caseANumber: string;
let caseB: string;
let outsiderCase: string;
function probeAs(actor: Actor) {
  return createProbe(createContext(w.t.deps, { requestId: randomUUID(), ip: "127.0.0.1", userAgent: "Probe/1.0", sessionToken: actor.token, cookies: new TestCookieJar() }));
}

beforeAll(async () => {
  w = await harmWorld();
  ({ caseId: caseA, caseNumber: caseANumber } = await w.newCase());
  caseB = (await w.newCase({ team: "B" })).caseId;
  for (const caseId of [caseA, caseB]) {
    const by = caseId === caseA ? w.sw : w.swB;
    await by.api.onlineHarm.recordEvidence({ caseId, kind: "collected", description: "Screenshots of the threats", sha256: sha(caseId), on: w.today() });
  }
  // The other agency's own case, so that there is something to leak.
  outsiderCase = (
    await w.outsider.api.cases.create({
      client: { alias: `Melati ${randomUUID().slice(0, 6)}`, estimatedAge: 16, sex: "female", address: { country: "ID", province: null } },
      identity: { legalName: "Sri Wahyuni" },
      harmTypes: ["sextortion"],
      referralSource: "hotline",
      riskLevel: "high",
    })
  ).id;
}, 120_000);
afterAll(async () => {
  await w.t.close();
});

describe("a signed-in request's database scope", () => {
  it("runs as lentera_app with the user's agency and id set for this transaction only", async () => {
    const [row] = await probeAs(w.sw).whoAmI();
    expect(row).toEqual({ role: "lentera_app", agency: w.agencyId, user_id: w.sw.user.id });
    // The pool's connection is back to its own role and no scope afterwards.
    const [after] = await queryRows<{ role: string; agency: string | null }>(w.t.db, sql`select current_user as role, current_setting('app.agency_id', true) as agency`);
    expect(after?.role).not.toBe("lentera_app");
    expect(after?.agency ?? "").toBe("");
  });

  it("shows a query without any check only the caller's agency's cases and clients", async () => {
    const seen = await probeAs(w.sw).everyCase();
    const ids = seen.map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([caseA, caseB]));
    expect(ids).not.toContain(outsiderCase);
    expect(new Set(seen.map((row) => row.agencyId))).toEqual(new Set([w.agencyId]));
    const clientAgencies = new Set((await probeAs(w.sw).everyClient()).map((row) => row.agencyId));
    expect(clientAgencies).toEqual(new Set([w.agencyId]));
    // The other agency sees its own case and none of ours.
    const theirs = (await probeAs(w.outsider).everyCase()).map((row) => row.id);
    expect(theirs).toContain(outsiderCase);
    expect(theirs).not.toContain(caseA);
    // The owner's connection (no scope, as the migrations run) sees both: the filter is the policy's.
    const all = (await w.t.db.select({ id: cases.id }).from(cases)).map((row) => row.id);
    expect(all).toEqual(expect.arrayContaining([caseA, caseB, outsiderCase]));
  });

  it("shows the evidence log only of the cases the user can open (care team, supervisor, break-glass)", async () => {
    const evidenceOf = async (actor: Actor) => new Set((await probeAs(actor).everyEvidence()).map((row) => row.caseId));
    expect(await evidenceOf(w.sw)).toEqual(new Set([caseA]));
    expect(await evidenceOf(w.supervisorB)).toEqual(new Set([caseB]));
    expect(await evidenceOf(w.swSameTeam)).toEqual(new Set());
    expect(await evidenceOf(w.admin)).toEqual(new Set());
    expect(await evidenceOf(w.otherCounselor)).toEqual(new Set());
    await w.breakGlassReader.api.cases.breakGlass({ caseNumber: caseANumber, reason: "The survivor called the hotline at night" });
    expect(await evidenceOf(w.breakGlassReader)).toEqual(new Set([caseA]));
    // The grant ends with the request's clock, as in the API.
    w.t.advanceClock(2 * 60 * 60 * 1000);
    expect(await evidenceOf(w.breakGlassReader)).toEqual(new Set());
  });

  it("shows the audit trail of the caller's agency only", async () => {
    const agencies = (await probeAs(w.sw).everyAuditAgency()).map((row) => row.agency_id);
    expect(agencies).toEqual([w.agencyId]);
  });

  it("rolls back what a refused procedure wrote, except the writes kept despite the refusal", async () => {
    const tag = randomUUID();
    await expect(probeAs(w.sw).writeThenRefuse({ tag, keep: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await w.t.db.select().from(auditEvents).where(eq(auditEvents.entityId, tag))).toEqual([]);

    const kept = randomUUID();
    await expect(probeAs(w.sw).writeThenRefuse({ tag: kept, keep: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rows = await w.t.db.select({ action: auditEvents.action, agencyId: auditEvents.agencyId }).from(auditEvents).where(eq(auditEvents.entityId, kept));
    expect(rows).toEqual([{ action: "test.refused_attempt", agencyId: w.agencyId }]);
  });

  it("sees nothing of an agency's data without the agency setting", async () => {
    const [row] = await inDbScope(w.t.db, { agencyId: w.agencyId, userId: w.sw.user.id, now: w.t.deps.clock() }, async (db) => {
      await db.execute(sql`select set_config('app.agency_id', '', true)`);
      return queryRows<{ cases: number; audit: number }>(db, sql`select (select count(*) from cases)::int as cases, (select count(*) from audit_events)::int as audit`);
    });
    expect(row).toEqual({ cases: 0, audit: 0 });
  });
});
