import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from "@lentera/domain";

type Translate = (key: string, values?: Record<string, string>) => string;

export interface TimelineFormat {
  t: Translate;
  /** A calendar date (YYYY-MM-DD) in words. */
  date: (value: string) => string;
  /** An instant with its time of day. */
  dateTime: (value: Date) => string;
  /** A milestone's name in the reader's language. */
  milestone: (naming: { catalogKey: string | null; customTitle: string | null }) => string;
}

/** "Home visit" inside a sentence: "Appointment (home visit) attended". */
function lower(text: string): string {
  return text.toLocaleLowerCase();
}

/**
 * What happened, in the reader's words: "Plan version 2 approved", "Appointment (counseling)
 * attended", "Session, 50 min, attended, counselor Budi", "Milestone Enrolled in school: achieved".
 * Facts only: the timeline never carries notes, reasons or clinical content.
 */
export function entryWords(entry: TimelineEntry, f: TimelineFormat): string {
  const { t } = f;
  const key = `timeline.action.${entry.action}`;
  switch (entry.action) {
    case "case_opened":
      return t(key, { caseNumber: entry.facts.caseNumber, source: lower(t(`cases.referral.${entry.facts.referralSource}`)) });
    case "status_changed":
      return entry.facts.from === null
        ? t(`${key}Initial`, { to: lower(t(`cases.status.${entry.facts.to}`)) })
        : t(key, { from: lower(t(`cases.status.${entry.facts.from}`)), to: lower(t(`cases.status.${entry.facts.to}`)) });
    case "case_reopened":
      return t(key);
    case "closure_requested":
    case "closure_approved":
    case "closure_returned":
      return t(key, { reason: lower(t(`cases.closureReason.${entry.facts.reason}`)) });
    case "consent_recorded":
      return t(entry.facts.expiresOn ? `${key}Expiring` : key, {
        scope: lower(t(`cases.consentScope.${entry.facts.scope}`)),
        giver: lower(t(`cases.consentGiver.${entry.facts.givenBy}`)),
        date: f.date(entry.facts.givenOn),
        expires: entry.facts.expiresOn ? f.date(entry.facts.expiresOn) : "",
      });
    case "consent_withdrawn":
      return t(key, { scope: lower(t(`cases.consentScope.${entry.facts.scope}`)), date: f.date(entry.facts.withdrawnOn) });
    case "assessment_completed":
      return t(key, {
        instrument: entry.facts.instrumentCode,
        timepoint: lower(t(`outcomes.timepoint.${entry.facts.timepoint}`)),
        date: f.date(entry.facts.assessedOn),
      });
    case "plan_submitted":
    case "plan_approved":
    case "plan_returned":
      return t(key, { number: String(entry.facts.number) });
    case "appointment_booked":
    case "appointment_cancelled":
      return t(key, { kind: lower(t(`appointments.kind.${entry.facts.appointmentKind}`)), time: f.dateTime(entry.facts.startsAt), staff: entry.facts.staff.name });
    case "appointment_outcome":
      return t(`${key}.${entry.facts.outcome}`, { kind: lower(t(`appointments.kind.${entry.facts.appointmentKind}`)), staff: entry.facts.staff.name });
    case "appointment_rescheduled":
      return t(entry.facts.rescheduledTo ? `${key}To` : key, {
        kind: lower(t(`appointments.kind.${entry.facts.appointmentKind}`)),
        time: f.dateTime(entry.facts.startsAt),
        to: entry.facts.rescheduledTo ? f.dateTime(entry.facts.rescheduledTo.startsAt) : "",
      });
    case "session_held":
      return t(key, {
        minutes: String(entry.facts.durationMinutes),
        attendance: lower(t(`sessions.attendance.${entry.facts.attendance}`)),
        counselor: entry.facts.counselor.name,
        modality: lower(t(`sessions.modality.${entry.facts.modality}`)),
        note: t(`timeline.noteStatus.${entry.facts.status}`),
      });
    case "milestone_status":
      return t(key, { milestone: f.milestone(entry.facts), status: lower(t(`milestones.status.${entry.facts.toStatus}`)) });
    case "milestone_verified":
    case "milestone_verification_rejected":
      return t(key, { milestone: f.milestone(entry.facts) });
    case "follow_up_recorded":
      return t(entry.facts.reopened ? `${key}Reopened` : key, {
        date: f.date(entry.facts.dueOn),
        outcome: lower(t(`followUps.outcome.${entry.facts.outcome}`)),
      });
  }
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** Entries (newest first) under their day, the days newest first; the order within a day is kept. */
export function groupByDay<E extends { at: Date }>(entries: readonly E[], timeZone: string): { day: string; entries: E[] }[] {
  const days: { day: string; entries: E[] }[] = [];
  for (const entry of entries) {
    const day = dayOf(entry.at, timeZone);
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}

/** The kinds chosen in the address (`?kinds=plan,milestone`); all when absent. Unknown words are dropped. */
export function readKinds(param: string | null): TimelineKind[] {
  if (param === null) return [...TIMELINE_KINDS];
  const chosen = new Set(param.split(","));
  return TIMELINE_KINDS.filter((kind) => chosen.has(kind));
}

/** The address's value for a choice of kinds: none when all are chosen. */
export function kindsParam(kinds: readonly TimelineKind[]): string | null {
  return kinds.length === TIMELINE_KINDS.length ? null : kinds.join(",");
}
