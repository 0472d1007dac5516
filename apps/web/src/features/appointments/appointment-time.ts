import { formatInZone } from "@lentera/domain";

/**
 * Appointment times as the viewer reads them: in the browser's zone, with the zone named when it is
 * not the agency's. No i18n keys and nothing heavy here: Home (the first screen) uses it too.
 */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "25 Nov 2026, 10:00–11:00", plus " (Asia/Makassar)" when the viewer is not in the agency's zone. */
export function formatTimeRange(startsAt: Date, endsAt: Date, locale: string, agencyZone: string, zone: string = viewerTimeZone()): string {
  const start = formatInZone(startsAt, zone, locale, zone);
  const end = new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: "short" }).format(endsAt);
  const sameDay = new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short" });
  const endText = sameDay.format(startsAt) === sameDay.format(endsAt) ? end : formatInZone(endsAt, zone, locale, zone);
  return zone === agencyZone ? `${start}–${endText}` : `${start}–${endText} (${zone})`;
}

/** Whether the viewer's zone differs from the agency's (then the screens say which zone they use). */
export function zoneDiffers(agencyZone: string, zone: string = viewerTimeZone()): boolean {
  return zone !== agencyZone;
}

/** "YYYY-MM-DD" and "HH:MM" of an instant in the browser's zone (what date and time inputs hold). */
export function localInputs(instant: Date): { date: string; time: string } {
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    date: `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`,
    time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
  };
}

/** The instant of a local date and time in the browser's zone, or null when they do not make one. */
export function fromLocalInputs(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const instant = new Date(`${date}T${time}:00`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
