import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionMetadataSchema } from "@lentera/domain";
import { domainCause, expectCode } from "./expect-error";
import { completeDraft, PHRASE, phqAnswers, sessionWorld, type Actor, type SessionWorld } from "./sessions-fixture";

/** Keys that carry what was said in a session: none may reach a non-clinical reader. */
const CLINICAL_KEYS = ["sections", "riskCheck", "screenings", "addenda", "goalKeys", "interventions", "nextStep", "answers", "body"];
const METADATA_KEYS = Object.keys(sessionMetadataSchema.shape).sort();

let w: SessionWorld;
let caseId: string;
/** A signed note with a PHQ-A and an addendum, and a draft: both by the case's counselor. */
let signedId: string;
let draftId: string;
let draftVersion: number;

beforeAll(async () => {
  w = await sessionWorld();
  caseId = await w.newCase();
  const screenings = [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: phqAnswers([1, 1, 1, 1, 1, 1, 1, 1, 0]) }];
  ({ noteId: signedId } = await w.signedNote(caseId, w.counselor, { screenings }));
  await w.counselor.api.sessions.addAddendum({ noteId: signedId, body: "Correction: the session ended ten minutes early." });
  ({ noteId: draftId, version: draftVersion } = await w.savedDraft(caseId));
});
afterAll(() => w.t.close());

function expectMetadataOnly(value: unknown) {
  const session = value as Record<string, unknown>;
  for (const key of CLINICAL_KEYS) expect(session).not.toHaveProperty(key);
  expect(Object.keys(session).sort()).toEqual(METADATA_KEYS);
}

