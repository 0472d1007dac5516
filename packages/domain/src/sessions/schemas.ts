import { z } from "zod";
import { isoDate, optionalText, text, version } from "../fields";
import {
  COUNSELING_INTERVENTIONS,
  MAX_SECTION_LENGTH,
  MAX_SESSION_MINUTES,
  NOTE_FORMATS,
  NOTE_STATUSES,
  RISK_CHECK_ITEMS,
  RISK_FLAG_KINDS,
  SESSION_MODALITIES,
} from "./vocabulary";

const sectionText = z.string().max(MAX_SECTION_LENGTH, { error: "validation.tooLong" });

/** Each risk-check item: true (yes), false (no) or null (not asked yet; a note cannot be signed so). */
export const riskCheckSchema = z.object({
  answers: z.partialRecord(z.enum(RISK_CHECK_ITEMS), z.boolean().nullable()).default({}),
  /** What "other" is, when it is yes. */
  otherDetail: optionalText(500),
});
export type RiskCheck = z.output<typeof riskCheckSchema>;

/** One instrument given in the session: answers by item id (scored on the server again). */
export const screeningEntrySchema = z.object({
  instrumentCode: z.string().max(40),
  instrumentVersion: z.number().int().positive(),
  answers: z.record(z.string().max(40), z.number().int()).default({}),
});
export type ScreeningEntry = z.input<typeof screeningEntrySchema>;

/** Starts a draft: from an appointment (date and duration come from it) or on its own. */
export const startSessionNoteInput = z.object({
  caseId: z.uuid(),
  appointmentId: z.uuid().nullable().default(null),
});
export type StartSessionNoteInput = z.input<typeof startSessionNoteInput>;

/** The whole draft as the form holds it; saved as the counselor types. */
export const saveSessionNoteInput = z.object({
  noteId: z.uuid(),
  version,
  sessionDate: isoDate,
  durationMinutes: z
    .number()
    .int()
    .min(1, { error: "validation.range" })
    .max(MAX_SESSION_MINUTES, { error: "validation.range" }),
  modality: z.enum(SESSION_MODALITIES),
  format: z.enum(NOTE_FORMATS),
  /** Section texts by section key; keys outside the format are refused. */
  sections: z.record(z.string().max(40), sectionText).default({}),
  goalKeys: z.array(z.uuid()).max(30, { error: "validation.tooMany" }).default([]),
  interventions: z
    .array(z.enum(COUNSELING_INTERVENTIONS))
    .max(COUNSELING_INTERVENTIONS.length)
    .transform((list) => [...new Set(list)])
    .default([]),
  nextStep: optionalText(1000),
  riskCheck: riskCheckSchema.default({ answers: {} }),
  screenings: z.array(screeningEntrySchema).max(5, { error: "validation.tooMany" }).default([]),
});
export type SaveSessionNoteInput = z.input<typeof saveSessionNoteInput>;

export const noteRefInput = z.object({ noteId: z.uuid(), version });
export const noteIdInput = z.object({ noteId: z.uuid() });
export const addAddendumInput = z.object({ noteId: z.uuid(), body: text(MAX_SECTION_LENGTH) });
export const acknowledgeFlagInput = z.object({ flagId: z.uuid(), version, actionTaken: text(1000) });
export const reviewScreeningInput = z.object({ screeningId: z.uuid(), note: optionalText(1000) });
export const markNotificationsReadInput = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

/* ---- Output schemas: what each reader may receive. tRPC's .output() strips every other key, so a
   field added to a query later cannot reach a reader by accident. ---- */

const person = z.object({ id: z.uuid(), name: z.string() });

/** What anyone who may read the case sees of a session: that it happened, not what was said. */
export const sessionMetadataSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  counselor: person,
  sessionDate: z.string(),
  durationMinutes: z.number(),
  modality: z.enum(SESSION_MODALITIES),
  /** From the appointment when there is one; a note without one records a session that took place. */
  attendance: z.enum(["attended", "no_show", "scheduled"]),
  status: z.enum(NOTE_STATUSES),
  signedAt: z.date().nullable(),
});
export type SessionMetadata = z.output<typeof sessionMetadataSchema>;

