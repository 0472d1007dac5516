/** The words of appointments (DOMAIN.md), as const tuples shared by the database, the API and the web. */
export const APPOINTMENT_KINDS = [
  "counseling",
  "medical",
  "psychiatric",
  "legal_aid",
  "court",
  "police",
  "home_visit",
  "school",
  "family_meeting",
  "other",
] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

export const APPOINTMENT_MODES = ["in_person", "phone", "video"] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/**
 * scheduled → attended | no_show (the outcome, once the start has passed) | cancelled (with a
 * reason) | rescheduled (linked to the scheduled appointment that replaces it). Only scheduled
 * appointments hold their staff member's time.
 */
export const APPOINTMENT_STATUSES = ["scheduled", "attended", "no_show", "cancelled", "rescheduled"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_OUTCOMES = ["attended", "no_show"] as const satisfies readonly AppointmentStatus[];
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];

export const SERIES_FREQUENCIES = ["weekly", "biweekly"] as const;
export type SeriesFrequency = (typeof SERIES_FREQUENCIES)[number];
export const SERIES_INTERVAL_DAYS: Record<SeriesFrequency, number> = { weekly: 7, biweekly: 14 };
export const MAX_SERIES_OCCURRENCES = 52;

/** The longest appointment (a court day); shorter than a week, so a series never overlaps itself. */
export const MAX_APPOINTMENT_MINUTES = 12 * 60;
/** The widest calendar range one request may read. */
export const MAX_CALENDAR_DAYS = 62;
/** What a personal calendar feed carries around today. */
export const FEED_DAYS_BACK = 60;
export const FEED_DAYS_AHEAD = 180;

/** The agency's zone when none was chosen. */
export const DEFAULT_TIME_ZONE = "Asia/Jakarta";
/** The zones the settings page offers first: Indonesia's three and Vietnam's. Any IANA zone is valid. */
export const SUGGESTED_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Ho_Chi_Minh"] as const;
