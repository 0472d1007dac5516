import { describe, expect, it } from "vitest";
import { RECOVERY_INSTRUMENT, saveAssessmentInput } from "@lentera/domain";
import {
  answersFor,
  assessmentFormSchema,
  initialFormValues,
  instrumentFromKey,
  numericAnswers,
  toSaveInput,
} from "./assessment-form-values";
import { currentEditions, localText } from "./instrument-text";
import type { Assessment } from "./outcome-types";

const own = { ...RECOVERY_INSTRUMENT, code: "stage-of-change", domains: RECOVERY_INSTRUMENT.domains.slice(0, 1) };
const instruments = [RECOVERY_INSTRUMENT, own, { ...own, version: 2 }];
const today = "2026-11-25";

describe("the entry form's values", () => {
  it("starts a new assessment with the first instrument, today, and intake for a case without one", () => {
    expect(initialFormValues(null, instruments, [], today)).toEqual({
      instrument: "lentera-recovery@1",
      timepoint: "intake",
      assessedOn: today,
      note: "",
      answers: {},
    });
  });

  it("continues a draft as it was saved", () => {
    const draft = {
      id: "d1",
      instrumentCode: "stage-of-change",
      instrumentVersion: 1,
      timepoint: "ad_hoc",
      assessedOn: "2026-11-01",
      status: "draft",
      answers: { safe_home: 2 },
      scores: [],
      note: "Met at school",
      assessedBy: { id: "u1", name: "Sari" },
      completedAt: null,
      version: 3,
    } satisfies Assessment;
    expect(initialFormValues(draft, instruments, [draft], today)).toMatchObject({
      instrument: "stage-of-change@1",
      timepoint: "ad_hoc",
      note: "Met at school",
      answers: { safe_home: "2" },
    });
  });

  it("refuses a date in the future and a missing timepoint", () => {
    const schema = assessmentFormSchema(today);
    const base = { instrument: "lentera-recovery@1", timepoint: "intake", assessedOn: today, note: "", answers: {} };
    expect(schema.safeParse(base).success).toBe(true);
    // Untouched radio groups are no answer, not an error.
    expect(schema.safeParse({ ...base, answers: { safe_home: "2", safe_online: null, learning: undefined } }).success).toBe(true);
    expect(schema.safeParse({ ...base, assessedOn: "2026-11-26" }).error?.issues[0]?.message).toBe("errors.date_in_future");
    expect(schema.safeParse({ ...base, timepoint: "" }).error?.issues[0]?.message).toBe("validation.required");
  });

  it("sends only the answers given, as numbers, to items of the chosen instrument", () => {
    expect(numericAnswers({ safe_home: "2", learning: "", legacy: undefined, safe_online: null, basic_needs: "x" })).toEqual({ safe_home: 2 });
    expect(answersFor(own, { safe_home: 2, learning: 3 })).toEqual({ safe_home: 2 });
    const definition = instrumentFromKey(instruments, "lentera-recovery@1");
    expect(definition?.code).toBe("lentera-recovery");
    if (!definition) return;
    const values = assessmentFormSchema(today).parse({
      instrument: "lentera-recovery@1",
      timepoint: "six_months",
      assessedOn: "2026-11-20",
      note: "  ",
      answers: { safe_home: "2", unknown_item: "3" },
    });
    const input = toSaveInput("8a6e0804-2bd0-4672-b79d-d97358ba5b29", { id: "2f1c2a8e-7d54-4f0c-9a5b-1b2c3d4e5f60", version: 4 }, definition, values);
    expect(input).toMatchObject({ assessmentId: "2f1c2a8e-7d54-4f0c-9a5b-1b2c3d4e5f60", version: 4, instrumentVersion: 1, answers: { safe_home: 2 }, note: null });
    expect(saveAssessmentInput.safeParse(input).success).toBe(true);
  });

  it("offers the newest edition of each instrument and finds an edition by its key", () => {
    expect(currentEditions(instruments).map((edition) => `${edition.code}@${edition.version}`)).toEqual(["lentera-recovery@1", "stage-of-change@2"]);
    expect(instrumentFromKey(instruments, "stage-of-change@1")?.version).toBe(1);
    expect(instrumentFromKey(instruments, "nope")).toBeUndefined();
  });
});

describe("localText", () => {
  it("uses the reader's language, else English", () => {
    expect(localText({ en: "Safety", id: "Keamanan", vi: "An toàn" }, "vi")).toBe("An toàn");
    expect(localText({ en: "Safety", id: " " }, "id")).toBe("Safety");
    expect(localText({ vi: "An toàn" }, "id")).toBe("An toàn");
  });
});
