import { z } from "zod";
import { APPOINTMENT_KINDS, APPOINTMENT_MODES, MAX_SERIES_OCCURRENCES, SERIES_FREQUENCIES, type BookAppointmentInput, type BookSeriesInput } from "@lentera/domain";
import { fromLocalInputs } from "./appointment-time";

/** Lengths offered in the forms, in minutes (the API allows up to a 12-hour court day). */
export const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 480, 720] as const;

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.date" });
const localTime = z.string().regex(/^\d{2}:\d{2}$/, { error: "validation.required" });
const duration = z.string().refine((value) => (DURATIONS as readonly number[]).includes(Number(value)), { error: "validation.required" });

/** When an appointment takes place, as the form holds it: a local date, a start time and a length. */
export const timeFormSchema = z.object({ date: localDate, time: localTime, duration });
export type TimeFormValues = z.infer<typeof timeFormSchema>;

/** The booking form: one appointment, or a weekly / fortnightly series ending after N times or on a date. */
export const bookFormSchema = timeFormSchema
  .extend({
    kind: z.enum(APPOINTMENT_KINDS, { error: "validation.required" }),
    staffUserId: z.string().min(1, { error: "validation.required" }),
    goalKeys: z.array(z.string()),
    mode: z.enum(APPOINTMENT_MODES),
    place: z.string().max(200, { error: "validation.tooLong" }),
    notes: z.string().max(1000, { error: "validation.tooLong" }),
    repeat: z.enum(["none", ...SERIES_FREQUENCIES]),
    repeatEnd: z.enum(["count", "until"]),
    count: z.string(),
    until: z.string(),
  })
  .superRefine((values, context) => {
    if (values.repeat === "none") return;
    if (values.repeatEnd === "count") {
      const count = Number(values.count);
      if (!Number.isInteger(count) || count < 2 || count > MAX_SERIES_OCCURRENCES) {
        context.addIssue({ code: "custom", path: ["count"], message: "validation.range" });
      }
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.until) || values.until <= values.date) {
      context.addIssue({ code: "custom", path: ["until"], message: "validation.untilAfterStart" });
    }
  });
export type BookFormValues = z.infer<typeof bookFormSchema>;

/** The start and end of the time a form describes, or null when it does not make one. */
export function spanOf(values: TimeFormValues): { startsAt: Date; endsAt: Date } | null {
  const startsAt = fromLocalInputs(values.date, values.time);
  if (!startsAt) return null;
  return { startsAt, endsAt: new Date(startsAt.getTime() + Number(values.duration) * 60_000) };
}

/** The duration option closest to an appointment's length (for a form that changes its time). */
export function nearestDuration(startsAt: Date, endsAt: Date): string {
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  const best = DURATIONS.reduce((a, b) => (Math.abs(b - minutes) < Math.abs(a - minutes) ? b : a));
  return String(best);
}

/** What the API is asked: one booking, or a series. */
export type BookRequest = { series: false; input: BookAppointmentInput } | { series: true; input: BookSeriesInput };

export function bookRequest(caseId: string, values: BookFormValues): BookRequest | null {
  const span = spanOf(values);
  if (!span) return null;
  const place = values.place.trim();
  const notes = values.notes.trim();
  const input: BookAppointmentInput = {
    caseId,
    staffUserId: values.staffUserId,
    kind: values.kind,
    mode: values.mode,
    ...span,
    goalKeys: values.goalKeys,
    ...(place ? { place } : {}),
    ...(notes ? { notes } : {}),
  };
  if (values.repeat === "none") return { series: false, input };
  const end = values.repeatEnd === "count" ? { count: Number(values.count) } : { until: values.until };
  return { series: true, input: { ...input, frequency: values.repeat, ...end } };
}
