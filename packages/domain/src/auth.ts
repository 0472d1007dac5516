import { z } from "zod";
import { LOCALES, ROLES } from "./roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "validation.email" }));

/** Passwords are checked for length only (NIST 800-63B): long passphrases beat composition rules. */
export const newPasswordSchema = z
  .string()
  .min(12, { error: "validation.passwordTooShort" })
  .max(256, { error: "validation.passwordTooLong" });

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "validation.required" }).max(256),
});
export type SignInInput = z.infer<typeof signInInput>;

export const localeSchema = z.enum(LOCALES);
export const roleSchema = z.enum(ROLES);

export const updatePreferencesInput = z.object({
  locale: localeSchema,
});
