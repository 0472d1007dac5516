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
    note: optionalText(1000),
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
    note: optionalText(1000),
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
