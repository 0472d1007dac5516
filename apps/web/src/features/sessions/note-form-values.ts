import {
  COUNSELING_INTERVENTIONS,
  MAX_SECTION_LENGTH,
  MAX_SESSION_MINUTES,
  NOTE_FORMATS,
  NOTE_SECTIONS,
  RISK_CHECK_ITEMS,
  SESSION_MODALITIES,
  type CounselingIntervention,
  type NoteFormat,
  type NoteSection,
  type RiskCheckItem,
  type SaveSessionNoteInput,
  type ScreeningDefinition,
  type SessionModality,
  type SessionNote,
} from "@lentera/domain";
import { numericAnswers } from "../outcomes/assessment-form-values";

/** A risk-check answer as its radio pair holds it: "" until one of the two is chosen. */
export type RiskAnswer = "" | "yes" | "no";

/** One instrument given in the session; radio buttons hold text ("2") until the note is sent. */
export interface ScreeningFormEntry {
  instrumentCode: string;
  instrumentVersion: number;
  answers: Record<string, string | null | undefined>;
}

/** What the note form holds. Numbers stay text while typed; the API input is made by `toSaveInput`. */
export interface NoteFormValues {
  sessionDate: string;
  durationMinutes: string;
  modality: SessionModality;
  format: NoteFormat;
  /** The texts of the current format's sections, by section key. */
  sections: Record<string, string>;
  goalKeys: string[];
  interventions: CounselingIntervention[];
  nextStep: string;
  risk: Record<RiskCheckItem, RiskAnswer>;
  otherDetail: string;
  screenings: ScreeningFormEntry[];
}

export type NoteField = "sessionDate" | "durationMinutes";

const answerText = (value: boolean | null | undefined): RiskAnswer => (value === true ? "yes" : value === false ? "no" : "");

export function sectionsOf(format: NoteFormat): readonly NoteSection[] {
  return NOTE_SECTIONS[format];
}

/** The form's values for a note as the server has it; every section of its format is there, blank or not. */
export function noteToFormValues(note: SessionNote): NoteFormValues {
  return {
    sessionDate: note.sessionDate,
    durationMinutes: String(note.durationMinutes),
    modality: note.modality,
    format: note.format,
    sections: Object.fromEntries(sectionsOf(note.format).map((section) => [section, note.sections[section] ?? ""])),
    goalKeys: [...note.goalKeys],
    interventions: [...note.interventions],
    nextStep: note.nextStep ?? "",
    risk: Object.fromEntries(RISK_CHECK_ITEMS.map((item) => [item, answerText(note.riskCheck.answers[item])])) as Record<RiskCheckItem, RiskAnswer>,
    otherDetail: note.riskCheck.otherDetail ?? "",
    screenings: note.screenings.map((screening) => ({
      instrumentCode: screening.instrumentCode,
      instrumentVersion: screening.instrumentVersion,
      answers: Object.fromEntries(Object.entries(screening.answers).map(([item, value]) => [item, String(value)])),
    })),
  };
}

/**
 * The sections of another format. Text typed in a section both formats have (DAP → SOAP keeps
 * Assessment and Plan) stays; `dropped` names the sections with text the new format has no place
 * for, so the form can ask before that text goes.
 */
export function switchFormat(sections: Readonly<Record<string, string>>, to: NoteFormat): { sections: Record<string, string>; dropped: string[] } {
  const kept = Object.fromEntries(sectionsOf(to).map((section) => [section, sections[section] ?? ""]));
  const dropped = Object.entries(sections)
    .filter(([section, text]) => !(section in kept) && text.trim() !== "")
    .map(([section]) => section);
  return { sections: kept, dropped };
}

