import { describe, expect, it } from "vitest";
import { saveSessionNoteInput, scoreScreening, type ScreeningDefinition, type SessionNote } from "@lentera/domain";
import {
  mergeStoredValues,
  noteFieldErrors,
  noteToFormValues,
  sameNote,
  signProblem,
  switchFormat,
  toSaveInput,
  unansweredRiskItems,
  type NoteFormValues,
} from "./note-form-values";

const NOTE_ID = "0b7c2d3e-1111-4222-8333-944455556666";
const GOAL = "1b7c2d3e-1111-4222-8333-944455556666";

const note: SessionNote = {
  id: NOTE_ID,
  caseId: "2b7c2d3e-1111-4222-8333-944455556666",
  appointmentId: null,
  counselor: { id: "3b7c2d3e-1111-4222-8333-944455556666", name: "Dewi" },
  sessionDate: "2026-03-02",
  durationMinutes: 50,
  modality: "in_person",
  attendance: "attended",
  status: "draft",
  signedAt: null,
  version: 4,
  format: "dap",
  sections: { data: "Came on time.", assessment: "Calmer.", plan: "" },
  goalKeys: [GOAL],
  interventions: ["safety_planning", "cbt"],
  nextStep: null,
  riskCheck: { answers: { self_harm: true, suicidal_thoughts: false, exploiter_contact: null }, otherDetail: null },
  screenings: [
    {
      id: "4b7c2d3e-1111-4222-8333-944455556666",
      instrumentCode: "distress",
      instrumentVersion: 1,
      answers: { distress: 6 },
      total: 6,
      band: "moderate",
      positive: true,
      criticalItems: [],
      complete: true,
    },
  ],
  addenda: [],
  signedBy: null,
  editable: true,
  updatedAt: new Date("2026-03-02T03:00:00Z"),
  agencyToday: "2026-03-02",
};

const phq: ScreeningDefinition = {
  code: "phq-a",
  version: 1,
  name: { en: "PHQ-A", id: "PHQ-A", vi: "PHQ-A" },
  instructions: { en: "x", id: "x", vi: "x" },
  source: "s",
  termsOfUse: "t",
  translationsValidated: false,
  options: [0, 1, 2, 3].map((value) => ({ value, label: { en: String(value), id: String(value), vi: String(value) } })),
  items: [
    { id: "mood", label: { en: "Mood", id: "Mood", vi: "Mood" } },
    { id: "self_harm_thoughts", label: { en: "Self-harm", id: "Self-harm", vi: "Self-harm" }, criticalAtOrAbove: 1 },
  ],
  bands: [
    { key: "low", upTo: 2, label: { en: "Low", id: "Low", vi: "Low" } },
    { key: "high", upTo: 6, label: { en: "High", id: "High", vi: "High" } },
  ],
  positiveAtOrAbove: 3,
};

describe("noteToFormValues", () => {
  it("holds every section of the note's format, and risk answers as radio values", () => {
    const values = noteToFormValues(note);
    expect(values.sections).toEqual({ data: "Came on time.", assessment: "Calmer.", plan: "" });
    expect(values.durationMinutes).toBe("50");
    expect(values.risk).toEqual({ self_harm: "yes", suicidal_thoughts: "no", exploiter_contact: "", unsafe_home: "", other: "" });
    expect(values.screenings).toEqual([{ instrumentCode: "distress", instrumentVersion: 1, answers: { distress: "6" } }]);
    expect(values.nextStep).toBe("");
  });
});

describe("switchFormat", () => {
  it("keeps the text of sections both formats have and names the text that would go", () => {
    const result = switchFormat({ data: "Came on time.", assessment: "Calmer.", plan: "Meet Friday." }, "soap");
    expect(result.sections).toEqual({ subjective: "", objective: "", assessment: "Calmer.", plan: "Meet Friday." });
    expect(result.dropped).toEqual(["data"]);
  });

  it("drops nothing that is blank", () => {
    expect(switchFormat({ data: "  ", assessment: "", plan: "" }, "birp").dropped).toEqual([]);
  });

  it("goes back and forth without losing text kept in both", () => {
    const there = switchFormat({ data: "", assessment: "A", plan: "P" }, "soap").sections;
    expect(switchFormat(there, "dap").sections).toEqual({ data: "", assessment: "A", plan: "P" });
  });
});

describe("noteFieldErrors", () => {
  const values = noteToFormValues(note);
  it("accepts a past date and a duration in range", () => {
    expect(noteFieldErrors(values, "2026-03-02")).toEqual({});
  });
  it("refuses a future date, an empty or out-of-range duration", () => {
    expect(noteFieldErrors({ ...values, sessionDate: "2026-03-03" }, "2026-03-02")).toEqual({ sessionDate: "errors.date_in_future" });
    expect(noteFieldErrors({ ...values, sessionDate: "" }, "2026-03-02")).toEqual({ sessionDate: "validation.required" });
    expect(noteFieldErrors({ ...values, durationMinutes: "" }, "2026-03-02")).toEqual({ durationMinutes: "validation.required" });
    expect(noteFieldErrors({ ...values, durationMinutes: "0" }, "2026-03-02")).toEqual({ durationMinutes: "validation.range" });
    expect(noteFieldErrors({ ...values, durationMinutes: "481" }, "2026-03-02")).toEqual({ durationMinutes: "validation.range" });
    expect(noteFieldErrors({ ...values, durationMinutes: "4.5" }, "2026-03-02")).toEqual({ durationMinutes: "validation.range" });
  });
});

