/**
 * Calendar-day rules shared by the web and the API. Until agencies carry a time zone, the server
 * cannot know the user's calendar day, so "not in the future" is judged against the latest
 * calendar day anywhere on earth (UTC+14): a user in Jakarta at 06:00 can date a review today.
 */
const LATEST_UTC_OFFSET_MS = 14 * 60 * 60 * 1000;

/** The UTC calendar date (`YYYY-MM-DD`) of an instant. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus whole days, in UTC (dates here are calendar dates, not instants). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDate(date);
}

/** The latest calendar date (YYYY-MM-DD) that is "today" somewhere at the instant `now`. */
export function latestTodayAnywhere(now: Date): string {
  return utcDate(new Date(now.getTime() + LATEST_UTC_OFFSET_MS));
}

/** True when a calendar date is after today everywhere on earth. */
export function isFutureDate(isoDate: string, now: Date): boolean {
  return isoDate > latestTodayAnywhere(now);
}
