/**
 * Counseling session notes for one generated case, as the counselor on its care team writes them
 * (a case without a counselor has none): about eleven a year up to MAX_NOTES, which makes about ten
 * per case (fewer for a younger case, none before it opened), one for each attended counseling
 * appointment the counselor held and the rest logged without an appointment. Mostly DAP, then
 * SOAP, BIRP and free text, each section a generated sentence or two (not clinical content). All
 * signed, except that about one open case in ten has its latest note still a draft. A risk check on every note (about 3% with a "yes", which raises a flag that a
 * supervisor has acknowledged in about 70% of cases), a PHQ-A on about 30% of notes and a CRIES-8
 * on about 15%, scored with the domain's own scoring, and a dated addendum on about 2% of signed
 * notes. Bodies, answers and addenda are sealed like the API seals them.
 *
 * A screening result cannot be written for a signed note (trigger in migration 0006), so a signed
 * note with screenings is written as a draft, its screenings after it, and then signed by an UPDATE
 * (see `signAfterScreening`).
 */
import type { Faker } from "@faker-js/faker";
import { sealAddendum, sealAnswers, sealNoteBody, type Keyring, type NoteBody } from "@lentera/api";
import type { notifications, riskFlags, screeningResults, sessionNoteAddenda, sessionNotes } from "@lentera/db";
import {
  COUNSELING_INTERVENTIONS,
  NOTE_SECTIONS,
  RISK_CHECK_ITEMS,
  findScreeningInstrument,
  scoreScreening,
  type NoteFormat,
  type PlanDomain,
  type RiskCheckItem,
  type RiskFlagKind,
  type ScreeningDefinition,
  type SessionModality,
} from "@lentera/domain";
import type { AppointmentRow } from "./appointments-data";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const NOTES_PER_YEAR = 11;
const MAX_NOTES = 13;
/** 08:00 at UTC+7, as in appointments-data.ts. */
const WORKDAY_START_UTC_HOUR = 1;
const WORKDAY_HOURS = 8;

export type NoteRow = typeof sessionNotes.$inferInsert;
export type ScreeningRow = typeof screeningResults.$inferInsert;
export type RiskFlagRow = typeof riskFlags.$inferInsert;
export type NotificationRow = typeof notifications.$inferInsert;
export type AddendumRow = typeof sessionNoteAddenda.$inferInsert;

export interface SessionRows {
  notes: NoteRow[];
  /**
   * Notes written as drafts only so that their screening results can be inserted: sign them (set
   * status 'signed', signed_by = counselor_id, signed_at = updated_at) once the results are in.
   * Their `updatedAt` holds the signing time.
   */
  signAfterScreening: string[];
  screenings: ScreeningRow[];
  flags: RiskFlagRow[];
  notifications: NotificationRow[];
  addenda: AddendumRow[];
}

export const emptySessionRows = (): SessionRows => ({ notes: [], signAfterScreening: [], screenings: [], flags: [], notifications: [], addenda: [] });

export interface SessionCase {
  agencyId: string;
  caseId: string;
  workerId: string;
  supervisorId: string;
  counselorId: string | null;
  openedAt: Date;
  /** Closure, or null while the case is open. */
  closedAt: Date | null;
  now: Date;
  /**
   * This case's appointment rows, not yet inserted: each attended counseling appointment held by
   * the counselor is given an id here (if it has none) and its note links to it.
   */
  appointments: AppointmentRow[];
  /** Plan goals a note may address, each from the day its plan version was drafted. */
  goals: readonly { key: string; domain: PlanDomain; from: Date }[];
}

