/** A counselor's My work: today's sessions, their drafts, positive screens on the cases they counsel. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phqAnswers } from "./sessions-fixture";
import { DAY, HOUR, itemsFor, onlyTheseSee, workWorld, type Actor, type WorkWorld } from "./my-work-fixture";

let w: WorkWorld;
let everyone: Actor[];
let counselor2: Actor;
beforeAll(async () => {
  w = await workWorld();
  counselor2 = await w.t.signedInUser({ agencyId: w.agencyId, roles: ["counselor"], teamIds: [w.teamA] });
  everyone = [w.sw, w.swSameTeam, w.counselor, counselor2, w.supervisor, w.swB, w.counselorB, w.supervisorB, w.admin, w.outsider];
  // 10:00 in Jakarta: the day has a morning behind it and an afternoon ahead.
  w.advanceToLocalHour(10);
});
afterAll(() => w.t.close());

const phq = (values: readonly number[]) => ({ instrumentCode: "phq-a", instrumentVersion: 1, answers: phqAnswers(values) });

describe("sections by role", () => {
  it("a counselor has the three counselor sections", async () => {
    const work = await counselor2.api.myWork.get();
    expect(work.sections.map((section) => [section.role, section.key])).toEqual([
      ["counselor", "session_today"],
      ["counselor", "unsigned_note"],
      ["counselor", "positive_screen"],
    ]);
    expect(work.teamOverdue).toBeNull();
  });
});

describe("today's sessions", () => {
  it("their counseling appointments of the agency's day, scheduled or attended, with the note once started", async () => {
    const { caseId, alias } = await w.newCase();
    const morning = await w.book(caseId, w.counselor, -1 * HOUR);
    const afternoon = await w.book(caseId, w.counselor, 4 * HOUR);
    await w.book(caseId, w.counselor, 1 * DAY); // tomorrow
    await w.book(caseId, w.sw, 2 * HOUR, { kind: "home_visit" }); // not theirs, not counseling

    const items = await itemsFor(w.counselor, "session_today", caseId);
    expect(items.map((item) => item.kind === "session_today" && item.facts.appointmentId)).toEqual([morning.id, afternoon.id]);
    expect(items[0]).toMatchObject({
      alias,
      dueOn: w.today(),
      at: morning.startsAt,
      facts: { status: "scheduled", note: null, mode: "in_person", startsAt: morning.startsAt, endsAt: morning.endsAt },
      link: { page: "appointment", caseId, targetId: morning.id },
    });
    await onlyTheseSee("session_today", caseId, everyone, [w.counselor]);

    // Logging the session from the morning's appointment records it attended and links the note.
    const { noteId } = await w.counselor.api.sessions.start({ caseId, appointmentId: morning.id });
    const [logged] = await itemsFor(w.counselor, "session_today", caseId);
    expect(logged).toMatchObject({ facts: { status: "attended", note: { id: noteId, status: "draft" } }, link: { page: "session_note", targetId: noteId } });

    // A cancelled one goes.
    await w.sw.api.appointments.cancel({ appointmentId: afternoon.id, version: afternoon.version, reason: "School exam" });
    expect((await itemsFor(w.counselor, "session_today", caseId)).map((item) => item.kind === "session_today" && item.facts.appointmentId)).toEqual([morning.id]);
  });

  it("a counselor booked on a case they are not on sees the session without the alias", async () => {
    const { caseId } = await w.newCase();
    await w.book(caseId, counselor2, 3 * HOUR);
    const [item] = await itemsFor(counselor2, "session_today", caseId);
    expect(item).toMatchObject({ alias: null, facts: { note: null } });
  });
});

describe("unsigned notes", () => {
  it("their own drafts, of any age, until signed", async () => {
    const { caseId } = await w.newCase();
    const draft = await w.draftNote(caseId);
    const [item] = await itemsFor(w.counselor, "unsigned_note", caseId);
    expect(item).toMatchObject({
      kind: "unsigned_note",
      dueOn: w.today(),
      facts: { noteId: draft.noteId, sessionDate: w.today(), durationMinutes: 50, appointmentId: null },
      link: { page: "session_note", caseId, targetId: draft.noteId },
    });
    await onlyTheseSee("unsigned_note", caseId, everyone, [w.counselor]);
    await w.counselor.api.sessions.sign({ noteId: draft.noteId, version: draft.version });
    expect(await itemsFor(w.counselor, "unsigned_note", caseId)).toEqual([]);
  });

  it("a discarded draft goes too", async () => {
    const { caseId } = await w.newCase();
    const draft = await w.draftNote(caseId);
    expect(await itemsFor(w.counselor, "unsigned_note", caseId)).toHaveLength(1);
    await w.counselor.api.sessions.discard({ noteId: draft.noteId, version: draft.version });
    expect(await itemsFor(w.counselor, "unsigned_note", caseId)).toEqual([]);
  });
});

describe("positive screens to follow up", () => {
  it("a positive screen on a case they counsel, until a supervisor reviews it; no total", async () => {
    const { caseId } = await w.newCase();
    await w.draftNote(caseId, w.counselor, { screenings: [phq([1, 1, 1, 1, 1, 1, 1, 1, 0])] }); // 8: negative
    expect(await itemsFor(w.counselor, "positive_screen", caseId)).toEqual([]);
    const { noteId } = await w.draftNote(caseId, w.counselor, { screenings: [phq([2, 2, 2, 2, 2, 2, 0, 0, 1])] }); // 13, item 9
    const items = await itemsFor(w.counselor, "positive_screen", caseId);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({
      kind: "positive_screen",
      dueOn: w.today(),
      facts: { noteId, instrumentCode: "phq-a", sessionDate: w.today(), band: "moderate", critical: true },
      link: { page: "session_note", caseId, targetId: noteId },
    });
    // The facts and nothing else: no total (13 here), no answers.
    expect(Object.keys(item?.facts ?? {}).sort()).toEqual(["band", "critical", "instrumentCode", "noteId", "screeningId", "sessionDate"]);
    await onlyTheseSee("positive_screen", caseId, everyone, [w.counselor]);

    if (item?.kind !== "positive_screen") throw new Error("not a screen");
    await w.supervisor.api.supervision.reviewScreening({ screeningId: item.facts.screeningId, note: "Discussed with the counselor" });
    expect(await itemsFor(w.counselor, "positive_screen", caseId)).toEqual([]);
  });
});

describe("the next day", () => {
  it("yesterday's sessions are gone and tomorrow's are today's", async () => {
    const { caseId } = await w.newCase();
    const today = await w.book(caseId, w.counselor, 5 * HOUR);
    const tomorrow = await w.book(caseId, w.counselor, DAY + HOUR);
    const ids = async () => (await itemsFor(w.counselor, "session_today", caseId)).map((item) => item.kind === "session_today" && item.facts.appointmentId);
    expect(await ids()).toEqual([today.id]);
    w.t.advanceClock(DAY);
    expect(await ids()).toEqual([tomorrow.id]);
  });
});