describe("clinical confidentiality", () => {
  it("a social worker on the case sees that sessions happened, and nothing of what was said", async () => {
    const { api } = w.sw;
    const list = await api.sessions.byCase({ caseId });
    expect(list).toMatchObject({ clinical: false, canLog: false });
    expect(list.sessions.map((s) => s.id)).toEqual(expect.arrayContaining([signedId, draftId]));
    for (const session of list.sessions) expectMetadataOnly(session);
    expect(JSON.stringify(list)).not.toContain(PHRASE);
    expect(list.sessions.find((s) => s.id === signedId)).toMatchObject({
      counselor: { id: w.counselor.user.id },
      durationMinutes: 50,
      modality: "in_person",
      attendance: "attended",
      status: "signed",
    });

    // One call at a time: each starts only when the previous one has been refused.
    for (const call of [() => api.sessions.get({ noteId: signedId }), () => api.sessions.get({ noteId: draftId }), () => api.sessions.screeningHistory({ caseId })]) {
      expect(domainCause(await expectCode(call(), "FORBIDDEN")).reason).toBe("clinical_only");
    }
    const addendum = await expectCode(api.sessions.addAddendum({ noteId: signedId, body: "Seen." }), "FORBIDDEN");
    expect(domainCause(addendum).reason).toBe("clinical_only");
    expect(domainCause(await expectCode(api.sessions.start({ caseId }), "FORBIDDEN")).reason).toBe("not_case_counselor");
    const ref = { noteId: draftId, version: draftVersion };
    for (const call of [
      () => api.sessions.save(completeDraft(draftId, draftVersion, w.today())),
      () => api.sessions.sign(ref),
      () => api.sessions.discard(ref),
    ]) {
      expect(domainCause(await expectCode(call(), "FORBIDDEN")).reason).toBe("not_note_author");
    }
    expect((await api.sessions.instruments()).map((i) => i.code)).toEqual(["phq-a", "cries-8", "distress"]);
  });

  const clinicalReaders: [string, () => Actor][] = [
    ["the case's counselor", () => w.counselor],
    ["another counselor on the case", () => w.counselor2],
    ["the team's supervisor", () => w.supervisor],
  ];

  it.each(clinicalReaders)("%s reads the body, the screening answers and the addenda", async (_name, who) => {
    const { api } = who();
    const list = await api.sessions.byCase({ caseId });
    expect(list.clinical).toBe(true);
    // The list is metadata for everyone: bodies are opened one at a time, and each opening is audited.
    for (const session of list.sessions) expectMetadataOnly(session);
    const note = await api.sessions.get({ noteId: signedId });
    expect(note.sections.data).toBe(PHRASE);
    expect(note.screenings).toEqual([expect.objectContaining({ instrumentCode: "phq-a", total: 8, band: "mild", complete: true })]);
    expect(note.screenings[0]?.answers).toEqual(phqAnswers([1, 1, 1, 1, 1, 1, 1, 1, 0]));
    expect(note.addenda).toEqual([expect.objectContaining({ body: "Correction: the session ended ten minutes early.", author: { id: w.counselor.user.id, name: w.counselor.user.displayName } })]);
    expect(note.signedBy).toEqual({ id: w.counselor.user.id, name: w.counselor.user.displayName });
    expect(note.editable).toBe(false);
    expect((await api.sessions.get({ noteId: draftId })).editable).toBe(who() === w.counselor);
    const history = await api.sessions.screeningHistory({ caseId });
    expect(history).toEqual([{ instrumentCode: "phq-a", points: [expect.objectContaining({ noteId: signedId, total: 8, band: "mild", positive: false })] }]);
  });

  it("the team's supervisor may add an addendum but not start, change, sign or discard a note", async () => {
    const { api } = w.supervisor;
    expect((await api.sessions.byCase({ caseId })).canLog).toBe(false);
    const added = await api.sessions.addAddendum({ noteId: signedId, body: "Reviewed in supervision." });
    expect(added).toMatchObject({ body: "Reviewed in supervision.", author: { id: w.supervisor.user.id } });
    expect(domainCause(await expectCode(api.sessions.start({ caseId }), "FORBIDDEN")).reason).toBe("not_case_counselor");
    const ref = { noteId: draftId, version: draftVersion };
    for (const call of [() => api.sessions.save(completeDraft(draftId, draftVersion, w.today())), () => api.sessions.sign(ref), () => api.sessions.discard(ref)]) {
      expect(domainCause(await expectCode(call(), "FORBIDDEN")).reason).toBe("not_note_author");
    }
  });

  it("another counselor on the case logs their own notes, and cannot write in a colleague's", async () => {
    const { api } = w.counselor2;
    expect((await api.sessions.byCase({ caseId })).canLog).toBe(true);
    const mine = await w.savedDraft(caseId, w.counselor2);
    expect((await api.sessions.get({ noteId: mine.noteId })).editable).toBe(true);
    const ref = { noteId: draftId, version: draftVersion };
    expect(domainCause(await expectCode(api.sessions.save(completeDraft(draftId, draftVersion, w.today())), "FORBIDDEN")).reason).toBe("not_note_author");
    expect(domainCause(await expectCode(api.sessions.sign(ref), "FORBIDDEN")).reason).toBe("not_note_author");
    expect(domainCause(await expectCode(api.sessions.discard(ref), "FORBIDDEN")).reason).toBe("not_note_author");
    // The case's own counselor sees the colleague's draft in the list, as metadata.
    const list = await w.counselor.api.sessions.byCase({ caseId });
    expect(list.sessions.find((s) => s.id === mine.noteId)).toMatchObject({ status: "draft", counselor: { id: w.counselor2.user.id } });
    await api.sessions.discard({ noteId: mine.noteId, version: mine.version });
  });

  const outsiders: [string, () => Actor][] = [
    ["a social worker of the same team, not on the care team", () => w.swSameTeam],
    ["another team's supervisor", () => w.supervisorB],
    ["an administrator", () => w.admin],
    ["a supervisor of another agency", () => w.outsider],
  ];

  it.each(outsiders)("%s gets NOT_FOUND from every procedure", async (_name, who) => {
    const { api } = who();
    const ref = { noteId: draftId, version: draftVersion };
    await expectCode(api.sessions.byCase({ caseId }), "NOT_FOUND");
    await expectCode(api.sessions.get({ noteId: signedId }), "NOT_FOUND");
    await expectCode(api.sessions.get({ noteId: draftId }), "NOT_FOUND");
    await expectCode(api.sessions.screeningHistory({ caseId }), "NOT_FOUND");
    await expectCode(api.sessions.start({ caseId }), "NOT_FOUND");
    await expectCode(api.sessions.save(completeDraft(draftId, draftVersion, w.today())), "NOT_FOUND");
    await expectCode(api.sessions.sign(ref), "NOT_FOUND");
    await expectCode(api.sessions.discard(ref), "NOT_FOUND");
    await expectCode(api.sessions.addAddendum({ noteId: signedId, body: "x" }), "NOT_FOUND");
    // Nothing changed.
    const draft = await w.counselor.api.sessions.get({ noteId: draftId });
    expect(draft).toMatchObject({ version: draftVersion, status: "draft" });
  });
});
