import { z } from "zod";
import { isoDate, optionalText, text, version } from "../fields";
import {
  EVIDENCE_ENTRY_KINDS,
  HARM_ITEM_FINDERS,
  HARM_ITEM_KINDS,
  LEGAL_STAGES,
  PLATFORM_KINDS,
  TAKEDOWN_CHANNELS,
  TAKEDOWN_STATUSES,
} from "./vocabulary";

/** A data: URL or a long base64 run: content pasted into a text field, which Lentera refuses. */
const CONTENT_PATTERN = /data:[a-z]+\/[a-z0-9.+-]+;base64,|[A-Za-z0-9+/]{400,}={0,2}/;
/** Text that must not carry the content itself (the refusal says why). */
const noContent = (schema: z.ZodType<string>) => schema.refine((value) => !CONTENT_PATTERN.test(value), { error: "validation.contentNotAccepted" });
/** Optional free text that must not carry the content itself either (a note, a reference). */
const optionalNoContent = (max: number) =>
  optionalText(max).refine((value) => value == null || !CONTENT_PATTERN.test(value), { error: "validation.contentNotAccepted" });

/**
 * An item found online. `locator` (the address or identifier: a URL, a handle, a chat id) is stored
 * encrypted like identifying data. Inputs are strict: an extra key such as a file is refused.
 */
export const recordHarmItemInput = z
  .object({
    caseId: z.uuid(),
    kind: z.enum(HARM_ITEM_KINDS),
    platformKind: z.enum(PLATFORM_KINDS),
    platformName: text(200),
    locator: noContent(text(2000)),
    foundOn: isoDate,
    foundBy: z.enum(HARM_ITEM_FINDERS),
    note: optionalNoContent(1000),
  })
  .strict();

export const requestTakedownInput = z
  .object({
    itemId: z.uuid(),
    channel: z.enum(TAKEDOWN_CHANNELS),
    reportedOn: isoDate,
    reference: optionalText(200),
  })
  .strict();

export const updateTakedownInput = z
  .object({
    takedownId: z.uuid(),
    version,
    status: z.enum(TAKEDOWN_STATUSES),
    on: isoDate,
    reference: optionalText(200),
    note: optionalNoContent(1000),
  })
  .strict();

/** One append-only entry of the evidence log: what was collected, or to whom it was handed. */
export const recordEvidenceInput = z
  .object({
    caseId: z.uuid(),
    kind: z.enum(EVIDENCE_ENTRY_KINDS),
    /** For a hand-over: the collected entry it hands over. */
    evidenceId: z.uuid().nullable().default(null),
    itemId: z.uuid().nullable().default(null),
    description: noContent(text(1000)),
    /** SHA-256 of the evidence file kept outside Lentera (64 hex digits); required when collected. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/i, { error: "validation.sha256" })
      .transform((value) => value.toLowerCase())
      .nullable()
      .default(null),
    on: isoDate,
    /** Who collected it, or to whom it was handed (a partner, or a name and unit). */
    partnerId: z.uuid().nullable().default(null),
    person: optionalText(200),
  })
  .strict();

/** The case's legal process: report number (encrypted), investigating unit, stage, accompaniment. */
export const saveLegalProcessInput = z
  .object({
    caseId: z.uuid(),
    version,
    policeReportNumber: optionalText(100),
    investigatingUnitPartnerId: z.uuid().nullable().default(null),
    investigatingUnit: optionalText(200),
    stage: z.enum(LEGAL_STAGES),
    stageOn: isoDate,
    /** Who accompanies the survivor (a staff member or partner, in words). */
    accompaniment: optionalText(500),
  })
  .strict();

/* ---- Outputs (tRPC's .output() strips every key not named here). Care team only, except the counts. ---- */

const person = z.object({ id: z.uuid(), name: z.string() });
const partnerRef = z.object({ id: z.uuid(), name: z.string() });

export const HARM_ITEM_ONLINE_STATES = ["online", "removed"] as const;

