import { z } from "zod";
import { ASSESSMENT_TIMEPOINTS, type SaveAssessmentInput } from "@lentera/domain";
import { currentEditions, findInstrument, instrumentKey } from "./instrument-text";
import type { Assessment, Instrument } from "./outcome-types";

/** What the entry form holds: radio buttons give text, so answers are "3" until they are sent. */
export interface AssessmentFormValues {
  instrument: string;
  /** A timepoint, or "" until one is chosen. */
  timepoint: string;
  assessedOn: string;
  note: string;
  /** By item id: the chosen scale value as text; null or nothing for a group not answered. */
  answers: Record<string, string | null | undefined>;
}

/** The form's own checks (the server repeats them); messages are catalog keys. */
export function assessmentFormSchema(today: string) {
  return z.object({
    instrument: z.string().min(1, { error: "validation.required" }),
    timepoint: z.string().pipe(z.enum(ASSESSMENT_TIMEPOINTS, { error: "validation.required" })),
    assessedOn: z.iso
      .date({ error: "validation.date" })
      .refine((date) => date <= today, { error: "errors.date_in_future" }),
    note: z.string().trim().max(2000, { error: "validation.tooLong" }),
    // An untouched radio group holds null: not an error, just no answer (numericAnswers drops it).
    answers: z.record(z.string(), z.string().nullish()),
  });
}
export type CheckedAssessmentForm = z.output<ReturnType<typeof assessmentFormSchema>>;

/**
 * The answers given so far, as numbers. A radio group nobody has touched holds null (or nothing),
 * which is no answer, never 0.
 */
export function numericAnswers(answers: Readonly<Record<string, unknown>>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [item, value] of Object.entries(answers)) {
    if (typeof value !== "string" || value.trim() === "") continue;
    const number = Number(value);
    if (Number.isInteger(number)) result[item] = number;
  }
  return result;
}

/** Only the answers to items of this instrument (a change of instrument leaves none behind). */
export function answersFor(definition: Instrument, answers: Readonly<Record<string, number>>): Record<string, number> {
  const items = new Set(definition.domains.flatMap((domain) => domain.items.map((item) => item.id)));
  return Object.fromEntries(Object.entries(answers).filter(([item]) => items.has(item)));
}

/**
 * Where the form starts: a draft as it was saved, or a new assessment with the first instrument,
 * today's date, and "intake" when the case has no assessment yet.
 */
export function initialFormValues(
  draft: Assessment | null,
  instruments: readonly Instrument[],
  assessments: readonly Assessment[],
  today: string,
): AssessmentFormValues {
  if (draft) {
    return {
      instrument: instrumentKey({ code: draft.instrumentCode, version: draft.instrumentVersion }),
      timepoint: draft.timepoint,
      assessedOn: draft.assessedOn,
      note: draft.note ?? "",
      answers: Object.fromEntries(Object.entries(draft.answers).map(([item, value]) => [item, String(value)])),
    };
  }
  const [first] = currentEditions(instruments);
  return {
    instrument: first ? instrumentKey(first) : "",
    timepoint: assessments.length === 0 ? "intake" : "",
    assessedOn: today,
    note: "",
    answers: {},
  };
}

/** The instrument a form value ("code@version") names, among those the agency has. */
export function instrumentFromKey(instruments: readonly Instrument[], key: string): Instrument | undefined {
  const at = key.lastIndexOf("@");
  if (at <= 0) return undefined;
  return findInstrument(instruments, key.slice(0, at), Number(key.slice(at + 1)));
}

/** The whole draft as `outcomes.save` takes it; `saved` is the draft's id and version once it exists. */
export function toSaveInput(
  caseId: string,
  saved: { id: string; version: number } | null,
  definition: Instrument,
  values: CheckedAssessmentForm,
): SaveAssessmentInput {
  return {
    caseId,
    assessmentId: saved?.id ?? null,
    version: saved?.version ?? 0,
    instrumentCode: definition.code,
    instrumentVersion: definition.version,
    timepoint: values.timepoint,
    assessedOn: values.assessedOn,
    answers: answersFor(definition, numericAnswers(values.answers)),
    note: values.note === "" ? null : values.note,
  };
}
