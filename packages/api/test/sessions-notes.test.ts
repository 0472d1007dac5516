import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, eq, screeningResults, sessionNotes } from "@lentera/db";
import { addDays, localDate } from "@lentera/domain";
import { domainCause, expectCode } from "./expect-error";
import { completeDraft, DAY, HOUR, noRisk, PHRASE, phqAnswers, sessionWorld, ZONE, type SessionWorld } from "./sessions-fixture";

let w: SessionWorld;
let caseId: string;
let goalKeys: readonly [string, string];
beforeAll(async () => {
  w = await sessionWorld();
  caseId = await w.newCase();
  goalKeys = await w.planGoals(caseId);
});
afterAll(() => w.t.close());

const actions = async (entityId: string) => (await w.t.auditFor(entityId)).map((event) => event.action);
/** Hours back from now for each appointment, so the counselors' diaries never clash. */
let hoursBack = 2;
const pastSlot = () => -(hoursBack += 2) * HOUR;

describe("starting a note", () => {
  it("on its own: today in the agency's zone, fifty minutes in person, in the agency's default format", async () => {
    const settings = await w.admin.api.admin.settings.get();
    const base = { optionalPlanDomains: settings.optionalPlanDomains, allowPlanSelfApproval: settings.allowPlanSelfApproval, reviewIntervalDays: settings.reviewIntervalDays };
    expect(settings.defaultNoteFormat).toBe("dap");
    const changed = await w.admin.api.admin.settings.update({ ...base, version: settings.version, defaultNoteFormat: "soap" });
    expect(changed.defaultNoteFormat).toBe("soap");
    try {
      const { noteId } = await w.counselor.api.sessions.start({ caseId });
      const note = await w.counselor.api.sessions.get({ noteId });
      expect(note).toMatchObject({
        sessionDate: localDate(w.t.deps.clock(), ZONE),
        agencyToday: localDate(w.t.deps.clock(), ZONE),
        durationMinutes: 50,
        modality: "in_person",
        format: "soap",
        status: "draft",
        appointmentId: null,
        attendance: "attended",
        sections: {},
        version: 0,
        editable: true,
        counselor: { id: w.counselor.user.id },
      });
      expect(await actions(noteId)).toContain("session_note.started");
    } finally {
      await w.admin.api.admin.settings.update({ ...base, version: changed.version, defaultNoteFormat: "dap" });
    }
  });

  it("from an appointment: its day, length and mode; it is marked attended; a second start returns the same note", async () => {
    const appointment = await w.appointment(caseId, w.counselor, pastSlot(), 45, "video");
    const { noteId } = await w.counselor.api.sessions.start({ caseId, appointmentId: appointment.id });
    const note = await w.counselor.api.sessions.get({ noteId });
    expect(note).toMatchObject({
      appointmentId: appointment.id,
      sessionDate: localDate(appointment.startsAt, ZONE),
      durationMinutes: 45,
      modality: "video",
      attendance: "attended",
    });
    const booked = (await w.sw.api.appointments.byCase({ caseId })).appointments.find((a) => a.id === appointment.id);
    expect(booked).toMatchObject({ status: "attended", version: 1 });
    expect(await actions(appointment.id)).toContain("appointment.outcome_recorded");

    expect(await w.counselor.api.sessions.start({ caseId, appointmentId: appointment.id })).toEqual({ noteId });
    const other = await expectCode(w.counselor2.api.sessions.start({ caseId, appointmentId: appointment.id }), "CONFLICT");
    expect(domainCause(other).reason).toBe("note_exists_for_appointment");
    expect((await w.sw.api.sessions.byCase({ caseId })).sessions.filter((s) => s.appointmentId === appointment.id)).toHaveLength(1);
  });

  it("from an appointment already recorded as attended", async () => {
    const appointment = await w.appointment(caseId, w.counselor, pastSlot());
    await w.counselor.api.appointments.recordOutcome({ appointmentId: appointment.id, version: 0, outcome: "attended" });
    const { noteId } = await w.counselor.api.sessions.start({ caseId, appointmentId: appointment.id });
    expect((await w.counselor.api.sessions.get({ noteId })).appointmentId).toBe(appointment.id);
  });

  it("refuses appointments of another case, of another counselor, in the future, missed or cancelled, and closed cases", async () => {
    const start = (appointmentId: string, target = caseId) => w.counselor.api.sessions.start({ caseId: target, appointmentId });
    const reason = async (call: Promise<unknown>, code: "BAD_REQUEST" | "FORBIDDEN" | "CONFLICT") => domainCause(await expectCode(call, code)).reason;

    const otherCase = await w.newCase();
    const elsewhere = await w.appointment(otherCase, w.counselor, pastSlot());
    expect(await reason(start(elsewhere.id), "BAD_REQUEST")).toBe("appointment_other_case");

    const colleagues = await w.appointment(caseId, w.counselor2, pastSlot());
    expect(await reason(start(colleagues.id), "FORBIDDEN")).toBe("not_your_appointment");

    const tomorrow = await w.appointment(caseId, w.counselor, DAY);
    expect(await reason(start(tomorrow.id), "BAD_REQUEST")).toBe("appointment_in_future");

    const missed = await w.appointment(caseId, w.counselor, pastSlot());
    await w.sw.api.appointments.recordOutcome({ appointmentId: missed.id, version: 0, outcome: "no_show" });
    expect(await reason(start(missed.id), "CONFLICT")).toBe("appointment_not_attended");

    const cancelled = await w.appointment(caseId, w.counselor, pastSlot());
    await w.sw.api.appointments.cancel({ appointmentId: cancelled.id, version: 0, reason: "Family travelling" });
    expect(await reason(start(cancelled.id), "CONFLICT")).toBe("appointment_not_attended");

    await expectCode(start(randomUUID()), "NOT_FOUND");
    // Nothing was written for any of them, and the appointments kept their status.
    const sessions = (await w.sw.api.sessions.byCase({ caseId })).sessions.map((s) => s.appointmentId);
    for (const id of [colleagues.id, tomorrow.id, missed.id, cancelled.id]) expect(sessions).not.toContain(id);
    const statuses = Object.fromEntries((await w.sw.api.appointments.byCase({ caseId })).appointments.map((a) => [a.id, a.status]));
    expect(statuses[colleagues.id]).toBe("scheduled");
    expect(statuses[tomorrow.id]).toBe("scheduled");

    const closing = await w.newCase();
    const past = await w.appointment(closing, w.counselor, pastSlot());
    await w.closeCase(closing);
    expect(await reason(w.counselor.api.sessions.start({ caseId: closing }), "CONFLICT")).toBe("case_closed");
    expect(await reason(start(past.id, closing), "CONFLICT")).toBe("case_closed");
    expect((await w.counselor.api.sessions.byCase({ caseId: closing })).canLog).toBe(false);
  });
});