export const takedownRequestSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  channel: z.enum(TAKEDOWN_CHANNELS),
  reportedOn: z.string(),
  reference: z.string().nullable(),
  status: z.enum(TAKEDOWN_STATUSES),
  /** The day of the current status. */
  statusOn: z.string(),
  /** While no answer came: the day it needs a follow-up (null once removed or refused). */
  followUpDueOn: z.string().nullable(),
  note: z.string().nullable(),
  requestedBy: person,
  createdAt: z.date(),
  version: z.number().int(),
  /** The statuses it may move to next (TAKEDOWN_TRANSITIONS). */
  nextStatuses: z.array(z.enum(TAKEDOWN_STATUSES)),
});
export type TakedownRequest = z.output<typeof takedownRequestSchema>;

export const harmItemSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(HARM_ITEM_KINDS),
  platformKind: z.enum(PLATFORM_KINDS),
  platformName: z.string(),
  /** The address or identifier, unsealed for the care team. */
  locator: z.string(),
  foundOn: z.string(),
  foundBy: z.enum(HARM_ITEM_FINDERS),
  note: z.string().nullable(),
  online: z.enum(HARM_ITEM_ONLINE_STATES),
  /** The status of its latest takedown request, null when none was made. */
  currentStatus: z.enum(TAKEDOWN_STATUSES).nullable(),
  recordedBy: person,
  createdAt: z.date(),
  version: z.number().int(),
  /** Oldest first. */
  takedowns: z.array(takedownRequestSchema),
});
export type HarmItem = z.output<typeof harmItemSchema>;

export const evidenceEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(EVIDENCE_ENTRY_KINDS),
  /** For a hand-over: the collected entry handed over. */
  evidenceId: z.uuid().nullable(),
  itemId: z.uuid().nullable(),
  /** Unsealed for the care team. */
  description: z.string(),
  sha256: z.string().nullable(),
  on: z.string(),
  partner: partnerRef.nullable(),
  person: z.string().nullable(),
  recordedBy: person,
  recordedAt: z.date(),
});
export type EvidenceEntry = z.output<typeof evidenceEntrySchema>;

export const legalProcessSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  /** Unsealed for the care team. */
  policeReportNumber: z.string().nullable(),
  investigatingUnitPartner: partnerRef.nullable(),
  investigatingUnit: z.string().nullable(),
  stage: z.enum(LEGAL_STAGES),
  stageOn: z.string(),
  accompaniment: z.string().nullable(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type LegalProcess = z.output<typeof legalProcessSchema>;

/** What anyone who may read the case sees: how many items are still online, no details. */
export const onlineHarmCountsSchema = z.object({
  itemsOnline: z.number().int(),
  itemsTotal: z.number().int(),
});
export type OnlineHarmCounts = z.output<typeof onlineHarmCountsSchema>;

/** The case's whole online-harm record, for its care team (the read is audited). */
export const caseOnlineHarmSchema = onlineHarmCountsSchema.extend({
  caseId: z.uuid(),
  /** Found first, first. */
  items: z.array(harmItemSchema),
  /** The evidence log, oldest entry first. */
  evidence: z.array(evidenceEntrySchema),
  legalProcess: legalProcessSchema.nullable(),
});
export type CaseOnlineHarm = z.output<typeof caseOnlineHarmSchema>;

/** After a takedown request is made or answered: the request, its item's state, the case's counts. */
export const takedownChangeSchema = onlineHarmCountsSchema.extend({
  takedown: takedownRequestSchema,
  itemOnline: z.enum(HARM_ITEM_ONLINE_STATES),
  /** The catalog key of a milestone this change marked achieved (harmful_content_taken_down), if any. */
  milestoneAchieved: z.string().nullable(),
});
export type TakedownChange = z.output<typeof takedownChangeSchema>;

export const legalProcessSavedSchema = z.object({
  legalProcess: legalProcessSchema,
  /** The catalog key of the legal milestone the stage marked achieved, if any. */
  milestoneAchieved: z.string().nullable(),
});
export type LegalProcessSaved = z.output<typeof legalProcessSavedSchema>;
