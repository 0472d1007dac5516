import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, notifications, riskFlags, sessionNotes } from "@lentera/db";
import type { RiskFlagKind } from "@lentera/domain";
import { createContext } from "../src/context";
import { loadSession } from "../src/auth/sessions";
import { raiseRiskFlag } from "../src/sessions/flags";
import { EMPTY_NOTE_BODY, sealNoteBody } from "../src/sessions/body";
import { TestCookieJar, testKeyring } from "../src/testing";
import type { AuthedContext } from "../src/trpc";
import { domainCause, expectCode } from "./expect-error";
import { appointmentWorld, type Actor } from "./appointments-fixture";

let w: Awaited<ReturnType<typeof appointmentWorld>>;
/** A second counselor and a second social worker on the care team of the case. */
let counselor2: Actor;
let swCare: Actor;
let caseId: string;
let caseNumber: string;
let alias: string;

beforeAll(async () => {
  w = await appointmentWorld();
  counselor2 = await w.freshCounselor();
  swCare = await w.t.signedInUser({ agencyId: w.agencyId, roles: ["social_worker"], teamIds: [w.teamA] });
  ({ caseId, caseNumber, alias } = await w.newCase([w.counselor.user.id, counselor2.user.id]));
  const { version } = (await w.sw.api.cases.byId({ caseId })) as { version: number };
  await w.supervisor.api.cases.assignCareTeam({
    caseId,
    version,
    primarySocialWorkerId: w.sw.user.id,
    counselorIds: [w.counselor.user.id, counselor2.user.id],
    socialWorkerIds: [swCare.user.id],
  });
});
afterAll(() => w.t.close());

/** The service's context for a signed-in actor, as a procedure would have it. */
async function contextOf(actor: Actor): Promise<AuthedContext> {
  const session = await loadSession(w.t.deps, actor.token);
  if (!session) throw new Error("no session");
  const base = createContext(w.t.deps, { requestId: randomUUID(), ip: "127.0.0.1", sessionToken: actor.token, cookies: new TestCookieJar() });
  return { ...base, user: session.user, sessionTokenHash: session.tokenHash };
}

/** A draft note by `author` on the case (rows written directly until the session procedures exist). */
async function insertNote(author: Actor = w.counselor, onCase = caseId): Promise<string> {
  const id = randomUUID();
  await w.t.db.insert(sessionNotes).values({
    id,
    agencyId: w.agencyId,
    caseId: onCase,
    counselorId: author.user.id,
    sessionDate: "2026-01-15",
    durationMinutes: 50,
    modality: "in_person",
    format: "dap",
    body: sealNoteBody(testKeyring, id, EMPTY_NOTE_BODY),
  });
  return id;
}

/** What `sessions.save` does for a "yes" on the risk check: raise in the save's transaction. */
async function raise(noteId: string, kinds: RiskFlagKind[], by: Actor = w.counselor, onCase = caseId) {
  const ctx = await contextOf(by);
  return w.t.db.transaction((tx) => raiseRiskFlag(ctx, tx, { caseId: onCase, noteId, kinds }));
}

const flagRows = (noteId: string) => w.t.db.select().from(riskFlags).where(eq(riskFlags.noteId, noteId));
const notificationsOf = (flagId: string) =>
  w.t.db.select({ userId: notifications.userId, readAt: notifications.readAt }).from(notifications).where(eq(notifications.flagId, flagId));