describe("saving a draft", () => {
  it("survives a reload: get returns what was saved, at the saved version", async () => {
    const { noteId } = await w.counselor.api.sessions.start({ caseId });
    const input = completeDraft(noteId, 0, w.today(), {
      durationMinutes: 40,
      modality: "phone",
      goalKeys: [goalKeys[0], goalKeys[1], goalKeys[0]],
      interventions: ["tf_cbt", "tf_cbt", "relaxation_grounding"],
      riskCheck: { answers: { self_harm: false, suicidal_thoughts: null }, otherDetail: "" },
      screenings: [{ instrumentCode: "distress", instrumentVersion: 1, answers: { distress: 3 } }],
    });
    const saved = await w.counselor.api.sessions.save(input);
    expect(saved).toMatchObject({ version: 1, flagRaised: false });
    expect(saved.screenings).toEqual([{ instrumentCode: "distress", total: 3, band: "low", positive: false, criticalItems: [], complete: true }]);
    const note = await w.counselor.api.sessions.get({ noteId });
    expect(note).toMatchObject({
      version: 1,
      updatedAt: saved.updatedAt,
      sessionDate: input.sessionDate,
      durationMinutes: 40,
      modality: "phone",
      format: "dap",
      sections: input.sections,
      goalKeys: [goalKeys[0], goalKeys[1]],
      interventions: ["tf_cbt", "relaxation_grounding"],
      nextStep: "Meet next Tuesday",
      riskCheck: { answers: { self_harm: false, suicidal_thoughts: null }, otherDetail: null },
    });
    expect(note.screenings).toEqual([expect.objectContaining({ instrumentCode: "distress", answers: { distress: 3 }, total: 3, complete: true })]);

    // Saved again with the instrument changed: the same row is rewritten, not a second one added.
    const again = await w.counselor.api.sessions.save({ ...input, version: 1, screenings: [{ instrumentCode: "distress", instrumentVersion: 1, answers: { distress: 8 } }] });
    const rows = await w.t.db.select({ id: screeningResults.id, total: screeningResults.total }).from(screeningResults).where(eq(screeningResults.noteId, noteId));
    expect(rows).toEqual([{ id: note.screenings[0]?.id, total: 8 }]);
    // And dropped when the form drops it.
    await w.counselor.api.sessions.save({ ...input, version: again.version, screenings: [] });
    expect(await w.t.db.select().from(screeningResults).where(eq(screeningResults.noteId, noteId))).toEqual([]);
  });

  it("a stale version is refused and changes nothing", async () => {
    const { noteId, version } = await w.savedDraft(caseId);
    const before = await w.counselor.api.sessions.get({ noteId });
    const events = await w.t.auditFor(noteId);
    const stale = await expectCode(w.counselor.api.sessions.save(completeDraft(noteId, version - 1, w.today(), { sections: { data: "Overwritten" } })), "CONFLICT");
    expect(stale.cause).toMatchObject({ code: "stale_version" });
    expect(await w.t.auditFor(noteId)).toEqual(events);
    const after = await w.counselor.api.sessions.get({ noteId });
    expect(after.sections).toEqual(before.sections);
    expect(after.version).toBe(version);
  });

  it("refuses unknown sections, unknown goals, future dates and bad screenings, leaving no event and no change", async () => {
    const { noteId, version } = await w.savedDraft(caseId);
    const body = async () => (await w.t.db.select({ body: sessionNotes.body, version: sessionNotes.version }).from(sessionNotes).where(eq(sessionNotes.id, noteId)))[0];
    const rawBefore = await body();
    const eventsBefore = await w.t.auditFor(noteId);
    const draft = (over: Parameters<typeof completeDraft>[3]) => completeDraft(noteId, version, w.today(), over);
    const phq = (answers: Record<string, number>) => ({ instrumentCode: "phq-a", instrumentVersion: 1, answers });
    const refusals: [string, Parameters<typeof completeDraft>[3], Record<string, unknown> | null][] = [
      ["unknown_section", { sections: { subjective: "SOAP's, not DAP's" } }, { sections: ["subjective"] }],
      ["unknown_goal", { goalKeys: [goalKeys[0], randomUUID()] }, null],
      ["date_in_future", { sessionDate: addDays(w.today(), 1) }, null],
      ["unknown_instrument", { screenings: [{ instrumentCode: "made-up", instrumentVersion: 1, answers: {} }] }, { instrument: "made-up" }],
      ["unknown_instrument", { screenings: [{ instrumentCode: "phq-a", instrumentVersion: 9, answers: {} }] }, { instrument: "phq-a" }],
      ["duplicate_instrument", { screenings: [phq({}), phq({})] }, { instrument: "phq-a" }],
      ["invalid_answers", { screenings: [phq({ down_irritable: 4, sleep: 1, not_an_item: 0 })] }, { instrument: "phq-a", items: ["down_irritable", "not_an_item"] }],
    ];
    for (const [reason, over, details] of refusals) {
      const error = await expectCode(w.counselor.api.sessions.save(draft(over)), "BAD_REQUEST");
      expect(domainCause(error).reason, reason).toBe(reason);
      if (details) expect(domainCause(error).details).toEqual(details);
    }
    expect(await body()).toEqual(rawBefore);
    expect(await w.t.auditFor(noteId)).toEqual(eventsBefore);
  });

  it("seals the body at rest, and keeps content out of the audit trail", async () => {
    const { noteId } = await w.savedDraft(caseId, w.counselor, {
      screenings: [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: phqAnswers([1, 2, 3]) }],
    });
    const [row] = await w.t.db.select({ body: sessionNotes.body }).from(sessionNotes).where(eq(sessionNotes.id, noteId));
    expect(row?.body).toBeTruthy();
    expect(row?.body).not.toContain(PHRASE);
    expect(row?.body).not.toContain("game chat");
    const [screening] = await w.t.db.select({ answers: screeningResults.answers }).from(screeningResults).where(eq(screeningResults.noteId, noteId));
    expect(screening?.answers).not.toContain("down_irritable");
    await w.counselor.api.sessions.get({ noteId });
    const events = await w.t.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId));
    expect(JSON.stringify(events)).not.toContain("game chat");
    expect(JSON.stringify(events)).not.toContain("Safety plan review");
  });

  it("get writes a session_note.read event; save writes session_note.saved with metadata only", async () => {
    const { noteId, version } = await w.savedDraft(caseId);
    const saved = (await w.t.auditFor(noteId)).find((event) => event.action === "session_note.saved");
    expect(saved).toMatchObject({ actorUserId: w.counselor.user.id, caseId, entityType: "session_note", details: { version } });
    await w.supervisor.api.sessions.get({ noteId });
    const [read] = await w.t.auditFor(noteId);
    expect(read).toMatchObject({ action: "session_note.read", actorUserId: w.supervisor.user.id, caseId, changes: null, details: null });
    // Reads and autosaves are in the audit trail, not shown as events in the case's history.
    const history = (await w.sw.api.cases.history({ caseId })).map((event) => event.action);
    expect(history).toContain("session_note.started");
    expect(history).not.toContain("session_note.read");
    expect(history).not.toContain("session_note.saved");
    // A reader refused (non-clinical) leaves no read event.
    await expectCode(w.sw.api.sessions.get({ noteId }), "FORBIDDEN");
    expect((await w.t.auditFor(noteId))[0]?.id).toBe(read?.id);
  });
});