/** The form's own checks before a save is sent (the server repeats them); messages are catalog keys. */
export function noteFieldErrors(values: NoteFormValues, today: string): Partial<Record<NoteField, string>> {
  const errors: Partial<Record<NoteField, string>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.sessionDate) || Number.isNaN(Date.parse(`${values.sessionDate}T00:00:00Z`))) {
    errors.sessionDate = values.sessionDate === "" ? "validation.required" : "validation.date";
  } else if (values.sessionDate > today) {
    errors.sessionDate = "errors.date_in_future";
  }
  const minutes = values.durationMinutes.trim();
  if (minutes === "") errors.durationMinutes = "validation.required";
  else if (!/^\d+$/.test(minutes) || Number(minutes) < 1 || Number(minutes) > MAX_SESSION_MINUTES) errors.durationMinutes = "validation.range";
  return errors;
}

/** Sections too long to save (the server refuses the whole note then). */
export function tooLongSections(values: NoteFormValues): string[] {
  return Object.entries(values.sections)
    .filter(([, text]) => text.length > MAX_SECTION_LENGTH)
    .map(([section]) => section);
}

/** The risk-check answers as the API takes them: true, false, or null for not asked yet. */
export function riskAnswersForApi(risk: Readonly<Record<RiskCheckItem, RiskAnswer>>): Partial<Record<RiskCheckItem, boolean | null>> {
  return Object.fromEntries(RISK_CHECK_ITEMS.map((item) => [item, risk[item] === "yes" ? true : risk[item] === "no" ? false : null]));
}

/** Risk-check items not answered yet (a note cannot be signed so). */
export function unansweredRiskItems(risk: Readonly<Record<RiskCheckItem, RiskAnswer>>): RiskCheckItem[] {
  return RISK_CHECK_ITEMS.filter((item) => risk[item] !== "yes" && risk[item] !== "no");
}

/** Only the answers to items of the instrument, as numbers (an untouched radio group is no answer, never 0). */
export function screeningAnswers(definition: ScreeningDefinition | undefined, entry: ScreeningFormEntry): Record<string, number> {
  const answers = numericAnswers(entry.answers);
  if (!definition) return answers;
  const items = new Set(definition.items.map((item) => item.id));
  return Object.fromEntries(Object.entries(answers).filter(([item]) => items.has(item)));
}

/** The whole draft as `sessions.save` takes it. Call after `noteFieldErrors` found nothing. */
export function toSaveInput(
  noteId: string,
  version: number,
  values: NoteFormValues,
  definitions: readonly ScreeningDefinition[] = [],
): SaveSessionNoteInput {
  const sections = Object.fromEntries(sectionsOf(values.format).map((section) => [section, values.sections[section] ?? ""]));
  const nextStep = values.nextStep.trim();
  const otherDetail = values.otherDetail.trim();
  return {
    noteId,
    version,
    sessionDate: values.sessionDate,
    durationMinutes: Number(values.durationMinutes.trim()),
    modality: values.modality,
    format: values.format,
    sections,
    goalKeys: [...values.goalKeys],
    interventions: COUNSELING_INTERVENTIONS.filter((intervention) => values.interventions.includes(intervention)),
    nextStep: nextStep === "" ? null : nextStep,
    riskCheck: {
      answers: riskAnswersForApi(values.risk),
      // What "other" is matters only while "other" is yes.
      otherDetail: values.risk.other === "yes" && otherDetail !== "" ? otherDetail : null,
    },
    screenings: values.screenings.map((entry) => ({
      instrumentCode: entry.instrumentCode,
      instrumentVersion: entry.instrumentVersion,
      answers: screeningAnswers(
        definitions.find((definition) => definition.code === entry.instrumentCode && definition.version === entry.instrumentVersion),
        entry,
      ),
    })),
  };
}

/** What a save sends, compared: two values that send the same note are the same (key order aside). */
export function sameNote(a: NoteFormValues, b: NoteFormValues): boolean {
  return stableJson(comparable(a)) === stableJson(comparable(b));
}

