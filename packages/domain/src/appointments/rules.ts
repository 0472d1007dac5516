import { localDate } from "./time-zones";
import { MAX_SERIES_OCCURRENCES, SERIES_INTERVAL_DAYS, type AppointmentStatus, type SeriesFrequency } from "./vocabulary";

const DAY_MS = 86_400_000;

export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

export interface SeriesRule {
  frequency: SeriesFrequency;
  /** How many occurrences, the first included… */
  count?: number | undefined;
  /** …or the last local date (in the agency's zone) an occurrence may fall on. */
  until?: string | undefined;
}

/**
 * The occurrences of a recurring series, the first one included. Steps are whole weeks of
 * elapsed time: the agencies' zones (Indonesia, Vietnam) keep no daylight saving, so a session at
 * 09:00 stays at 09:00. Never more than MAX_SERIES_OCCURRENCES.
 */
export function seriesOccurrences(first: TimeSpan, rule: SeriesRule, zone: string): TimeSpan[] {
  const step = SERIES_INTERVAL_DAYS[rule.frequency] * DAY_MS;
  const limit = Math.min(rule.count ?? MAX_SERIES_OCCURRENCES, MAX_SERIES_OCCURRENCES);
  const spans: TimeSpan[] = [];
  for (let n = 0; n < limit; n++) {
    const startsAt = new Date(first.startsAt.getTime() + n * step);
    if (rule.until !== undefined && localDate(startsAt, zone) > rule.until) break;
    spans.push({ startsAt, endsAt: new Date(first.endsAt.getTime() + n * step) });
  }
  return spans;
}

/** Whether two half-open spans [start, end) share a moment; back-to-back ones do not. */
export function spansOverlap(a: TimeSpan, b: TimeSpan): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** An appointment can still change time, staff or place only while scheduled. */
export function isOpenAppointment(status: AppointmentStatus): boolean {
  return status === "scheduled";
}

/**
 * Why an outcome cannot be recorded now, or null. Only an appointment that has started can be
 * attended or missed; a recorded outcome can be corrected; cancelled and rescheduled ones are done.
 */
export function outcomeRefusal(appointment: { status: AppointmentStatus; startsAt: Date }, now: Date): string | null {
  if (appointment.status === "cancelled" || appointment.status === "rescheduled") return "appointment_closed";
  if (appointment.startsAt > now) return "appointment_in_future";
  return null;
}

/** A scheduled appointment whose end has passed is waiting for its outcome. */
export function isOverdueForOutcome(appointment: { status: AppointmentStatus; endsAt: Date }, now: Date): boolean {
  return appointment.status === "scheduled" && appointment.endsAt <= now;
}

/** The share of recorded outcomes that were no-shows; null before any outcome is known. */
export function noShowRate(attended: number, noShow: number): number | null {
  const total = attended + noShow;
  return total === 0 ? null : noShow / total;
}