const FORMAT_WEIGHTS: readonly (readonly [NoteFormat, number])[] = [
  ["dap", 45],
  ["soap", 25],
  ["birp", 20],
  ["free", 10],
];
const MODALITY_WEIGHTS: readonly (readonly [SessionModality, number])[] = [
  ["in_person", 65],
  ["phone", 15],
  ["video", 12],
  ["chat", 8],
];
const RISK_WEIGHTS: readonly (readonly [RiskCheckItem, number])[] = [
  ["self_harm", 25],
  ["suicidal_thoughts", 15],
  ["exploiter_contact", 30],
  ["unsafe_home", 20],
  ["other", 10],
];
const ACTIONS_TAKEN = [
  "Safety plan reviewed with the client",
  "Guardian informed, home visit arranged",
  "Referred for psychiatric assessment",
  "Online accounts secured with the client",
  "Reported to the police liaison",
  "Daily check-in calls agreed",
];
const NEXT_STEPS = ["Continue weekly sessions", "Review the safety plan next session", "Meet with the guardian", "Practise grounding at home", null];

/** The day in the agencies' time zone (Asia/Jakarta, the default, and Hanoi: both UTC+7), as the API dates a session. */
const localDay = (date: Date) => new Date(date.getTime() + 7 * HOUR).toISOString().slice(0, 10);
const minDate = (a: Date, b: Date) => (a < b ? a : b);
const pick = <T>(local: Faker, weights: readonly (readonly [T, number])[]) =>
  local.helpers.weightedArrayElement(weights.map(([value, weight]) => ({ value, weight })));

/** A shipped screening definition, at its latest version. */
function instrument(code: string): ScreeningDefinition {
  const found = findScreeningInstrument(code);
  if (!found) throw new Error(`screening instrument "${code}" is not defined in @lentera/domain`);
  return found;
}

/**
 * Answers for one screening: each item's option drawn around `severity` (0 none … 1 most severe).
 * A critical item (PHQ-A item 9) is answered at its critical level in about 3% of screenings only,
 * so that critical answers stay rare, as they are.
 */
function screeningAnswers(local: Faker, definition: ScreeningDefinition, severity: number): Record<string, number> {
  const values = definition.options.map((option) => option.value);
  const draw = (choices: number[]) => {
    let index = 0;
    for (let step = 1; step < choices.length; step++) if (local.number.float({ min: 0, max: 1 }) < severity) index++;
    return choices[index] ?? choices[0] ?? 0;
  };
  return Object.fromEntries(
    definition.items.map((item) => {
      const threshold = item.criticalAtOrAbove;
      if (threshold === undefined) return [item.id, draw(values)];
      const critical = local.datatype.boolean(0.03);
      const allowed = values.filter((value) => (critical ? value >= threshold : value < threshold));
      return [item.id, allowed.length > 0 ? (critical ? (allowed[0] ?? 0) : draw(allowed)) : draw(values)];
    }),
  );
}

/** A wanted start on the day of `day`: a working hour. */
function workingHour(local: Faker, day: number): Date {
  return new Date(Math.floor(day / DAY) * DAY + (WORKDAY_START_UTC_HOUR + local.number.int({ min: 0, max: WORKDAY_HOURS - 1 })) * HOUR);
}

interface PlannedSession {
  startsAt: Date;
  minutes: number;
  modality: SessionModality;
  appointmentId: string | null;
}

