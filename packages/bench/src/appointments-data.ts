/**
 * Appointments for one generated case: about 20 over three years of the case's life (fewer for a
 * younger case), mostly past and attended, some missed or cancelled, a few left without an
 * outcome, and for open cases a few scheduled in the coming weeks.
 *
 * The database refuses two overlapping scheduled appointments of one staff member, so every
 * appointment takes one whole hour from its staff member's diary: a wanted hour in the working
 * day (08:00–16:00 in Jakarta and Hanoi, UTC+7), or the next free hour after it.
 */
import type { Faker } from "@faker-js/faker";
import type { appointments } from "@lentera/db";
import type { AppointmentKind, AppointmentStatus } from "@lentera/domain";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PER_THREE_YEARS = 20;
/** 08:00 at UTC+7. */
const WORKDAY_START_UTC_HOUR = 1;
const WORKDAY_HOURS = 8;

export type AppointmentRow = typeof appointments.$inferInsert;

/** The hours each staff member of one agency is already booked for. */
export class StaffDiary {
  readonly #taken = new Map<string, Set<number>>();

  /** The first free whole hour of `staffId` at or after `wanted`, now taken. */
  claim(staffId: string, wanted: Date): Date {
    let hours = this.#taken.get(staffId);
    if (!hours) {
      hours = new Set();
      this.#taken.set(staffId, hours);
    }
    let hour = Math.floor(wanted.getTime() / HOUR);
    while (hours.has(hour)) hour++;
    hours.add(hour);
    return new Date(hour * HOUR);
  }
}

export interface AppointmentCase {
  agencyId: string;
  caseId: string;
  workerId: string;
  counselorId: string | null;
  openedAt: Date;
  /** Closure, or null while the case is open. */
  closedAt: Date | null;
  now: Date;
}

const KIND_WEIGHTS: readonly (readonly [AppointmentKind, number])[] = [
  ["counseling", 40],
  ["home_visit", 15],
  ["medical", 10],
  ["psychiatric", 5],
  ["legal_aid", 7],
  ["court", 4],
  ["police", 4],
  ["school", 7],
  ["family_meeting", 6],
  ["other", 2],
];
const PAST_STATUSES: readonly (readonly [AppointmentStatus, number])[] = [
  ["attended", 74],
  ["no_show", 13],
  ["cancelled", 10],
  ["scheduled", 3],
];
const CANCEL_REASONS = ["Client unwell", "Family travelling", "School exam", "Staff on leave", "Transport not available"];

/** A wanted start: a working hour on the day of `day`. */
function workingHour(local: Faker, day: number): Date {
  const midnight = Math.floor(day / DAY) * DAY;
  return new Date(midnight + (WORKDAY_START_UTC_HOUR + local.number.int({ min: 0, max: WORKDAY_HOURS - 1 })) * HOUR);
}

export function appointmentRowsFor(local: Faker, diary: StaffDiary, input: AppointmentCase, into: AppointmentRow[]): void {
  const until = input.closedAt ?? input.now;
  const life = until.getTime() - input.openedAt.getTime();
  const pastCount = Math.max(1, Math.round((PER_THREE_YEARS * life) / (3 * 365 * DAY)));
  const futureCount = input.closedAt ? 0 : local.number.int({ min: 1, max: 3 });
  const wanted: { day: number; future: boolean }[] = [];
  for (let n = 0; n < pastCount; n++) wanted.push({ day: input.openedAt.getTime() + ((n + 0.5) * life) / pastCount, future: false });
  for (let n = 0; n < futureCount; n++) wanted.push({ day: input.now.getTime() + local.number.int({ min: 1, max: 28 }) * DAY, future: true });

  for (const { day, future } of wanted) {
    const kind = local.helpers.weightedArrayElement(KIND_WEIGHTS.map(([value, weight]) => ({ value, weight })));
    const staffUserId = (kind === "counseling" || kind === "psychiatric") && input.counselorId ? input.counselorId : input.workerId;
    const startsAt = diary.claim(staffUserId, workingHour(local, day));
    const endsAt = new Date(startsAt.getTime() + HOUR);
    // A wanted past hour can slide past now when the diary is full; it is then still to come.
    const upcoming = future || endsAt > input.now;
    const status: AppointmentStatus = upcoming ? "scheduled" : local.helpers.weightedArrayElement(PAST_STATUSES.map(([value, weight]) => ({ value, weight })));
    const bookedAt = new Date(Math.max(input.openedAt.getTime(), startsAt.getTime() - local.number.int({ min: 1, max: 14 }) * DAY));
    const recorded = status === "attended" || status === "no_show";
    into.push({
      agencyId: input.agencyId,
      caseId: input.caseId,
      staffUserId,
      kind,
      mode: local.helpers.weightedArrayElement([
        { value: "in_person" as const, weight: 80 },
        { value: "phone" as const, weight: 10 },
        { value: "video" as const, weight: 10 },
      ]),
      startsAt,
      endsAt,
      place: kind === "home_visit" ? null : local.datatype.boolean(0.5) ? `Room ${local.number.int({ min: 1, max: 6 })}` : null,
      status,
      cancelReason: status === "cancelled" ? local.helpers.arrayElement(CANCEL_REASONS) : null,
      outcomeRecordedAt: recorded ? endsAt : null,
      outcomeRecordedBy: recorded ? staffUserId : null,
      createdBy: input.workerId,
      createdAt: bookedAt,
      updatedAt: recorded ? endsAt : bookedAt,
    });
  }
}
