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

/**
 * How far a session has got: `complete` reaches the API; `second_factor` has passed the password
 * and waits for a TOTP or recovery code; `enrollment` belongs to a user who must set up two-factor
 * sign-in before anything else.
 */
export const SESSION_STAGES = ["complete", "second_factor", "enrollment"] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];
