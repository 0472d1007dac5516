/**
 * Errors the services raise on purpose. The API maps each code to a transport code in one place;
 * the web app shows `errors.<code>` from its catalogs.
 */
export const DOMAIN_ERROR_CODES = [
  "invalid_credentials",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "stale_version",
  "invalid_input",
  "rate_limited",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Facts the user needs to put it right (e.g. the domains a plan is missing), safe to show. */
  readonly details: Record<string, unknown> | null;
  constructor(code: DomainErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = "DomainError";
    this.code = code;
    this.details = details ?? null;
  }
}
