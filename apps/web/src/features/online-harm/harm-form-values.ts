import { z } from "zod";
import {
  LEGAL_STAGES,
  recordEvidenceInput,
  recordHarmItemInput,
  requestTakedownInput,
  saveLegalProcessInput,
  TAKEDOWN_TRANSITIONS,
  updateTakedownInput,
  type TakedownStatus,
} from "@lentera/domain";
import type { LegalProcess, TakedownRequest } from "./harm-types";

/**
 * The online-harm forms hold strings; these turn them into the API's inputs, and check them with the
 * domain's own input schemas (required text, dates, no pasted content, a well-formed SHA-256) so the
 * form says what the server would refuse before anything is sent.
 */

/** A syntactically valid id, only to check a request's other fields before the real id is known. */
const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";

const textOrNull = (value: string): string | null => (value.trim() === "" ? null : value.trim());
const idOrNull = (value: string): string | null => (value === "" ? null : value);

/** The statuses a takedown request may move to from `status` (the server's TAKEDOWN_TRANSITIONS). */
export function allowedNextStatuses(status: TakedownStatus): readonly TakedownStatus[] {
  return TAKEDOWN_TRANSITIONS[status];
}

/** A SHA-256 shortened for a table cell: its first 12 hex digits and an ellipsis (the full value goes in a title). */
export function shortHash(sha256: string, digits = 12): string {
  return sha256.length <= digits ? sha256 : `${sha256.slice(0, digits)}…`;
}

/**
 * A refinement that runs the domain's input schema on the request the form would send, and puts its
 * messages on the form's fields of the same name. An empty answer reads "required" unless the schema
 * has a message of its own.
 */
function checkedBy<Values extends Record<string, string>>(schema: z.ZodType, request: (values: Values) => unknown) {
  return (values: Values, context: z.RefinementCtx) => {
    const result = schema.safeParse(request(values));
    if (result.success) return;
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field !== "string" || !(field in values) || seen.has(field)) continue;
      seen.add(field);
      const own = issue.message.startsWith("validation.") ? issue.message : null;
      const message = values[field] === "" ? (own === "validation.date" || own === null ? "validation.required" : own) : (own ?? "validation.invalid");
      context.addIssue({ code: "custom", path: [field], message });
    }
  };
}

/* ---- An item found online ---- */

const itemFields = z.object({
  kind: z.string(),
  platformKind: z.string(),
  platformName: z.string(),
  locator: z.string(),
  foundOn: z.string(),
  foundBy: z.string(),
  note: z.string(),
});
export type ItemFormValues = z.infer<typeof itemFields>;
export type RecordItemRequest = z.input<typeof recordHarmItemInput>;

export function itemRequest(caseId: string, values: ItemFormValues): RecordItemRequest {
  return {
    caseId,
    kind: values.kind as RecordItemRequest["kind"],
    platformKind: values.platformKind as RecordItemRequest["platformKind"],
    platformName: values.platformName.trim(),
    locator: values.locator.trim(),
    foundOn: values.foundOn,
    foundBy: values.foundBy as RecordItemRequest["foundBy"],
    note: textOrNull(values.note),
  };
}

export const itemFormSchema = itemFields.superRefine(checkedBy(recordHarmItemInput, (values: ItemFormValues) => itemRequest(PLACEHOLDER_ID, values)));

export function emptyItemForm(today: string): ItemFormValues {
  return { kind: "", platformKind: "", platformName: "", locator: "", foundOn: today, foundBy: "", note: "" };
}

/* ---- Asking for a takedown ---- */

const takedownFields = z.object({ channel: z.string(), reportedOn: z.string(), reference: z.string() });
export type TakedownFormValues = z.infer<typeof takedownFields>;
export type RequestTakedownRequest = z.input<typeof requestTakedownInput>;

export function takedownRequest(itemId: string, values: TakedownFormValues): RequestTakedownRequest {
  return {
    itemId,
    channel: values.channel as RequestTakedownRequest["channel"],
    reportedOn: values.reportedOn,
    reference: textOrNull(values.reference),
  };
}

export const takedownFormSchema = takedownFields.superRefine(
  checkedBy(requestTakedownInput, (values: TakedownFormValues) => takedownRequest(PLACEHOLDER_ID, values)),
);

/* ---- Answering a takedown request ---- */

const updateFields = z.object({ status: z.string(), on: z.string(), reference: z.string(), note: z.string() });
export type UpdateFormValues = z.infer<typeof updateFields>;
export type UpdateTakedownRequest = z.input<typeof updateTakedownInput>;

export function updateRequest(takedown: Pick<TakedownRequest, "id" | "version">, values: UpdateFormValues): UpdateTakedownRequest {
  return {
    takedownId: takedown.id,
    version: takedown.version,
    status: values.status as UpdateTakedownRequest["status"],
    on: values.on,
    reference: textOrNull(values.reference),
    note: textOrNull(values.note),
  };
}

/** Only a status the current one may move to is accepted. */
export function updateFormSchema(current: TakedownStatus) {
  const allowed: readonly string[] = allowedNextStatuses(current);
  return updateFields
    .superRefine(checkedBy(updateTakedownInput, (values: UpdateFormValues) => updateRequest({ id: PLACEHOLDER_ID, version: 0 }, values)))
    .refine((values) => values.status === "" || allowed.includes(values.status), { path: ["status"], error: "validation.invalid" });
}

