import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sessionNotes } from "@lentera/db";
import type { RiskFlagKind } from "@lentera/domain";
import { createContext } from "../src/context";
import { loadSession } from "../src/auth/sessions";
import { raiseRiskFlag } from "../src/sessions/flags";
import { EMPTY_NOTE_BODY, sealNoteBody } from "../src/sessions/body";
import { TestCookieJar, testKeyring } from "../src/testing";
import { expectCode } from "./expect-error";
import { appointmentWorld, type Actor } from "./appointments-fixture";

let w: Awaited<ReturnType<typeof appointmentWorld>>;
let counselor2: Actor;
let caseId: string;
let caseNumber: string;
let alias: string;

beforeAll(async () => {
  w = await appointmentWorld();
  counselor2 = await w.freshCounselor();
  ({ caseId, caseNumber, alias } = await w.newCase([w.counselor.user.id, counselor2.user.id]));
});
afterAll(() => w.t.close());

/** A draft note by the counselor, and a flag raised on it as `sessions.save` would. */
async function flagged(kinds: RiskFlagKind[], noteId: string = randomUUID()): Promise<{ noteId: string; flagId: string }> {
  const [existing] = await w.t.db.select({ id: sessionNotes.id }).from(sessionNotes).where(eq(sessionNotes.id, noteId));
  if (!existing) {
    await w.t.db.insert(sessionNotes).values({
      id: noteId,
      agencyId: w.agencyId,
      caseId,
      counselorId: w.counselor.user.id,
      sessionDate: "2026-02-01",
      durationMinutes: 30,
      modality: "phone",
      format: "free",
      body: sealNoteBody(testKeyring, noteId, EMPTY_NOTE_BODY),
    });
  }
  const session = await loadSession(w.t.deps, w.counselor.token);
  if (!session) throw new Error("no session");
  const ctx = {
    ...createContext(w.t.deps, { requestId: randomUUID(), ip: null, sessionToken: w.counselor.token, cookies: new TestCookieJar() }),
    user: session.user,
    sessionTokenHash: session.tokenHash,
  };
  const { flagId } = await w.t.db.transaction((tx) => raiseRiskFlag(ctx, tx, { caseId, noteId, kinds }));
  return { noteId, flagId };
}

const mine = (who: Actor) => who.api.notifications.list();

describe("notifications", () => {
  it("each user sees only their own, with the case number, alias and the flag's kinds", async () => {
    const { flagId } = await flagged(["exploiter_contact"]);
    for (const who of [w.sw, counselor2, w.supervisor]) {
      const list = await mine(who);
      expect(list.unread).toBe(1);
      expect(list.items).toEqual([
        {
          id: expect.any(String) as string,
          kind: "risk_flag",
          caseId,
          caseNumber,
          alias,
          flagId,
          kinds: ["exploiter_contact"],
          createdAt: w.t.deps.clock(),
          readAt: null,
        },
      ]);
    }
    // The author, and everyone who may not open the case, hear nothing.
    for (const who of [w.counselor, w.swSameTeam, w.supervisorB, w.admin, w.outsider]) {
      expect(await mine(who)).toEqual({ unread: 0, items: [] });
    }
    // Three users, three different notifications.
    const ids = await Promise.all([w.sw, counselor2, w.supervisor].map(async (who) => (await mine(who)).items[0]?.id));
    expect(new Set(ids).size).toBe(3);
  });

  it("markRead changes only the caller's own; others' ids are ignored", async () => {
    const swItems = (await mine(w.sw)).items;
    const supervisorItems = (await mine(w.supervisor)).items;
    const swId = swItems[0]?.id ?? "";
    const supervisorId = supervisorItems[0]?.id ?? "";
    // Someone else's id (and an unknown one) changes nothing and reveals nothing.
    expect(await counselor2.api.notifications.markRead({ ids: [swId, supervisorId, randomUUID()] })).toEqual({ updated: 0 });
    expect((await mine(w.sw)).unread).toBe(1);
    expect((await mine(w.supervisor)).unread).toBe(1);

    w.t.advanceClock(1000);
    expect(await w.sw.api.notifications.markRead({ ids: [swId, supervisorId] })).toEqual({ updated: 1 });
    const after = await mine(w.sw);
    expect(after.unread).toBe(0);
    expect(after.items[0]?.readAt).toEqual(w.t.deps.clock());
    expect((await mine(w.supervisor)).unread).toBe(1);
    // Read already: nothing to change.
    expect(await w.sw.api.notifications.markRead({ ids: [swId] })).toEqual({ updated: 0 });
  });

  it("a flag that gains kinds is unread again, still one notification per user, newest first", async () => {
    w.t.advanceClock(1000);
    const { noteId, flagId } = await flagged(["self_harm"]);
    const first = await mine(w.sw);
    const item = first.items.find((n) => n.flagId === flagId);
    expect(first.items[0]?.flagId).toBe(flagId);
    await w.sw.api.notifications.markRead({ ids: [item?.id ?? ""] });
    w.t.advanceClock(1000);
    await flagged(["self_harm", "suicidal_thoughts"], noteId);
    const again = await mine(w.sw);
    expect(again.items.filter((n) => n.flagId === flagId)).toEqual([
      expect.objectContaining({ id: item?.id, kinds: ["self_harm", "suicidal_thoughts"], readAt: null, createdAt: w.t.deps.clock() }),
    ]);
    expect(again.unread).toBe(1);
  });

  it("someone taken off the care team no longer sees the case in their notifications", async () => {
    expect((await mine(counselor2)).items.length).toBeGreaterThan(0);
    const { version } = (await w.sw.api.cases.byId({ caseId })) as { version: number };
    await w.supervisor.api.cases.assignCareTeam({ caseId, version, primarySocialWorkerId: w.sw.user.id, counselorIds: [w.counselor.user.id] });
    expect(await mine(counselor2)).toEqual({ unread: 0, items: [] });
  });

  it("refuses bad input and unauthenticated callers", async () => {
    await expectCode(w.sw.api.notifications.markRead({ ids: [] }), "BAD_REQUEST");
    await expectCode(w.sw.api.notifications.markRead({ ids: ["not-a-uuid"] }), "BAD_REQUEST");
    await expectCode(w.t.caller(null).api.notifications.list(), "UNAUTHORIZED");
    await expectCode(w.t.caller(null).api.notifications.markRead({ ids: [randomUUID()] }), "UNAUTHORIZED");
  });

  it.each([
    ["a social worker", () => w.swSameTeam],
    ["another team's supervisor", () => w.supervisorB],
    ["an administrator", () => w.admin],
    ["a user of another agency", () => w.outsider],
  ] as [string, () => Actor][])("%s may use both procedures on their own (empty) list", async (_name, who) => {
    expect(await who().api.notifications.list()).toEqual({ unread: 0, items: [] });
    expect(await who().api.notifications.markRead({ ids: [randomUUID()] })).toEqual({ updated: 0 });
  });
});