describe("signing", () => {
  it("refuses an empty note, an incomplete risk check, 'other' without detail, an incomplete screening", async () => {
    const { noteId } = await w.counselor.api.sessions.start({ caseId });
    let version = 0;
    const saveThen = async (over: Parameters<typeof completeDraft>[3]) => {
      version = (await w.counselor.api.sessions.save(completeDraft(noteId, version, w.today(), over))).version;
    };
    const refusal = async () => domainCause(await expectCode(w.counselor.api.sessions.sign({ noteId, version }), "BAD_REQUEST"));

    expect(await refusal()).toEqual({ reason: "note_empty", details: null });
    await saveThen({ sections: { data: "  ", assessment: "", plan: "\n" } });
    expect((await refusal()).reason).toBe("note_empty");
    await saveThen({ riskCheck: { answers: { self_harm: false, suicidal_thoughts: false, unsafe_home: null } } });
    expect(await refusal()).toEqual({ reason: "risk_check_incomplete", details: { items: ["exploiter_contact", "unsafe_home", "other"] } });
    await saveThen({ riskCheck: { answers: { ...noRisk(), other: true } } });
    expect((await refusal()).reason).toBe("risk_other_detail_required");
    await saveThen({
      riskCheck: { answers: { ...noRisk(), other: true }, otherDetail: "Older cousin asks for photos" },
      screenings: [{ instrumentCode: "cries-8", instrumentVersion: 1, answers: { thinks_unintentionally: 3 } }],
    });
    expect(await refusal()).toEqual({ reason: "screening_incomplete", details: { instruments: ["cries-8"] } });
    await saveThen({ riskCheck: { answers: { ...noRisk(), other: true }, otherDetail: "Older cousin asks for photos" } });

    await expectCode(w.counselor.api.sessions.sign({ noteId, version: version - 1 }), "CONFLICT");
    const signed = await w.counselor.api.sessions.sign({ noteId, version });
    expect(signed).toMatchObject({ id: noteId, status: "signed", signedAt: w.t.deps.clock() });
    const note = await w.supervisor.api.sessions.get({ noteId });
    expect(note).toMatchObject({ status: "signed", signedBy: { id: w.counselor.user.id }, version: version + 1, editable: false });
    expect(await actions(noteId)).toContain("session_note.signed");
  });
});