export function updateFormDefaults(takedown: Pick<TakedownRequest, "status" | "reference">, today: string): UpdateFormValues {
  const next = allowedNextStatuses(takedown.status);
  return { status: next.length === 1 ? (next[0] ?? "") : "", on: today, reference: takedown.reference ?? "", note: "" };
}

/* ---- The evidence log ---- */

const collectedFields = z.object({ description: z.string(), sha256: z.string(), on: z.string(), itemId: z.string() });
export type CollectedFormValues = z.infer<typeof collectedFields>;
export type RecordEvidenceRequest = z.input<typeof recordEvidenceInput>;

export function collectedRequest(caseId: string, values: CollectedFormValues): RecordEvidenceRequest {
  return {
    caseId,
    kind: "collected",
    evidenceId: null,
    itemId: idOrNull(values.itemId),
    description: values.description.trim(),
    sha256: values.sha256.trim() === "" ? null : values.sha256.trim(),
    on: values.on,
    partnerId: null,
    person: null,
  };
}

/** A collected entry needs the hash of the file kept outside Lentera. */
export const collectedFormSchema = collectedFields
  .superRefine(checkedBy(recordEvidenceInput, (values: CollectedFormValues) => collectedRequest(PLACEHOLDER_ID, values)))
  .refine((values) => values.sha256.trim() !== "", { path: ["sha256"], error: "validation.required" });

export function emptyCollectedForm(today: string): CollectedFormValues {
  return { description: "", sha256: "", on: today, itemId: "" };
}

const handOverFields = z.object({ evidenceId: z.string(), description: z.string(), on: z.string(), partnerId: z.string(), person: z.string() });
export type HandOverFormValues = z.infer<typeof handOverFields>;

export function handOverRequest(caseId: string, values: HandOverFormValues): RecordEvidenceRequest {
  return {
    caseId,
    kind: "handed_over",
    evidenceId: idOrNull(values.evidenceId),
    itemId: null,
    description: values.description.trim(),
    sha256: null,
    on: values.on,
    partnerId: idOrNull(values.partnerId),
    person: textOrNull(values.person),
  };
}

/** Handed over what (a collected entry), to whom: a partner or a named person or unit. */
export const handOverFormSchema = handOverFields
  .superRefine(checkedBy(recordEvidenceInput, (values: HandOverFormValues) => handOverRequest(PLACEHOLDER_ID, values)))
  .refine((values) => values.evidenceId !== "", { path: ["evidenceId"], error: "validation.required" })
  .refine((values) => values.partnerId !== "" || values.person.trim() !== "", { path: ["person"], error: "validation.required" });

export function emptyHandOverForm(today: string): HandOverFormValues {
  return { evidenceId: "", description: "", on: today, partnerId: "", person: "" };
}

/* ---- The legal process ---- */

const legalFields = z.object({
  policeReportNumber: z.string(),
  investigatingUnitPartnerId: z.string(),
  investigatingUnit: z.string(),
  stage: z.string(),
  stageOn: z.string(),
  accompaniment: z.string(),
});
export type LegalFormValues = z.infer<typeof legalFields>;
export type SaveLegalProcessRequest = z.input<typeof saveLegalProcessInput>;

export function legalRequest(caseId: string, version: number, values: LegalFormValues): SaveLegalProcessRequest {
  return {
    caseId,
    version,
    policeReportNumber: textOrNull(values.policeReportNumber),
    investigatingUnitPartnerId: idOrNull(values.investigatingUnitPartnerId),
    investigatingUnit: textOrNull(values.investigatingUnit),
    stage: values.stage as SaveLegalProcessRequest["stage"],
    stageOn: values.stageOn,
    accompaniment: textOrNull(values.accompaniment),
  };
}

export const legalFormSchema = legalFields.superRefine(
  checkedBy(saveLegalProcessInput, (values: LegalFormValues) => legalRequest(PLACEHOLDER_ID, 0, values)),
);

export function legalFormDefaults(legal: LegalProcess | null, today: string): LegalFormValues {
  return {
    policeReportNumber: legal?.policeReportNumber ?? "",
    investigatingUnitPartnerId: legal?.investigatingUnitPartner?.id ?? "",
    investigatingUnit: legal?.investigatingUnit ?? "",
    stage: legal?.stage ?? LEGAL_STAGES[0],
    stageOn: legal?.stageOn ?? today,
    accompaniment: legal?.accompaniment ?? "",
  };
}

/** The partners that can investigate or prosecute, and the one already chosen even if it is of another kind now. */
export function investigatingPartners<P extends { id: string; name: string; kind: string }>(partners: readonly P[], chosen: { id: string; name: string } | null): { id: string; name: string }[] {
  const units: { id: string; name: string }[] = partners.filter((partner) => partner.kind === "police_unit" || partner.kind === "prosecutor");
  if (chosen && !units.some((unit) => unit.id === chosen.id)) units.push(chosen);
  return units.map(({ id, name }) => ({ id, name }));
}
