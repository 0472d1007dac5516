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
  constructor(code: DomainErrorCode, message?: string) {
    super(message ?? code);
    this.name = "DomainError";
    this.code = code;
  }
}