describe("raising a risk flag", () => {
  it("creates one flag, extends the same open flag with new kinds, and notifies the care team and the team's supervisors once each", async () => {
    const noteId = await insertNote();
    const first = await raise(noteId, ["self_harm"]);
    expect(first.created).toBe(true);
    const told = await notificationsOf(first.flagId);
    // Care team (both social workers, the other counselor) and the team's supervisor; not the author,
    // nor anyone who is neither on the care team nor supervising the team.
    expect(told.map((n) => n.userId).sort()).toEqual([w.sw.user.id, swCare.user.id, counselor2.user.id, w.supervisor.user.id].sort());

    // Someone reads theirs; then a second save adds a kind.
    await w.t.db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.flagId, first.flagId), eq(notifications.userId, w.sw.user.id)));
    const second = await raise(noteId, ["unsafe_home", "self_harm"]);
    expect(second).toEqual({ flagId: first.flagId, created: false });
    const [flag, ...others] = await flagRows(noteId);
    expect(others).toHaveLength(0);
    expect(flag).toMatchObject({ kinds: ["self_harm", "unsafe_home"], version: 1, raisedBy: w.counselor.user.id, acknowledgedAt: null });
    const toldAgain = await notificationsOf(first.flagId);
    expect(toldAgain).toHaveLength(4);
    expect(toldAgain.every((n) => n.readAt === null)).toBe(true);

    // An autosave with nothing new changes nothing and writes no event.
    const eventsBefore = (await w.t.auditFor(first.flagId)).length;
    expect(await raise(noteId, ["self_harm"])).toEqual({ flagId: first.flagId, created: false });
    expect((await flagRows(noteId))[0]?.version).toBe(1);
    expect(await w.t.auditFor(first.flagId)).toHaveLength(eventsBefore);
  });

  it("audits the kinds, never what was said", async () => {
    const noteId = await insertNote();
    const { flagId } = await raise(noteId, ["suicidal_thoughts"]);
    await raise(noteId, ["exploiter_contact"]);
    const events = await w.t.auditFor(flagId);
    expect(events.map((e) => e.action)).toEqual(["risk_flag.raised", "risk_flag.raised"]);
    const [extended, raised] = events;
    expect(raised).toMatchObject({ caseId, actorUserId: w.counselor.user.id, entityType: "risk_flag", details: { noteId, kinds: ["suicidal_thoughts"], notified: 4 } });
    expect(extended).toMatchObject({ details: { kinds: ["suicidal_thoughts", "exploiter_contact"], added: ["exploiter_contact"], extended: true } });
    expect(JSON.stringify(events)).not.toContain(alias);
  });

  it("does not raise again what a supervisor acknowledged on the note, but raises a new kind as a new flag", async () => {
    const noteId = await insertNote();
    const { flagId } = await raise(noteId, ["self_harm"]);
    await w.supervisor.api.supervision.acknowledgeFlag({ flagId, version: 0, actionTaken: "Safety plan agreed with the child and her aunt" });
    // The counselor's next autosave still has the same "yes".
    expect(await raise(noteId, ["self_harm"])).toEqual({ flagId, created: false });
    expect(await flagRows(noteId)).toHaveLength(1);
    const next = await raise(noteId, ["self_harm", "other"]);
    expect(next.created).toBe(true);
    expect((await flagRows(noteId)).find((f) => f.id === next.flagId)?.kinds).toEqual(["other"]);
  });

  it("notifies the other care-team members when a supervisor raises it, and refuses a note of another case", async () => {
    const noteId = await insertNote();
    const { flagId } = await raise(noteId, ["critical_screening_item"], w.supervisor);
    expect((await notificationsOf(flagId)).map((n) => n.userId)).not.toContain(w.supervisor.user.id);
    expect((await notificationsOf(flagId)).map((n) => n.userId)).toContain(w.counselor.user.id);
    const other = await w.newCase();
    await expect(raise(noteId, ["self_harm"], w.counselor, other.caseId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a case's flags", () => {
  let flagId: string;
  beforeAll(async () => {
    ({ flagId } = await raise(await insertNote(), ["unsafe_home"]));
  });

  const careTeam: [string, () => Actor, boolean][] = [
    ["the primary social worker", () => w.sw, false],
    ["a social worker on the care team", () => swCare, false],
    ["the counselor who wrote the note", () => w.counselor, false],
    ["another counselor on the care team", () => counselor2, false],
    ["the team's supervisor", () => w.supervisor, true],
  ];
  it.each(careTeam)("%s sees the open flags with their kinds", async (_name, who, canAcknowledge) => {
    const flags = await who().api.supervision.flagsByCase({ caseId });
    expect(flags.canAcknowledge).toBe(canAcknowledge);
    expect(flags.open.find((f) => f.id === flagId)).toEqual({
      id: flagId,
      caseId,
      caseNumber,
      alias,
      noteId: expect.any(String) as string,
      kinds: ["unsafe_home"],
      raisedBy: { id: w.counselor.user.id, name: w.counselor.user.displayName },
      raisedAt: expect.any(Date) as Date,
      acknowledgedBy: null,
      acknowledgedAt: null,
      actionTaken: null,
      version: 0,
    });
  });

  const outsiders: [string, () => Actor][] = [
    ["a social worker of the team, not on the care team", () => w.swSameTeam],
    ["another team's supervisor", () => w.supervisorB],
    ["an administrator", () => w.admin],
    ["a supervisor of another agency", () => w.outsider],
  ];
  it.each(outsiders)("%s gets NOT_FOUND", async (_name, who) => {
    await expectCode(who().api.supervision.flagsByCase({ caseId }), "NOT_FOUND");
  });

  it("shows the last 10 acknowledged, newest first", async () => {
    const { caseId: busy } = await w.newCase();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { flagId: id } = await raise(await insertNote(w.counselor, busy), ["other"], w.counselor, busy);
      await w.supervisor.api.supervision.acknowledgeFlag({ flagId: id, version: 0, actionTaken: `Action ${i}` });
      w.t.advanceClock(1000);
      ids.push(id);
    }
    const flags = await w.counselor.api.supervision.flagsByCase({ caseId: busy });
    expect(flags.open).toEqual([]);
    expect(flags.acknowledged.map((f) => f.id)).toEqual(ids.slice(2).reverse());
    expect(flags.acknowledged[0]).toMatchObject({ actionTaken: "Action 11", acknowledgedBy: { id: w.supervisor.user.id, name: w.supervisor.user.displayName } });
  });
});

describe("acknowledging a flag", () => {
  it("is for the team's supervisor only", async () => {
    const { flagId } = await raise(await insertNote(), ["self_harm"]);
    const ref = { flagId, version: 0, actionTaken: "Called the guardian" };
    for (const who of [w.sw, swCare, w.counselor, counselor2]) {
      const error = await expectCode(who.api.supervision.acknowledgeFlag(ref), "FORBIDDEN");
      expect(domainCause(error).reason).toBe("supervisor_only");
    }
    for (const who of [w.swSameTeam, w.supervisorB, w.admin, w.outsider]) {
      await expectCode(who.api.supervision.acknowledgeFlag(ref), "NOT_FOUND");
    }
    await expectCode(w.supervisor.api.supervision.acknowledgeFlag({ ...ref, flagId: randomUUID() }), "NOT_FOUND");
    await expectCode(w.t.caller(null).api.supervision.acknowledgeFlag(ref), "UNAUTHORIZED");
    // Nothing changed.
    expect((await w.sw.api.supervision.flagsByCase({ caseId })).open.find((f) => f.id === flagId)).toMatchObject({ version: 0, acknowledgedAt: null });
  });

  it("a break-glass reader sees the flags but may not acknowledge them", async () => {
    const { flagId } = await raise(await insertNote(), ["exploiter_contact"]);
    const reader = await w.t.signedInUser({ agencyId: w.agencyId, roles: ["social_worker"], teamIds: [w.teamB] });
    await reader.api.cases.breakGlass({ caseNumber, reason: "hotline call at night, child in danger" });
    expect((await reader.api.supervision.flagsByCase({ caseId })).open.map((f) => f.id)).toContain(flagId);
    const error = await expectCode(reader.api.supervision.acknowledgeFlag({ flagId, version: 0, actionTaken: "x" }), "FORBIDDEN");
    expect(domainCause(error).reason).toBe("supervisor_only");
  });

  it("needs the action taken and the version seen", async () => {
    const noteId = await insertNote();
    const { flagId } = await raise(noteId, ["self_harm"]);
    const missing = await expectCode(w.supervisor.api.supervision.acknowledgeFlag({ flagId, version: 0, actionTaken: "   " }), "BAD_REQUEST");
    expect(missing.cause).toBeDefined();
    // Kinds added after the supervisor looked: the flag moved on, they must look again.
    await raise(noteId, ["suicidal_thoughts"]);
    const stale = await expectCode(w.supervisor.api.supervision.acknowledgeFlag({ flagId, version: 0, actionTaken: "Called the guardian" }), "CONFLICT");
    expect(domainCause(stale).reason).toBe("stale_version");
  });

  it("records the action, leaves the queue, is audited, and cannot be done twice", async () => {
    const { flagId } = await raise(await insertNote(), ["self_harm"]);
    expect((await w.supervisor.api.supervision.queue()).openFlags.map((f) => f.id)).toContain(flagId);
    w.t.advanceClock(60_000);
    const done = await w.supervisor.api.supervision.acknowledgeFlag({ flagId, version: 0, actionTaken: "  Safety plan reviewed with the child  " });
    expect(done).toMatchObject({
      id: flagId,
      version: 1,
      actionTaken: "Safety plan reviewed with the child",
      acknowledgedBy: { id: w.supervisor.user.id, name: w.supervisor.user.displayName },
      acknowledgedAt: w.t.deps.clock(),
      kinds: ["self_harm"],
    });
    expect((await w.supervisor.api.supervision.queue()).openFlags.map((f) => f.id)).not.toContain(flagId);
    expect((await w.sw.api.supervision.flagsByCase({ caseId })).acknowledged[0]).toMatchObject({ id: flagId, actionTaken: "Safety plan reviewed with the child" });

    const [event] = await w.t.auditFor(flagId);
    expect(event).toMatchObject({ action: "risk_flag.acknowledged", caseId, actorUserId: w.supervisor.user.id, details: { kinds: ["self_harm"] } });
    expect(JSON.stringify(event)).not.toContain("Safety plan");

    for (const version of [0, 1]) {
      const again = await expectCode(w.supervisor.api.supervision.acknowledgeFlag({ flagId, version, actionTaken: "Again" }), "CONFLICT");
      expect(domainCause(again).reason).toBe("flag_acknowledged");
    }
  });
});

describe("end to end: a session note's risk check", () => {
  it("a save with self-harm raises a flag, tells the care team and the supervisor, and sits on the queue until acknowledged", async () => {
    const { noteId } = await w.counselor.api.sessions.start({ caseId });
    const yesterday = new Date(w.t.deps.clock().getTime() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const draft = {
      noteId,
      sessionDate: yesterday,
      durationMinutes: 50,
      modality: "in_person" as const,
      format: "dap" as const,
      sections: { data: "She said she has been hurting herself since the photos were shared." },
      riskCheck: { answers: { self_harm: true, suicidal_thoughts: false } },
    };
    await w.counselor.api.sessions.save({ ...draft, version: 0 });

    const queue = await w.supervisor.api.supervision.queue();
    const flag = queue.openFlags.find((f) => f.noteId === noteId);
    expect(flag).toMatchObject({ caseId, caseNumber, alias, kinds: ["self_harm"], raisedBy: { id: w.counselor.user.id }, acknowledgedAt: null });
    if (!flag) throw new Error("no flag");
    // Told: the social workers, the other counselor and the supervisor; not the author.
    for (const who of [w.sw, swCare, counselor2, w.supervisor]) {
      expect((await who.api.notifications.list()).items.map((n) => n.flagId)).toContain(flag.id);
    }
    expect((await w.counselor.api.notifications.list()).items.map((n) => n.flagId)).not.toContain(flag.id);
    // The social worker sees the danger, not what was said.
    const seenBySw = await w.sw.api.supervision.flagsByCase({ caseId });
    expect(seenBySw.open.map((f) => f.id)).toContain(flag.id);
    expect(JSON.stringify(seenBySw)).not.toContain("hurting herself");

    // The next autosave with the same answer neither duplicates nor re-notifies.
    await w.counselor.api.sessions.save({ ...draft, version: 1 });
    expect((await flagRows(noteId)).length).toBe(1);

    await w.supervisor.api.supervision.acknowledgeFlag({ flagId: flag.id, version: flag.version, actionTaken: "Same-day safety assessment; guardian informed" });
    expect((await w.supervisor.api.supervision.queue()).openFlags.map((f) => f.id)).not.toContain(flag.id);
    // Saving again after the acknowledgment does not put it back.
    await w.counselor.api.sessions.save({ ...draft, version: 2 });
    expect((await w.supervisor.api.supervision.queue()).openFlags.map((f) => f.noteId)).not.toContain(noteId);
  });
});
