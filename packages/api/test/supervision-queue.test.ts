import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, screeningResults, screeningReviews, sessionNotes } from "@lentera/db";
import { UNSIGNED_NOTE_HOURS } from "@lentera/domain";
import { EMPTY_NOTE_BODY, sealAnswers, sealNoteBody } from "../src/sessions/body";
import { testKeyring } from "../src/testing";
import { domainCause, expectCode } from "./expect-error";
import { appointmentWorld, HOUR, slot, type Actor } from "./appointments-fixture";

let w: Awaited<ReturnType<typeof appointmentWorld>>;
let caseId: string;
let caseNumber: string;
let alias: string;

beforeAll(async () => {
  w = await appointmentWorld();
  ({ caseId, caseNumber, alias } = await w.newCase());
});
afterAll(() => w.t.close());

const hoursAgo = (hours: number) => new Date(w.t.deps.clock().getTime() - hours * HOUR);

interface NoteOptions {
  /** How long before the test clock's now the draft was started. */
  ageHours?: number;
  signed?: boolean;
  appointmentId?: string | null;
  /** A screening given in the session. */
  screening?: { positive: boolean; total: number; criticalItems?: string[] };
}

/**
 * A note written straight into the tables (as the session procedures would), with an optional
 * screening. A screening of a signed note can only be written while the note is a draft (the
 * database locks it with the note), so a signed note is inserted as a draft and then signed.
 */
async function insertNote(options: NoteOptions = {}): Promise<{ noteId: string; screeningId: string | null }> {
  const noteId = randomUUID();
  await w.t.db.insert(sessionNotes).values({
    id: noteId,
    agencyId: w.agencyId,
    caseId,
    appointmentId: options.appointmentId ?? null,
    counselorId: w.counselor.user.id,
    sessionDate: "2026-01-15",
    durationMinutes: 45,
    modality: "video",
    format: "soap",
    body: sealNoteBody(testKeyring, noteId, EMPTY_NOTE_BODY),
    createdAt: hoursAgo(options.ageHours ?? 1),
  });
  let screeningId: string | null = null;
  if (options.screening) {
    screeningId = randomUUID();
    await w.t.db.insert(screeningResults).values({
      id: screeningId,
      agencyId: w.agencyId,
      caseId,
      noteId,
      instrumentCode: "phq-a",
      instrumentVersion: 1,
      sessionDate: "2026-01-15",
      answers: sealAnswers(testKeyring, screeningId, { item1: 3 }),
      total: options.screening.total,
      band: options.screening.positive ? "moderate" : "minimal",
      positive: options.screening.positive,
      criticalItems: options.screening.criticalItems ?? [],
      complete: true,
    });
  }
  if (options.signed) {
    await w.t.db
      .update(sessionNotes)
      .set({ status: "signed", signedBy: w.counselor.user.id, signedAt: w.t.deps.clock() })
      .where(eq(sessionNotes.id, noteId));
  }
  return { noteId, screeningId };
}

const queueOf = (who: Actor) => who.api.supervision.queue();

describe("unsigned notes on the queue", () => {
  it(`holds drafts older than ${UNSIGNED_NOTE_HOURS} hours, oldest first, and never signed notes`, async () => {
    const young = await insertNote({ ageHours: UNSIGNED_NOTE_HOURS - 1 });
    const old = await insertNote({ ageHours: UNSIGNED_NOTE_HOURS + 1 });
    const older = await insertNote({ ageHours: UNSIGNED_NOTE_HOURS + 100 });
    const signed = await insertNote({ ageHours: 500, signed: true });
    const queue = await queueOf(w.supervisor);
    const ids = queue.unsignedNotes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([old.noteId, older.noteId]));
    expect(ids.indexOf(older.noteId)).toBeLessThan(ids.indexOf(old.noteId));
    expect(ids).not.toContain(young.noteId);
    expect(ids).not.toContain(signed.noteId);
  });

  it("shows metadata only: counselor, date, duration, modality, attendance, case number and alias", async () => {
    const { noteId } = await insertNote({ ageHours: 60 });
    const row = (await queueOf(w.supervisor)).unsignedNotes.find((n) => n.id === noteId);
    expect(row).toEqual({
      id: noteId,
      caseId,
      caseNumber,
      alias,
      appointmentId: null,
      counselor: { id: w.counselor.user.id, name: w.counselor.user.displayName },
      sessionDate: "2026-01-15",
      durationMinutes: 45,
      modality: "video",
      attendance: "attended",
      status: "draft",
      signedAt: null,
      createdAt: hoursAgo(60),
    });
  });

  it("takes attendance from the appointment the note was logged from", async () => {
    const past = await w.sw.api.appointments.book({ caseId, staffUserId: w.counselor.user.id, kind: "counseling", ...slot(-30) });
    await w.sw.api.appointments.recordOutcome({ appointmentId: past.id, version: 0, outcome: "no_show" });
    const { noteId } = await insertNote({ ageHours: 72, appointmentId: past.id });
    expect((await queueOf(w.supervisor)).unsignedNotes.find((n) => n.id === noteId)).toMatchObject({ appointmentId: past.id, attendance: "no_show" });
  });

  it("a draft joins the queue as the clock passes 48 hours", async () => {
    // Six minutes short of it; the clock then moves twelve (within the sessions' idle limit).
    const { noteId } = await insertNote({ ageHours: UNSIGNED_NOTE_HOURS - 0.1 });
    expect((await queueOf(w.supervisor)).unsignedNotes.map((n) => n.id)).not.toContain(noteId);
    w.t.advanceClock(0.2 * HOUR);
    expect((await queueOf(w.supervisor)).unsignedNotes.map((n) => n.id)).toContain(noteId);
  });
});