function comparable(values: NoteFormValues) {
  const { noteId: _noteId, version: _version, ...rest } = toSaveInput("", 0, values);
  return { ...rest, durationMinutes: values.durationMinutes.trim() };
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const isString = (value: unknown): value is string => typeof value === "string";
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => isString(value) && (list as readonly string[]).includes(value);

/**
 * Values read back from this device's storage, checked field by field against the note's own:
 * whatever is missing or malformed (an older app version wrote it, or someone edited it) comes
 * from the server's copy instead.
 */
export function mergeStoredValues(server: NoteFormValues, stored: unknown): NoteFormValues {
  if (!isRecord(stored)) return server;
  const format = oneOf(NOTE_FORMATS, stored.format) ? stored.format : server.format;
  const storedSections = isRecord(stored.sections) ? stored.sections : {};
  const risk = isRecord(stored.risk) ? stored.risk : {};
  const screenings = Array.isArray(stored.screenings)
    ? stored.screenings.flatMap((entry): ScreeningFormEntry[] =>
        isRecord(entry) && isString(entry.instrumentCode) && typeof entry.instrumentVersion === "number" && isRecord(entry.answers)
          ? [
              {
                instrumentCode: entry.instrumentCode,
                instrumentVersion: entry.instrumentVersion,
                answers: Object.fromEntries(Object.entries(entry.answers).filter((pair): pair is [string, string] => isString(pair[1]))),
              },
            ]
          : [],
      )
    : server.screenings;
  return {
    sessionDate: isString(stored.sessionDate) ? stored.sessionDate : server.sessionDate,
    durationMinutes: isString(stored.durationMinutes) ? stored.durationMinutes : server.durationMinutes,
    modality: oneOf(SESSION_MODALITIES, stored.modality) ? stored.modality : server.modality,
    format,
    sections: Object.fromEntries(
      sectionsOf(format).map((section) => {
        const text = storedSections[section];
        return [section, isString(text) ? text : (server.sections[section] ?? "")];
      }),
    ),
    goalKeys: Array.isArray(stored.goalKeys) ? stored.goalKeys.filter(isString) : server.goalKeys,
    interventions: Array.isArray(stored.interventions)
      ? COUNSELING_INTERVENTIONS.filter((intervention) => (stored.interventions as unknown[]).includes(intervention))
      : server.interventions,
    nextStep: isString(stored.nextStep) ? stored.nextStep : server.nextStep,
    risk: Object.fromEntries(
      RISK_CHECK_ITEMS.map((item) => {
        const answer = risk[item];
        return [item, answer === "yes" || answer === "no" || answer === "" ? answer : server.risk[item]];
      }),
    ) as Record<RiskCheckItem, RiskAnswer>,
    otherDetail: isString(stored.otherDetail) ? stored.otherDetail : server.otherDetail,
    screenings,
  };
}

export type SignProblem =
  | { reason: "note_empty" }
  | { reason: "risk_check_incomplete"; items: RiskCheckItem[] }
  | { reason: "risk_other_detail_required" }
  | { reason: "screening_incomplete"; instruments: string[] };

/**
 * What stops the note from being signed, found before asking the server (which checks the same):
 * some text in a section, every risk-check item answered, "other" said what it is, every screening
 * given in full.
 */
export function signProblem(values: NoteFormValues, definitions: readonly ScreeningDefinition[]): SignProblem | null {
  if (sectionsOf(values.format).every((section) => (values.sections[section] ?? "").trim() === "")) return { reason: "note_empty" };
  const items = unansweredRiskItems(values.risk);
  if (items.length > 0) return { reason: "risk_check_incomplete", items };
  if (values.risk.other === "yes" && values.otherDetail.trim() === "") return { reason: "risk_other_detail_required" };
  const instruments = values.screenings
    .filter((entry) => {
      const definition = definitions.find(
        (candidate) => candidate.code === entry.instrumentCode && candidate.version === entry.instrumentVersion,
      );
      return definition !== undefined && definition.items.some((item) => screeningAnswers(definition, entry)[item.id] === undefined);
    })
    .map((entry) => entry.instrumentCode);
  if (instruments.length > 0) return { reason: "screening_incomplete", instruments };
  return null;
}
