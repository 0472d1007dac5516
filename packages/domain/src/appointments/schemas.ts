import { z } from "zod";
import { isoDate, optionalText, text, version } from "../fields";
import { isValidTimeZone } from "./time-zones";
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_MODES,
  APPOINTMENT_OUTCOMES,
  MAX_APPOINTMENT_MINUTES,
  MAX_CALENDAR_DAYS,
  MAX_SERIES_OCCURRENCES,
  SERIES_FREQUENCIES,
} from "./vocabulary";

/** An IANA zone name the runtime knows (Asia/Jakarta, Asia/Makassar, Asia/Jayapura, Asia/Ho_Chi_Minh…). */
export const timeZone = z.string().trim().refine(isValidTimeZone, { error: "validation.timeZone" });

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A start and an end: the end after the start, and not longer than a working day. */
const spanRefinement = <T extends { startsAt?: Date | undefined; endsAt?: Date | undefined }>(span: T) =>
  !span.startsAt ||
  !span.endsAt ||
  (span.endsAt > span.startsAt && span.endsAt.getTime() - span.startsAt.getTime() <= MAX_APPOINTMENT_MINUTES * MINUTE_MS);
const spanError = { error: "validation.endBeforeStart", path: ["endsAt"] };

const appointmentFields = {
  staffUserId: z.uuid(),
  kind: z.enum(APPOINTMENT_KINDS),
  mode: z.enum(APPOINTMENT_MODES).default("in_person"),
  startsAt: z.date(),
  endsAt: z.date(),
  place: optionalText(200),
  /** Practical notes (bring the school report); never clinical content, which belongs in session notes. */
  notes: optionalText(1000),
  /** The plan goals (their stable keys) this appointment serves. */
  goalKeys: z.array(z.uuid()).max(20, { error: "validation.tooMany" }).default([]),
};

export const bookAppointmentInput = z.object({ caseId: z.uuid(), ...appointmentFields }).refine(spanRefinement, spanError);
export type BookAppointmentInput = z.input<typeof bookAppointmentInput>;

export const bookSeriesInput = z
  .object({
    caseId: z.uuid(),
    ...appointmentFields,
    frequency: z.enum(SERIES_FREQUENCIES),
    count: z.number().int().min(2, { error: "validation.range" }).max(MAX_SERIES_OCCURRENCES, { error: "validation.range" }).optional(),
    until: isoDate.optional(),
  })
  .refine(spanRefinement, spanError)
  .refine((input) => (input.count === undefined) !== (input.until === undefined), {
    error: "validation.countOrUntil",
    path: ["count"],
  });
export type BookSeriesInput = z.input<typeof bookSeriesInput>;

export const appointmentRef = z.object({ appointmentId: z.uuid(), version });

export const updateAppointmentInput = appointmentRef
  .extend({
    staffUserId: z.uuid().optional(),
    kind: z.enum(APPOINTMENT_KINDS).optional(),
    mode: z.enum(APPOINTMENT_MODES).optional(),
    startsAt: z.date().optional(),
    endsAt: z.date().optional(),
    place: optionalText(200),
    notes: optionalText(1000),
    goalKeys: z.array(z.uuid()).max(20, { error: "validation.tooMany" }).optional(),
  })
  .refine((input) => (input.startsAt === undefined) === (input.endsAt === undefined), { error: "validation.startAndEnd", path: ["endsAt"] })
  .refine(spanRefinement, spanError);
export type UpdateAppointmentInput = z.input<typeof updateAppointmentInput>;

/** "This and following": the occurrence's new time (the shift applies to the rest) and/or staff. */
export const updateSeriesInput = appointmentRef
  .extend({ staffUserId: z.uuid().optional(), startsAt: z.date().optional(), endsAt: z.date().optional() })
  .refine((input) => (input.startsAt === undefined) === (input.endsAt === undefined), { error: "validation.startAndEnd", path: ["endsAt"] })
  .refine((input) => input.startsAt !== undefined || input.staffUserId !== undefined, { error: "validation.required", path: ["startsAt"] })
  .refine(spanRefinement, spanError);
export type UpdateSeriesInput = z.input<typeof updateSeriesInput>;

export const cancelAppointmentInput = appointmentRef.extend({ reason: text(500) });

export const rescheduleAppointmentInput = appointmentRef
  .extend({ startsAt: z.date(), endsAt: z.date(), staffUserId: z.uuid().optional() })
  .refine(spanRefinement, spanError);
export type RescheduleAppointmentInput = z.input<typeof rescheduleAppointmentInput>;

export const recordOutcomeInput = appointmentRef.extend({ outcome: z.enum(APPOINTMENT_OUTCOMES) });

const rangeRefinement = (range: { from: Date; to: Date }) =>
  range.to > range.from && range.to.getTime() - range.from.getTime() <= MAX_CALENDAR_DAYS * DAY_MS;
const rangeError = { error: "validation.range", path: ["to"] };

/** A calendar: my own by default, another staff member's, or a supervisor's whole team. */
export const calendarInput = z
  .object({
    from: z.date(),
    to: z.date(),
    staffUserId: z.uuid().optional(),
    team: z.boolean().default(false),
    includeCancelled: z.boolean().default(false),
  })
  .refine(rangeRefinement, rangeError)
  .refine((input) => !(input.team && input.staffUserId), { error: "validation.teamOrStaff", path: ["team"] });
export type CalendarInput = z.input<typeof calendarInput>;

/** No-show rates of one case, or (for a supervisor) of the teams they supervise; over a range of starts. */
export const noShowRatesInput = z
  .object({ from: z.date(), to: z.date(), caseId: z.uuid().optional() })
  .refine((range) => range.to > range.from, rangeError);