export function sessionRowsFor(local: Faker, keyring: Keyring, input: SessionCase, into: SessionRows): void {
  const { agencyId, caseId, counselorId, now } = input;
  if (!counselorId) return;
  const until = input.closedAt ?? now;
  const life = until.getTime() - input.openedAt.getTime();
  if (life <= 0) return;

  // One note per attended counseling appointment the counselor held.
  const planned: PlannedSession[] = [];
  for (const appointment of input.appointments) {
    if (appointment.kind !== "counseling" || appointment.status !== "attended" || appointment.staffUserId !== counselorId) continue;
    appointment.id ??= local.string.uuid();
    const startsAt = new Date(appointment.startsAt);
    planned.push({
      startsAt,
      minutes: Math.round((new Date(appointment.endsAt).getTime() - startsAt.getTime()) / MINUTE),
      modality: appointment.mode ?? "in_person",
      appointmentId: appointment.id,
    });
  }
  // The rest logged without an appointment, spread over the case's life.
  const target = Math.min(MAX_NOTES, Math.round((NOTES_PER_YEAR * life) / YEAR));
  const extra = Math.max(0, target - planned.length);
  for (let n = 0; n < extra; n++) {
    const minutes = local.helpers.arrayElement([30, 45, 45, 60, 60, 60, 90]);
    let startsAt = workingHour(local, input.openedAt.getTime() + ((n + local.number.float({ min: 0, max: 1 })) * life) / extra);
    if (startsAt < input.openedAt) startsAt = new Date(input.openedAt.getTime() + HOUR);
    if (startsAt.getTime() + minutes * MINUTE > until.getTime()) startsAt = new Date(until.getTime() - (minutes + 5) * MINUTE);
    planned.push({ startsAt, minutes, modality: pick(local, MODALITY_WEIGHTS), appointmentId: null });
  }
  if (planned.length === 0) return;
  planned.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  // The latest note of about one open case in ten is still a draft; one logged without an
  // appointment is then a recent one (a few days old at most).
  const lastIsDraft = !input.closedAt && local.datatype.boolean(0.1);
  const last = planned.at(-1);
  if (lastIsDraft && last && !last.appointmentId) {
    const recent = workingHour(local, now.getTime() - local.number.int({ min: 0, max: 5 }) * DAY);
    const latest = now.getTime() - (last.minutes + 5) * MINUTE;
    const previous = planned.at(-2);
    const earliest = previous ? previous.startsAt.getTime() + previous.minutes * MINUTE : input.openedAt.getTime() + HOUR;
    last.startsAt = new Date(Math.max(earliest, Math.min(recent.getTime(), latest)));
  }

  const preferred = pick(local, FORMAT_WEIGHTS);
  const baseSeverity = local.number.float({ min: 0.1, max: 0.55 });
  const phq = instrument("phq-a");
  const cries = instrument("cries-8");
  planned.forEach((session, index) => {
    const noteId = local.string.uuid();
    const draft = lastIsDraft && index === planned.length - 1;
    const endsAt = new Date(session.startsAt.getTime() + session.minutes * MINUTE);
    const createdAt = minDate(new Date(endsAt.getTime() + local.number.int({ min: 0, max: 90 }) * MINUTE), new Date(now.getTime() - MINUTE));
    const signedAt = draft
      ? null
      : minDate(
          new Date(createdAt.getTime() + pick(local, [[local.number.int({ min: 5, max: 240 }), 70], [local.number.int({ min: 1, max: 2 }) * 24 * 60, 25], [local.number.int({ min: 3, max: 10 }) * 24 * 60, 5]] as const) * MINUTE),
          now,
        );
    const updatedAt = signedAt ?? minDate(new Date(createdAt.getTime() + local.number.int({ min: 1, max: 60 }) * MINUTE), now);
    const format = local.datatype.boolean(0.85) ? preferred : pick(local, FORMAT_WEIGHTS);

    // The risk check: every item answered on a signed note; a draft may still have gaps.
    const yes = local.datatype.boolean(0.03) ? new Set([pick(local, RISK_WEIGHTS), ...(local.datatype.boolean(0.2) ? [pick(local, RISK_WEIGHTS)] : [])]) : new Set<RiskCheckItem>();
    const answers: NoteBody["riskCheck"]["answers"] = {};
    for (const item of RISK_CHECK_ITEMS) answers[item] = draft && !yes.has(item) && local.datatype.boolean(0.3) ? null : yes.has(item);
    const sections = Object.fromEntries(
      NOTE_SECTIONS[format]
        .filter((_, position) => !draft || position === 0 || local.datatype.boolean(0.7))
        .map((section) => [section, local.lorem.sentences({ min: 1, max: 2 })]),
    );
    const goalKeys = local.datatype.boolean(0.6)
      ? local.helpers.arrayElements(
          [...new Set(input.goals.filter((goal) => goal.from <= session.startsAt).sort((a, b) => Number(b.domain === "psychological") - Number(a.domain === "psychological")).slice(0, 3).map((goal) => goal.key))],
          { min: 0, max: 2 },
        )
      : [];
    const body: NoteBody = {
      sections,
      goalKeys,
      interventions: local.helpers.arrayElements(COUNSELING_INTERVENTIONS, { min: draft ? 0 : 1, max: 3 }),
      nextStep: local.helpers.arrayElement(NEXT_STEPS),
      riskCheck: { answers, otherDetail: yes.has("other") ? local.lorem.sentence() : null },
    };

    // Screenings: symptoms ease over the case's life.
    const severity = baseSeverity * (1 - (0.6 * (session.startsAt.getTime() - input.openedAt.getTime())) / (3 * YEAR));
    const given = [...(local.datatype.boolean(0.3) ? [phq] : []), ...(local.datatype.boolean(0.15) ? [cries] : [])];
    const critical: string[] = [];
    for (const definition of given) {
      const id = local.string.uuid();
      const itemAnswers = screeningAnswers(local, definition, severity);
      const score = scoreScreening(definition, itemAnswers);
      critical.push(...score.criticalItems);
      into.screenings.push({
        id,
        agencyId,
        caseId,
        noteId,
        instrumentCode: definition.code,
        instrumentVersion: definition.version,
        sessionDate: localDay(session.startsAt),
        answers: sealAnswers(keyring, id, itemAnswers),
        total: score.total,
        band: score.band,
        positive: score.positive,
        criticalItems: score.criticalItems,
        complete: score.complete,
        createdAt,
      });
    }

    // Signed notes with screenings go in as drafts and are signed after their screenings.
    const signLater = signedAt !== null && given.length > 0;
    if (signLater) into.signAfterScreening.push(noteId);
    const signedNow = signedAt !== null && !signLater;
    const saves = local.number.int({ min: 1, max: 6 });
    into.notes.push({
      id: noteId,
      agencyId,
      caseId,
      appointmentId: session.appointmentId,
      counselorId,
      sessionDate: localDay(session.startsAt),
      durationMinutes: session.minutes,
      modality: session.modality,
      format,
      body: sealNoteBody(keyring, noteId, body),
      status: signedNow ? "signed" : "draft",
      signedBy: signedNow ? counselorId : null,
      signedAt: signedNow ? signedAt : null,
      createdAt,
      updatedAt,
      // Saved a few times as the counselor typed; signing counts as one more.
      version: signedNow ? saves + 1 : saves,
    });

    // A "yes" or a critical screening item raises a flag, notified to the social worker and the supervisor.
    const kinds: RiskFlagKind[] = [...yes, ...(critical.length > 0 ? (["critical_screening_item"] as const) : [])];
    if (kinds.length > 0) {
      const flagId = local.string.uuid();
      const raisedAt = updatedAt;
      const acknowledgedAt = local.datatype.boolean(0.7) ? minDate(new Date(raisedAt.getTime() + local.number.int({ min: 10, max: 3 * 24 * 60 }) * MINUTE), now) : null;
      into.flags.push({
        id: flagId,
        agencyId,
        caseId,
        noteId,
        kinds,
        raisedBy: counselorId,
        raisedAt,
        acknowledgedBy: acknowledgedAt ? input.supervisorId : null,
        acknowledgedAt,
        actionTaken: acknowledgedAt ? local.helpers.arrayElement(ACTIONS_TAKEN) : null,
        version: acknowledgedAt ? 1 : 0,
      });
      for (const userId of new Set([input.workerId, input.supervisorId])) {
        const read = acknowledgedAt !== null || local.datatype.boolean(0.5);
        into.notifications.push({
          agencyId,
          userId,
          kind: "risk_flag",
          caseId,
          flagId,
          createdAt: raisedAt,
          readAt: read ? minDate(new Date(raisedAt.getTime() + local.number.int({ min: 1, max: 24 * 60 }) * MINUTE), now) : null,
        });
      }
    }

    // A dated correction now and then.
    if (signedAt && local.datatype.boolean(0.02)) {
      const addendumAt = new Date(signedAt.getTime() + local.number.int({ min: 1, max: 30 }) * DAY);
      if (addendumAt <= now) {
        const id = local.string.uuid();
        into.addenda.push({ id, agencyId, caseId, noteId, body: sealAddendum(keyring, id, local.lorem.sentence()), authorId: counselorId, signedAt: addendumAt });
      }
    }
  });
}