export const screeningResultSchema = z.object({
  id: z.uuid(),
  instrumentCode: z.string(),
  instrumentVersion: z.number(),
  answers: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  band: z.string().nullable(),
  positive: z.boolean(),
  criticalItems: z.array(z.string()),
  complete: z.boolean(),
});
export type ScreeningResult = z.output<typeof screeningResultSchema>;

export const addendumSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  author: person,
  signedAt: z.date(),
});
export type Addendum = z.output<typeof addendumSchema>;

/** The whole note: only for counselors on the case and supervisors of its team. */
export const sessionNoteSchema = sessionMetadataSchema.extend({
  version: z.number(),
  format: z.enum(NOTE_FORMATS),
  sections: z.record(z.string(), z.string()),
  goalKeys: z.array(z.string()),
  interventions: z.array(z.enum(COUNSELING_INTERVENTIONS)),
  nextStep: z.string().nullable(),
  riskCheck: z.object({
    answers: z.partialRecord(z.enum(RISK_CHECK_ITEMS), z.boolean().nullable()),
    otherDetail: z.string().nullable(),
  }),
  screenings: z.array(screeningResultSchema),
  addenda: z.array(addendumSchema),
  signedBy: person.nullable(),
  /** May the reader change this draft (its author, while it is a draft)? */
  editable: z.boolean(),
  updatedAt: z.date(),
  /** Today in the agency's zone: the latest session date the server accepts (the device's own date may differ). */
  agencyToday: z.string(),
});
export type SessionNote = z.output<typeof sessionNoteSchema>;

export const caseSessionsSchema = z.object({
  /** Whether the reader may open note bodies and see screening totals. */
  clinical: z.boolean(),
  /** Whether the reader may log a session on this case (a counselor on its care team). */
  canLog: z.boolean(),
  sessions: z.array(sessionMetadataSchema),
});
export type CaseSessions = z.output<typeof caseSessionsSchema>;

/** Totals over time, per instrument (no answers): for the case's chart. */
export const screeningHistorySchema = z.array(
  z.object({
    instrumentCode: z.string(),
    points: z.array(
      z.object({ noteId: z.uuid(), sessionDate: z.string(), total: z.number(), band: z.string().nullable(), positive: z.boolean() }),
    ),
  }),
);

export const riskFlagSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  alias: z.string(),
  noteId: z.uuid().nullable(),
  kinds: z.array(z.enum(RISK_FLAG_KINDS)),
  raisedBy: person,
  raisedAt: z.date(),
  acknowledgedBy: person.nullable(),
  acknowledgedAt: z.date().nullable(),
  actionTaken: z.string().nullable(),
  version: z.number(),
});
export type RiskFlag = z.output<typeof riskFlagSchema>;

/** The supervisor's queue, for the teams they supervise. */
export const supervisionQueueSchema = z.object({
  unsignedNotes: z.array(sessionMetadataSchema.extend({ caseNumber: z.string(), alias: z.string(), createdAt: z.date() })),
  openFlags: z.array(riskFlagSchema),
  positiveScreens: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      caseNumber: z.string(),
      alias: z.string(),
      noteId: z.uuid(),
      counselor: person,
      sessionDate: z.string(),
      instrumentCode: z.string(),
      total: z.number().nullable(),
      band: z.string().nullable(),
      criticalItems: z.array(z.string()),
    }),
  ),
});
export type SupervisionQueue = z.output<typeof supervisionQueueSchema>;

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["risk_flag"]),
  caseId: z.uuid(),
  caseNumber: z.string(),
  alias: z.string(),
  flagId: z.uuid().nullable(),
  kinds: z.array(z.enum(RISK_FLAG_KINDS)),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type AppNotification = z.output<typeof notificationSchema>;
