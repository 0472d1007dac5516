import { addDays, utcDate } from "../dates";

/**
 * Calendar arithmetic in an IANA time zone with nothing but Intl. Instants are stored; a zone turns
 * them into the local days and clock times people plan by.
 */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `zone` at `instant`, as if it were UTC (epoch milliseconds). */
function wallClockMs(instant: Date, zone: string): number {
  const parts = Object.fromEntries(partsFormatter(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  const field = (name: string) => Number(parts[name]);
  return Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"), field("second"));
}

/** How far `zone` is ahead of UTC at `instant`, in milliseconds. */
export function zoneOffsetMs(instant: Date, zone: string): number {
  return wallClockMs(instant, zone) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The calendar date (YYYY-MM-DD) in `zone` at `instant`. */
export function localDate(instant: Date, zone: string): string {
  return utcDate(new Date(wallClockMs(instant, zone)));
}

/** The instant a local calendar date begins in `zone` (midnight there). */
export function startOfLocalDay(isoDate: string, zone: string): Date {
  const midnightAsUtc = Date.parse(`${isoDate}T00:00:00Z`);
  // Twice: the offset at the guess can differ from the offset at the answer around a DST change.
  let instant = midnightAsUtc - zoneOffsetMs(new Date(midnightAsUtc), zone);
  instant = midnightAsUtc - zoneOffsetMs(new Date(instant), zone);
  return new Date(instant);
}

/** The next local calendar day in `zone` as an instant range [start, end). */
export function tomorrowIn(now: Date, zone: string): { from: Date; to: Date } {
  const today = localDate(now, zone);
  const tomorrow = addDays(today, 1);
  return { from: startOfLocalDay(tomorrow, zone), to: startOfLocalDay(addDays(tomorrow, 1), zone) };
}

/**
 * An instant as a viewer reads it: date and time in the viewer's zone and language, with the zone
 * named when it is not the agency's (a worker travelling, or a partner in another province).
 */
export function formatInZone(instant: Date, zone: string, locale: string, agencyZone: string = zone): string {
  const formatter = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    dateStyle: "medium",
    timeStyle: "short",
  });
  const text = formatter.format(instant);
  return zone === agencyZone ? text : `${text} (${zone})`;
}
