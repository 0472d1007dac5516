import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, screeningResults, sessionNoteAddenda, sessionNotes, sql } from "@lentera/db";
import { domainCause, expectCode } from "./expect-error";
import { completeDraft, phqAnswers, refusedState, sessionWorld, type SessionWorld } from "./sessions-fixture";

/** Postgres' insufficient_privilege: what the signed-note triggers raise. */
const LOCKED = "42501";

let w: SessionWorld;
let caseId: string;
let noteId: string;
let rawBody: string;
beforeAll(async () => {
  w = await sessionWorld();
  caseId = await w.newCase();
  ({ noteId } = await w.signedNote(caseId, w.counselor, {
    screenings: [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: phqAnswers([0, 1, 0, 1, 0, 1, 0, 1, 0]) }],
  }));
  const [row] = await w.t.db.select({ body: sessionNotes.body }).from(sessionNotes).where(eq(sessionNotes.id, noteId));
  rawBody = row?.body ?? "";
});
afterAll(() => w.t.close());

describe("a signed note never changes", () => {
  it("through the API: save, sign and discard are refused as note_signed", async () => {
    const before = await w.counselor.api.sessions.get({ noteId });
    for (const call of [
      () => w.counselor.api.sessions.save(completeDraft(noteId, before.version, w.today(), { sections: { data: "Rewritten" } })),
      () => w.counselor.api.sessions.sign({ noteId, version: before.version }),
      () => w.counselor.api.sessions.discard({ noteId, version: before.version }),
    ]) {
      expect(domainCause(await expectCode(call(), "CONFLICT")).reason).toBe("note_signed");
    }
    const after = await w.counselor.api.sessions.get({ noteId });
    expect(after).toEqual(before);
  });

  it("nor by a direct UPDATE or DELETE in the database", async () => {
    const { db } = w.t;
    expect(await refusedState(db.update(sessionNotes).set({ body: "tampered" }).where(eq(sessionNotes.id, noteId)))).toBe(LOCKED);
    expect(await refusedState(db.execute(sql`update session_notes set duration_minutes = 10 where id = ${noteId}`))).toBe(LOCKED);
    expect(await refusedState(db.execute(sql`update session_notes set status = 'draft', signed_at = null, signed_by = null where id = ${noteId}`))).toBe(LOCKED);
    expect(await refusedState(db.execute(sql`delete from session_notes where id = ${noteId}`))).toBe(LOCKED);
    // Its screening results are locked with it: no change, no removal, none added.
    expect(await refusedState(db.update(screeningResults).set({ total: 0 }).where(eq(screeningResults.noteId, noteId)))).toBe(LOCKED);
    expect(await refusedState(db.execute(sql`delete from screening_results where note_id = ${noteId}`))).toBe(LOCKED);
    const [screening] = await db.select().from(screeningResults).where(eq(screeningResults.noteId, noteId));
    if (!screening) throw new Error("no screening");
    expect(await refusedState(db.insert(screeningResults).values({ ...screening, id: randomUUID(), instrumentCode: "distress" }))).toBe(LOCKED);

    const [row] = await db.select().from(sessionNotes).where(eq(sessionNotes.id, noteId));
    expect(row).toMatchObject({ body: rawBody, status: "signed", durationMinutes: 50 });
    expect(await db.select({ total: screeningResults.total }).from(screeningResults).where(eq(screeningResults.noteId, noteId))).toEqual([{ total: 4 }]);
  });

  it("a draft, by contrast, can still be changed and removed (the lock is on signed notes only)", async () => {
    const { noteId: draftId } = await w.savedDraft(caseId);
    await w.t.db.update(sessionNotes).set({ durationMinutes: 30 }).where(eq(sessionNotes.id, draftId));
    await w.t.db.delete(sessionNotes).where(eq(sessionNotes.id, draftId));
  });
});

describe("addenda", () => {
  it("are added to signed notes only, dated and signed, and keep the original intact", async () => {
    const { noteId: draftId } = await w.savedDraft(caseId);
    const refused = await expectCode(w.counselor.api.sessions.addAddendum({ noteId: draftId, body: "Too early." }), "CONFLICT");
    expect(domainCause(refused).reason).toBe("note_not_signed");

    const { addenda: _none, ...signedBody } = await w.counselor.api.sessions.get({ noteId });
    const first = await w.counselor.api.sessions.addAddendum({ noteId, body: "Correction: PHQ-A was read aloud by the counselor." });
    w.t.advanceClock(60_000);
    const second = await w.supervisor.api.sessions.addAddendum({ noteId, body: "Discussed in supervision." });
    expect(first).toMatchObject({ author: { id: w.counselor.user.id }, signedAt: expect.any(Date) as Date });
    expect(second.signedAt.getTime()).toBeGreaterThan(first.signedAt.getTime());

    const { addenda, ...after } = await w.counselor.api.sessions.get({ noteId });
    expect(after).toEqual(signedBody);
    expect(addenda.map((a) => [a.id, a.body])).toEqual([
      [first.id, "Correction: PHQ-A was read aloud by the counselor."],
      [second.id, "Discussed in supervision."],
    ]);
    const [row] = await w.t.db.select({ body: sessionNotes.body }).from(sessionNotes).where(eq(sessionNotes.id, noteId));
    expect(row?.body).toBe(rawBody);
    expect((await w.t.auditFor(noteId)).map((e) => e.action)).toContain("session_note.addendum_added");
  });

  it("are sealed at rest and never changed or removed in the database", async () => {
    const added = await w.counselor.api.sessions.addAddendum({ noteId, body: "Late entry: grandmother present at the start." });
    const [row] = await w.t.db.select({ body: sessionNoteAddenda.body }).from(sessionNoteAddenda).where(eq(sessionNoteAddenda.id, added.id));
    expect(row?.body).not.toContain("grandmother");
    expect(await refusedState(w.t.db.update(sessionNoteAddenda).set({ body: "tampered" }).where(eq(sessionNoteAddenda.id, added.id)))).toBe(LOCKED);
    expect(await refusedState(w.t.db.execute(sql`delete from session_note_addenda where id = ${added.id}`))).toBe(LOCKED);
    const note = await w.counselor.api.sessions.get({ noteId });
    expect(note.addenda.find((a) => a.id === added.id)?.body).toBe("Late entry: grandmother present at the start.");
  });
});