describe("positive screens on the queue", () => {
  it("holds positive screens not yet reviewed, from notes of any status, and drops them once reviewed", async () => {
    const draftPositive = await insertNote({ screening: { positive: true, total: 14 } });
    const signedPositive = await insertNote({ signed: true, screening: { positive: true, total: 19, criticalItems: ["item9"] } });
    const negative = await insertNote({ screening: { positive: false, total: 3 } });
    const queue = await queueOf(w.supervisor);
    const ids = queue.positiveScreens.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([draftPositive.screeningId, signedPositive.screeningId]));
    expect(ids).not.toContain(negative.screeningId);
    expect(queue.positiveScreens.find((s) => s.id === signedPositive.screeningId)).toEqual({
      id: signedPositive.screeningId,
      caseId,
      caseNumber,
      alias,
      noteId: signedPositive.noteId,
      counselor: { id: w.counselor.user.id, name: w.counselor.user.displayName },
      sessionDate: "2026-01-15",
      instrumentCode: "phq-a",
      total: 19,
      band: "moderate",
      criticalItems: ["item9"],
    });
    // No answers, even sealed.
    expect(JSON.stringify(queue)).not.toContain("answers");

    const screeningId = signedPositive.screeningId ?? "";
    const review = await w.supervisor.api.supervision.reviewScreening({ screeningId, note: "Referred to the psychiatrist" });
    expect(review).toEqual({ screeningId, reviewedBy: { id: w.supervisor.user.id, name: w.supervisor.user.displayName }, reviewedAt: w.t.deps.clock() });
    expect((await queueOf(w.supervisor)).positiveScreens.map((s) => s.id)).not.toContain(screeningId);
    const [stored] = await w.t.db.select().from(screeningReviews).where(eq(screeningReviews.screeningId, screeningId));
    expect(stored).toMatchObject({ reviewedBy: w.supervisor.user.id, note: "Referred to the psychiatrist", agencyId: w.agencyId });
    const [event] = await w.t.auditFor(screeningId);
    expect(event).toMatchObject({ action: "screening.reviewed", caseId, actorUserId: w.supervisor.user.id, details: { instrumentCode: "phq-a", withNote: true } });
    expect(JSON.stringify(event)).not.toContain("psychiatrist");

    const twice = await expectCode(w.supervisor.api.supervision.reviewScreening({ screeningId }), "CONFLICT");
    expect(domainCause(twice).reason).toBe("screening_reviewed");
  });

  it("refuses to review a screen below the positive band", async () => {
    const { screeningId } = await insertNote({ screening: { positive: false, total: 4 } });
    const error = await expectCode(w.supervisor.api.supervision.reviewScreening({ screeningId: screeningId ?? "" }), "CONFLICT");
    expect(domainCause(error).reason).toBe("screening_not_positive");
  });

  it("lets only the team's supervisor review", async () => {
    const { screeningId } = await insertNote({ screening: { positive: true, total: 12 } });
    const input = { screeningId: screeningId ?? "" };
    for (const who of [w.sw, w.counselor]) {
      const error = await expectCode(who.api.supervision.reviewScreening(input), "FORBIDDEN");
      expect(domainCause(error).reason).toBe("supervisor_only");
    }
    for (const who of [w.swSameTeam, w.supervisorB, w.admin, w.outsider]) {
      await expectCode(who.api.supervision.reviewScreening(input), "NOT_FOUND");
    }
    await expectCode(w.supervisor.api.supervision.reviewScreening({ screeningId: randomUUID() }), "NOT_FOUND");
    await expectCode(w.t.caller(null).api.supervision.reviewScreening(input), "UNAUTHORIZED");
    expect((await queueOf(w.supervisor)).positiveScreens.map((s) => s.id)).toContain(screeningId);
  });
});

describe("who has a queue", () => {
  it("shows another team's supervisor and another agency's none of this team's work", async () => {
    await insertNote({ ageHours: 100, screening: { positive: true, total: 20 } });
    const mine = await queueOf(w.supervisor);
    expect(mine.unsignedNotes.length).toBeGreaterThan(0);
    expect(mine.positiveScreens.length).toBeGreaterThan(0);
    for (const who of [w.supervisorB, w.outsider]) {
      const theirs = await queueOf(who);
      const ids = [...theirs.unsignedNotes, ...theirs.openFlags, ...theirs.positiveScreens].map((item) => item.caseId);
      expect(ids).not.toContain(caseId);
    }
    // A supervisor of no team has an empty queue.
    const teamless = await w.t.signedInUser({ agencyId: w.agencyId, roles: ["supervisor"] });
    expect(await queueOf(teamless)).toEqual({ unsignedNotes: [], openFlags: [], positiveScreens: [] });
  });

  it.each([
    ["a social worker", () => w.sw],
    ["a counselor", () => w.counselor],
    ["an administrator", () => w.admin],
  ] as [string, () => Actor][])("refuses %s with FORBIDDEN", async (_name, who) => {
    const error = await expectCode(queueOf(who()), "FORBIDDEN");
    expect(domainCause(error).reason).toBe("supervisor_only");
  });

  it("refuses an unauthenticated caller", async () => {
    await expectCode(w.t.caller(null).api.supervision.queue(), "UNAUTHORIZED");
  });
});
