import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, riskFlags } from "@lentera/db";
import { CRIES_8, addDays } from "@lentera/domain";
import { completeDraft, noRisk, phqAnswers, sessionWorld, type SessionWorld } from "./sessions-fixture";

let w: SessionWorld;
let caseId: string;
beforeAll(async () => {
  w = await sessionWorld();
  caseId = await w.newCase();
});
afterAll(() => w.t.close());

const phq = (values: readonly number[]) => ({ instrumentCode: "phq-a", instrumentVersion: 1, answers: phqAnswers(values) });
const cries = (values: readonly number[]) => ({
  instrumentCode: "cries-8",
  instrumentVersion: 1,
  answers: Object.fromEntries(CRIES_8.items.map((item, index) => [item.id, values[index] ?? 0])),
});
const openFlags = (noteId: string) =>
  w.t.db.select({ kinds: riskFlags.kinds }).from(riskFlags).where(and(eq(riskFlags.noteId, noteId), isNull(riskFlags.acknowledgedAt)));

describe("screenings are scored on the server", () => {
  it("PHQ-A, worked by hand: 2+1+3+0+2+1+1+1+0 = 11, moderate (10–14), a positive screen (10 or more)", async () => {
    const { saved, noteId } = await w.savedDraft(caseId, w.counselor, { screenings: [phq([2, 1, 3, 0, 2, 1, 1, 1, 0])] });
    expect(saved.screenings).toEqual([{ instrumentCode: "phq-a", total: 11, band: "moderate", positive: true, criticalItems: [], complete: true }]);
    expect(saved.flagRaised).toBe(false);
    expect(await openFlags(noteId)).toEqual([]);
  });

  it("PHQ-A in progress: the running total is kept, no band until every item is answered", async () => {
    const { saved } = await w.savedDraft(caseId, w.counselor, { screenings: [phq([3, 3, 3, 3])] });
    // 3+3+3+3 = 12 after four items: already past 10, and a total only grows.
    expect(saved.screenings).toEqual([{ instrumentCode: "phq-a", total: 12, band: null, positive: true, criticalItems: [], complete: false }]);
  });

  it("CRIES-8, worked by hand: 5+3+3+1+0+5+0+1 = 18, at or above the cut-off of 17", async () => {
    const { saved } = await w.savedDraft(caseId, w.counselor, { screenings: [cries([5, 3, 3, 1, 0, 5, 0, 1])] });
    expect(saved.screenings).toEqual([{ instrumentCode: "cries-8", total: 18, band: "above_cutoff", positive: true, criticalItems: [], complete: true }]);
    const below = await w.savedDraft(caseId, w.counselor, { screenings: [cries([5, 3, 3, 1, 0, 3, 0, 1])] });
    expect(below.saved.screenings[0]).toMatchObject({ total: 16, band: "below_cutoff", positive: false });
  });
});

describe("risk flags", () => {
  it("PHQ-A item 9 above zero raises a flag, whatever the total", async () => {
    const { saved, noteId, version } = await w.savedDraft(caseId, w.counselor, { screenings: [phq([0, 0, 0, 0, 0, 0, 0, 0, 1])] });
    expect(saved.screenings).toEqual([
      { instrumentCode: "phq-a", total: 1, band: "minimal", positive: false, criticalItems: ["self_harm_thoughts"], complete: true },
    ]);
    expect(saved.flagRaised).toBe(true);
    expect(await openFlags(noteId)).toEqual([{ kinds: ["critical_screening_item"] }]);
    // Saved again as the counselor types: still one open flag, extended with the new "yes".
    const again = await w.counselor.api.sessions.save(
      completeDraft(noteId, version, w.today(), { screenings: [phq([0, 0, 0, 0, 0, 0, 0, 0, 2])], riskCheck: { answers: { ...noRisk(), self_harm: true } } }),
    );
    expect(again.flagRaised).toBe(true);
    expect(await openFlags(noteId)).toEqual([{ kinds: ["self_harm", "critical_screening_item"] }]);
  });

  it("a 'yes' on the risk check raises a flag; all 'no' raises none", async () => {
    const yes = await w.savedDraft(caseId, w.counselor, { riskCheck: { answers: { ...noRisk(), exploiter_contact: true } } });
    expect(yes.saved.flagRaised).toBe(true);
    expect(await openFlags(yes.noteId)).toEqual([{ kinds: ["exploiter_contact"] }]);
    const no = await w.savedDraft(caseId);
    expect(no.saved.flagRaised).toBe(false);
    expect(await openFlags(no.noteId)).toEqual([]);
  });
});

describe("screening history", () => {
  it("gives complete results per instrument, by session date", async () => {
    const fresh = await w.newCase();
    const today = w.today();
    const earlier = addDays(today, -14);
    await w.signedNote(fresh, w.counselor, { sessionDate: earlier, screenings: [phq([2, 2, 2, 2, 2, 1, 1, 1, 0]), cries([5, 5, 5, 5, 0, 0, 0, 0])] });
    const { noteId: later } = await w.signedNote(fresh, w.counselor2, { screenings: [phq([1, 1, 1, 1, 1, 0, 0, 0, 0])] });
    // A draft with a partial screening is left out of the chart.
    await w.savedDraft(fresh, w.counselor, { screenings: [phq([3, 3])] });
    const history = await w.supervisor.api.sessions.screeningHistory({ caseId: fresh });
    expect(history.map((line) => line.instrumentCode)).toEqual(["cries-8", "phq-a"]);
    expect(history.find((line) => line.instrumentCode === "phq-a")?.points).toEqual([
      expect.objectContaining({ sessionDate: earlier, total: 13, band: "moderate", positive: true }),
      { noteId: later, sessionDate: today, total: 5, band: "mild", positive: false },
    ]);
    expect(history.find((line) => line.instrumentCode === "cries-8")?.points).toEqual([
      expect.objectContaining({ sessionDate: earlier, total: 20, band: "above_cutoff", positive: true }),
    ]);
  });
});
