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

/** What a sign-in says about the session it opened: signed in, waiting for a code, or sent to enrolment. */
export type SignInStage = SessionStage;

/** A 6-digit TOTP code; spaces (as some apps show "123 456") are ignored. */
export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "validation.totpCode" }));

/**
 * A code at the second step of sign-in, or where a current code is asked for: a TOTP code or a
 * one-time recovery code (checked on the server; the form only needs it not to be empty).
 */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(1, { error: "validation.required" })
  .max(64, { error: "validation.tooLong" });

export const verifySecondFactorInput = z.object({ code: secondFactorCodeSchema });
export const confirmTwoFactorInput = z.object({ code: totpCodeSchema });
/** Regenerating recovery codes or turning two-factor off asks for a current code. */
export const currentCodeInput = z.object({ code: secondFactorCodeSchema });
export const sessionIdInput = z.object({ sessionId: z.uuid() });
export const endUserSessionsInput = z.object({ userId: z.uuid() });

/** How many one-time recovery codes an enrolment gives. */
export const RECOVERY_CODE_COUNT = 10;

/** Supervisors and administrators must sign in with a second factor when their agency says so. */
export function mustUseTwoFactor(roles: readonly string[], agencyRequires: boolean): boolean {
  return agencyRequires && (roles.includes("supervisor") || roles.includes("admin"));
}