describe("toSaveInput", () => {
  it("makes an input the API's schema accepts, with numbers, nulls and only the format's sections", () => {
    const values: NoteFormValues = {
      ...noteToFormValues(note),
      sections: { data: "D", assessment: "A", plan: "P", subjective: "stray" },
      nextStep: "  ",
      otherDetail: "something",
      screenings: [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: { mood: "2", self_harm_thoughts: null, stray: "1" } }],
    };
    const input = toSaveInput(NOTE_ID, 4, values, [phq]);
    expect(input.sections).toEqual({ data: "D", assessment: "A", plan: "P" });
    expect(input.durationMinutes).toBe(50);
    expect(input.nextStep).toBeNull();
    expect(input.riskCheck).toEqual({
      answers: { self_harm: true, suicidal_thoughts: false, exploiter_contact: null, unsafe_home: null, other: null },
      otherDetail: null,
    });
    expect(input.screenings).toEqual([{ instrumentCode: "phq-a", instrumentVersion: 1, answers: { mood: 2 } }]);
    expect(input.interventions).toEqual(["cbt", "safety_planning"]);
    expect(saveSessionNoteInput.safeParse(input).success).toBe(true);
  });

  it("sends what 'other' is only while 'other' is yes", () => {
    const values = { ...noteToFormValues(note), otherDetail: "Older cousin visits", risk: { ...noteToFormValues(note).risk, other: "yes" as const } };
    expect(toSaveInput(NOTE_ID, 1, values).riskCheck?.otherDetail).toBe("Older cousin visits");
  });

  it("scores the same answers as the form shows them (0 is an answer, untouched is not)", () => {
    const input = toSaveInput(NOTE_ID, 1, { ...noteToFormValues(note), screenings: [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: { mood: "0", self_harm_thoughts: "1" } }] }, [phq]);
    const score = scoreScreening(phq, input.screenings?.[0]?.answers ?? {});
    expect(score).toMatchObject({ total: 1, complete: true, band: "low", positive: false, criticalItems: ["self_harm_thoughts"] });
  });
});

describe("unansweredRiskItems", () => {
  it("lists the items still without yes or no", () => {
    expect(unansweredRiskItems(noteToFormValues(note).risk)).toEqual(["exploiter_contact", "unsafe_home", "other"]);
  });
});

describe("sameNote", () => {
  it("ignores key order and blank-to-null differences, not content", () => {
    const values = noteToFormValues(note);
    expect(sameNote(values, { ...values, nextStep: " ", sections: { plan: "", assessment: "Calmer.", data: "Came on time." } })).toBe(true);
    expect(sameNote(values, { ...values, sections: { ...values.sections, plan: "x" } })).toBe(false);
  });
});

describe("mergeStoredValues", () => {
  const server = noteToFormValues(note);
  it("takes what was stored when it is well formed", () => {
    const stored = { ...server, format: "soap", sections: { subjective: "S", assessment: "A" }, risk: { self_harm: "no" } };
    const merged = mergeStoredValues(server, JSON.parse(JSON.stringify(stored)));
    expect(merged.format).toBe("soap");
    expect(merged.sections).toEqual({ subjective: "S", objective: "", assessment: "A", plan: "" });
    expect(merged.risk.self_harm).toBe("no");
    expect(merged.risk.suicidal_thoughts).toBe("no");
  });
  it("falls back to the server's values for anything malformed", () => {
    expect(mergeStoredValues(server, null)).toEqual(server);
    const merged = mergeStoredValues(server, { format: "nonsense", durationMinutes: 7, interventions: ["tf_cbt", "bogus"], screenings: [{ instrumentCode: 1 }] });
    expect(merged.format).toBe("dap");
    expect(merged.durationMinutes).toBe("50");
    expect(merged.interventions).toEqual(["tf_cbt"]);
    expect(merged.screenings).toEqual([]);
  });
});

describe("signProblem", () => {
  const complete: NoteFormValues = {
    ...noteToFormValues(note),
    risk: { self_harm: "yes", suicidal_thoughts: "no", exploiter_contact: "no", unsafe_home: "no", other: "no" },
    screenings: [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: { mood: "0", self_harm_thoughts: "1" } }],
  };
  it("finds nothing in a note ready to sign", () => {
    expect(signProblem(complete, [phq])).toBeNull();
  });
  it("names what is missing, in the server's words", () => {
    expect(signProblem({ ...complete, sections: { data: " ", assessment: "", plan: "" } }, [phq])).toEqual({ reason: "note_empty" });
    expect(signProblem({ ...complete, risk: { ...complete.risk, unsafe_home: "", other: "" } }, [phq])).toEqual({
      reason: "risk_check_incomplete",
      items: ["unsafe_home", "other"],
    });
    expect(signProblem({ ...complete, risk: { ...complete.risk, other: "yes" }, otherDetail: " " }, [phq])).toEqual({ reason: "risk_other_detail_required" });
    expect(
      signProblem({ ...complete, screenings: [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: { mood: "0", self_harm_thoughts: null } }] }, [phq]),
    ).toEqual({ reason: "screening_incomplete", instruments: ["phq-a"] });
  });
});
