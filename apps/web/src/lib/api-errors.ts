import { isTRPCClientError } from "@trpc/client";
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from "@lentera/domain";
import type { AppRouter } from "@lentera/api";
import i18next from "i18next";
import type { CatalogPart } from "../i18n";

/**
 * Specific reasons the server puts in `error.message`, by the catalog part that holds their
 * `errors.<reason>` text: a feature's own reasons come with the part its pages load (keeping the
 * first screen small); reasons several features raise stay in common. A reason whose part is not
 * loaded falls back to its code's message (errorMessageKey).
 */
export const ERROR_REASON_PARTS = {
  common: ["invalid_characters", "date_out_of_range", "case_closed", "date_in_future", "unknown_goal", "supervisor_only", "unknown_instrument", "invalid_answers", "partner_name_taken", "instrument_code_reserved", "instrument_exists"],
  admin: ["email_taken", "team_name_taken", "unknown_team", "cannot_deactivate_self", "cannot_demote_self", "password_common"],
  security: ["invalid_code", "two_factor_required", "two_factor_enabled", "no_pending_enrolment", "two_factor_not_enabled", "current_session"],
  cases: [
    "address_country_mismatch",
    "illegal_transition",
    "no_pending_closure",
    "already_withdrawn",
    "withdrawal_before_given",
    "not_your_team",
    "no_team",
    "choose_team",
    "unsuitable_care_team_member",
    // plans and outcome assessments (on the case page)
    "plan_not_editable",
    "plan_has_no_goals",
    "at_risk_domains_without_goals",
    "plan_not_submitted",
    "self_approval",
    "plan_domain_disabled",
    "unknown_owner",
    "unknown_partner",
    "unknown_outcome_domain",
    "goal_not_in_force",
    "assessment_completed",
    "assessment_incomplete",
  ],
  appointments: [
    "appointment_clash",
    "appointment_not_scheduled",
    "appointment_in_future",
    "appointment_closed",
    "staff_not_bookable",
    "series_too_short",
    "not_in_series",
  ],
  sessions: [
    "clinical_only",
    "not_note_author",
    "note_signed",
    "note_not_signed",
    "unknown_section",
    "risk_check_incomplete",
    "risk_other_detail_required",
    "screening_incomplete",
    "note_empty",
    "not_your_appointment",
    "appointment_not_attended",
    "appointment_other_case",
    "note_exists_for_appointment",
    "flag_acknowledged",
    "screening_not_positive",
    "screening_reviewed",
    "not_case_counselor",
    "duplicate_instrument",
  ],
  milestones: [
    "milestone_key_taken",
    "unknown_milestone",
    "domain_mismatch",
    "domain_required",
    "not_custom",
    "status_unchanged",
    "note_required",
    "achieved_on_required",
    "not_awaiting_verification",
    "self_verification",
  ],
  // post-closure follow-ups
  timeline: ["case_not_closed", "unknown_follow_up", "follow_up_not_due", "follow_up_recorded", "reopen_needs_serious_outcome"],
  partners: ["linked_agency_is_own", "linked_agency_unknown"],
  referrals: [
    "referral_consent_required",
    "information_sharing_consent_required",
    "partner_unknown",
    "partner_inactive",
    "receiver_decides",
    "sender_withdraws",
    "referral_transition",
    "team_required",
    "team_unknown",
    "linked_agency_no_letter",
  ],
} as const satisfies Partial<Record<"common" | CatalogPart, readonly string[]>>;

export const ERROR_REASONS = Object.values(ERROR_REASON_PARTS).flat();

type Reason = (typeof ERROR_REASON_PARTS)[keyof typeof ERROR_REASON_PARTS][number];

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}

/** The domain code the server attached to an error (see the API's errorFormatter), or null. */
export function domainCodeOf(error: unknown): DomainErrorCode | null {
  if (!isTRPCClientError<AppRouter>(error)) return null;
  const code = error.data?.domainCode;
  return isOneOf(DOMAIN_ERROR_CODES, code) ? code : null;
}

/** Facts the server attached to a domain error (e.g. `{ domains: [...] }` for an uncovered at-risk domain). */
export function domainDetailsOf(error: unknown): Record<string, unknown> | null {
  if (!isTRPCClientError<AppRouter>(error)) return null;
  const details: unknown = error.data?.domainDetails;
  return details && typeof details === "object" ? (details as Record<string, unknown>) : null;
}

export function reasonOf(error: unknown): Reason | null {
  if (!isTRPCClientError<AppRouter>(error)) return null;
  return isOneOf(ERROR_REASONS, error.message) ? error.message : null;
}

/** The HTTP status of a failed call, also when a proxy or rate limiter answered instead of tRPC. */
function httpStatusOf(error: unknown): number | null {
  if (!isTRPCClientError<AppRouter>(error)) return null;
  if (error.data) return error.data.httpStatus;
  const response = error.meta?.response;
  return response instanceof Response ? response.status : null;
}

/** True when the session is gone (expired, revoked, or never there). */
export function isUnauthenticated(error: unknown): boolean {
  return domainCodeOf(error) === "unauthenticated";
}

/** Field errors from the server's zod validation: field name -> first message (an i18n key). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isTRPCClientError<AppRouter>(error)) return {};
  const fieldErrors = error.data?.zodError?.fieldErrors ?? {};
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
    if (typeof first === "string") result[field] = first;
  }
  return result;
}

/** The catalog key that explains an error to the user. */
export function errorMessageKey(error: unknown): string {
  const reason = reasonOf(error);
  if (reason && i18next.exists(`errors.${reason}`)) return `errors.${reason}`;
  const code = domainCodeOf(error);
  if (code) return `errors.${code}`;
  if (httpStatusOf(error) === 429) return "errors.rate_limited";
  // The server is up but its database is not (restarting, failing over).
  if (httpStatusOf(error) === 503) return "errors.unavailable";
  if (isTRPCClientError<AppRouter>(error) && !error.data) return "errors.network";
  return "errors.unexpected";
}

/**
 * The catalog key for a field message: ours are keys already (`validation.*` from the zod schemas,
 * `errors.*` set from a server answer); anything else (a library default) gets a generic text.
 */
export function fieldMessageKey(message: string): string {
  if (message.startsWith("validation.") || message.startsWith("errors.")) return message;
  return "validation.invalid";
}

/**
 * Puts the server's validation messages on the form's own fields; false when none of them is a
 * field of this form (the caller then shows the error for the whole form).
 */
export function showFieldErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  setError: (field: Field, error: { message: string }) => void,
): boolean {
  const messages = fieldErrorsOf(error);
  let shown = false;
  for (const field of fields) {
    const message = messages[field];
    if (message) {
      setError(field, { message });
      shown = true;
    }
  }
  return shown;
}
