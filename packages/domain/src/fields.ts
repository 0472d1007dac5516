import { z } from "zod";

/** Field schemas every input shares; their messages are i18n keys (validation.*). */
export const text = (max: number) =>
  z.string().trim().min(1, { error: "validation.required" }).max(max, { error: "validation.tooLong" });

/** Optional free text: blank becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

/**
 * The years Lentera works with: every date a person enters (a birth date, a consent, an appointment,
 * a reporting period) falls inside them, and Postgres and the date arithmetic of the reports hold them.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;

/** Whether a year is one Lentera stores and computes with. */
export function isWorkableYear(year: number): boolean {
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

export const isoDate = z.iso
  .date({ error: "validation.date" })
  .refine((value) => isWorkableYear(Number(value.slice(0, 4))), { error: "validation.date" });

/** The version a client last saw, for optimistic concurrency. */
export const version = z.number().int().nonnegative();
