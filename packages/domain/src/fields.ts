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

export const isoDate = z.iso.date({ error: "validation.date" });

/** The version a client last saw, for optimistic concurrency. */
export const version = z.number().int().nonnegative();