describe("discarding", () => {
  it("removes the caller's draft and its screenings; a signed note is never discarded", async () => {
    const { noteId, version } = await w.savedDraft(caseId, w.counselor, {
      screenings: [{ instrumentCode: "distress", instrumentVersion: 1, answers: { distress: 2 } }],
    });
    await expectCode(w.counselor.api.sessions.discard({ noteId, version: version + 1 }), "CONFLICT");
    expect(await w.counselor.api.sessions.discard({ noteId, version })).toEqual({ noteId });
    expect((await w.counselor.api.sessions.byCase({ caseId })).sessions.map((s) => s.id)).not.toContain(noteId);
    expect(await w.t.db.select().from(screeningResults).where(eq(screeningResults.noteId, noteId))).toEqual([]);
    await expectCode(w.counselor.api.sessions.get({ noteId }), "NOT_FOUND");
    expect((await w.t.auditFor(noteId))[0]?.action).toBe("session_note.discarded");

    const { noteId: signedId, signed } = await w.signedNote(caseId);
    const refused = await expectCode(w.counselor.api.sessions.discard({ noteId: signedId, version: 2 }), "CONFLICT");
    expect(domainCause(refused).reason).toBe("note_signed");
    expect((await w.counselor.api.sessions.get({ noteId: signedId })).status).toBe(signed.status);
  });
});
