/**
 * The audit viewer: supervisors read their teams' case events, administrators their agency's
 * account events, no one else anything; filters, pages, the CSV export, and every read audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, auditEvents, desc, eq } from "@lentera/db";
import { expectCode } from "./expect-error";
import { workWorld, type Actor, type WorkWorld } from "./my-work-fixture";

let w: WorkWorld;
let caseA: { caseId: string; caseNumber: string };
let caseB: { caseId: string; caseNumber: string };
let outsiderCase: string;
const SECRET = "SECRET-what-was-said-in-session";

beforeAll(async () => {
  w = await workWorld();
  caseA = await w.newCase();
  caseB = await w.newCase({ team: "B" });
  // Account events as the sign-in and user screens write them, one of them in another agency.
  await w.t.db.insert(auditEvents).values([
    { agencyId: w.agencyId, actorUserId: w.admin.user.id, action: "user.created", entityType: "user", entityId: w.sw.user.id, changes: { roles: { from: null, to: ["social_worker"] } } },
    { agencyId: w.agencyId, actorUserId: w.sw.user.id, action: "auth.signed_in", entityType: "session", ip: "10.0.0.7" },
    { agencyId: w.outsider.user.agencyId, actorUserId: w.outsider.user.id, action: "auth.signed_in", entityType: "session" },
    // A clinical event whose stored values must never reach a log reader.
    { agencyId: w.agencyId, actorUserId: w.counselor.user.id, action: "session_note.saved", entityType: "session_note", caseId: caseA.caseId, changes: { modality: { from: SECRET, to: SECRET } }, details: { body: SECRET } },
  ]);
  await w.outsider.api.cases
    .create({
      client: { alias: "Melati", estimatedAge: 15, sex: "female", address: { country: "ID", province: null } },
      identity: { legalName: "Sari Melati" },
      harmTypes: ["sextortion"],
      referralSource: "hotline",
      riskLevel: "high",
    })
    .then((created) => (outsiderCase = created.id));
});
afterAll(async () => {
  await w.t.close();
});

async function readsBy(actor: Actor, action = "audit.read") {
  return w.t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, actor.user.id), eq(auditEvents.action, action)))
    .orderBy(desc(auditEvents.id));
}

describe("audit.list", () => {
  it("shows a supervisor the events of their team's cases, not another team's, agency's or account events", async () => {
    const { events } = await w.supervisor.api.audit.list({ limit: 100 });
    const cases = new Set(events.map((event) => event.case?.caseNumber));
    expect(cases).toEqual(new Set([caseA.caseNumber]));
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(["case.created", "case.care_team_changed", "session_note.saved"]));
    expect(events.some((event) => event.case?.id === outsiderCase)).toBe(false);
    const created = events.find((event) => event.action === "case.created");
    expect(created?.actor).toEqual({ id: w.sw.user.id, name: w.sw.user.displayName });

    const other = await w.supervisorB.api.audit.list({ limit: 100 });
    expect(new Set(other.events.map((event) => event.case?.caseNumber))).toEqual(new Set([caseB.caseNumber]));
    // Another agency's supervisor: not even with the case number.
    expect((await w.outsider.api.audit.list({ filter: { caseNumber: caseA.caseNumber } })).events).toEqual([]);
  });

  it("shows an administrator the agency's account events and no case event", async () => {
    const { events } = await w.admin.api.audit.list({ limit: 100 });
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(["user.created", "auth.signed_in"]));
    expect(events.every((event) => event.case === null)).toBe(true);
    expect(events.every((event) => ["user", "team", "agency", "settings"].includes(event.entityType) || event.action.startsWith("auth."))).toBe(true);
    expect(events.filter((event) => event.action === "auth.signed_in")).toHaveLength(1);
    expect((await w.admin.api.audit.list({ filter: { caseNumber: caseA.caseNumber } })).events).toEqual([]);
  });

  it("is FORBIDDEN to social workers and counselors", async () => {
    await expectCode(w.sw.api.audit.list({}), "FORBIDDEN");
    await expectCode(w.counselor.api.audit.list({}), "FORBIDDEN");
    await expectCode(w.sw.api.audit.export({}), "FORBIDDEN");
    await expectCode(w.counselor.api.audit.export({}), "FORBIDDEN");
  });

  it("names the fields that changed, never their values or an event's details", async () => {
    const { events } = await w.supervisor.api.audit.list({ filter: { action: "session_note.saved" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.fields).toEqual(["modality"]);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    const exported = await w.supervisor.api.audit.export({ filter: { caseNumber: caseA.caseNumber } });
    expect(JSON.stringify(exported)).not.toContain(SECRET);
  });

  it("filters by case number, action, user and period", async () => {
    const byCase = await w.supervisor.api.audit.list({ filter: { caseNumber: caseA.caseNumber.toLowerCase() } });
    expect(byCase.events.length).toBeGreaterThan(0);
    expect(byCase.events.every((event) => event.case?.caseNumber === caseA.caseNumber)).toBe(true);

    const byAction = await w.supervisor.api.audit.list({ filter: { action: "case.care_team_changed" } });
    expect(byAction.events.map((event) => event.action)).toEqual(["case.care_team_changed"]);

    const byUser = await w.supervisor.api.audit.list({ filter: { actorUserId: w.counselor.user.id } });
    expect(byUser.events.map((event) => event.action)).toEqual(["session_note.saved"]);

    const now = w.now();
    const past = await w.supervisor.api.audit.list({ filter: { from: new Date(now.getTime() - 86_400_000 * 30), to: new Date(now.getTime() - 86_400_000) } });
    expect(past.events).toEqual([]);
    const around = await w.supervisor.api.audit.list({ filter: { from: new Date(now.getTime() - 86_400_000), to: new Date(now.getTime() + 86_400_000) } });
    expect(around.events.length).toBe(byCase.events.length);
  });

  it("pages newest first without losing or repeating an event", async () => {
    const all = (await w.supervisor.api.audit.list({ limit: 100 })).events.map((event) => event.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect([...all].sort((a, b) => b - a)).toEqual(all);
    const seen: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await w.supervisor.api.audit.list({ limit: 2, ...(after ? { after } : {}) });
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events.map((event) => event.id));
      if (page.next === null) break;
      after = page.next;
    }
    expect(seen).toEqual(all);
  });

  it("records every read, outside the case histories", async () => {
    const before = (await readsBy(w.supervisorB)).length;
    await w.supervisorB.api.audit.list({ filter: { caseNumber: caseB.caseNumber }, limit: 5 });
    const reads = await readsBy(w.supervisorB);
    expect(reads).toHaveLength(before + 1);
    expect(reads[0]).toMatchObject({ caseId: null, entityType: "audit", agencyId: w.agencyId });
    expect(reads[0]?.details).toMatchObject({ filter: { caseNumber: caseB.caseNumber }, rows: expect.any(Number) as number });
    // And the viewer's own reads are not case events: the case's history stays the case's.
    expect((await w.t.auditForCase(caseB.caseId)).some((event) => event.action.startsWith("audit."))).toBe(false);
  });

  it("refuses bad filters with BAD_REQUEST and records nothing", async () => {
    const before = (await readsBy(w.supervisor)).length;
    const now = w.now();
    const bad: unknown[] = [
      { limit: 0 },
      { limit: 1000 },
      { filter: { caseNumber: "'; drop table cases; --" } },
      { filter: { action: "<script>" } },
      { filter: { actorUserId: "not-a-uuid" } },
      { filter: { from: now, to: new Date(now.getTime() - 1000) } },
      { filter: { from: new Date(now.getTime() - 400 * 86_400_000), to: now } },
      { filter: { from: new Date("1900-01-01") } },
      { filter: { unknown: true } },
      { after: -1 },
    ];
    for (const input of bad) {
      await expectCode(w.supervisor.api.audit.list(input as never), "BAD_REQUEST");
    }
    await expectCode(w.supervisor.api.audit.export({ filter: { from: now, to: new Date(0) } }), "BAD_REQUEST");
    expect(await readsBy(w.supervisor)).toHaveLength(before);
  });
});

describe("audit.export", () => {
  it("gives the filtered rows and is itself audited in the same transaction", async () => {
    const list = await w.supervisor.api.audit.list({ filter: { caseNumber: caseA.caseNumber }, limit: 100 });
    const exported = await w.supervisor.api.audit.export({ filter: { caseNumber: caseA.caseNumber } });
    expect(exported.truncated).toBe(false);
    expect(exported.rows.map((row) => row.id)).toEqual(list.events.map((event) => event.id));
    const [event] = await readsBy(w.supervisor, "audit.exported");
    expect(event).toMatchObject({ caseId: null, entityType: "audit" });
    expect(event?.details).toMatchObject({ filter: { caseNumber: caseA.caseNumber }, rows: exported.rows.length, truncated: false });

    const accounts = await w.admin.api.audit.export({});
    expect(accounts.rows.every((row) => row.case === null)).toBe(true);
    expect(accounts.rows.map((row) => row.action)).toContain("user.created");
  });
});
