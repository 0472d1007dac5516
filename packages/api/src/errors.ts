import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { DomainError, type DomainErrorCode } from "@lentera/domain";

const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  invalid_credentials: "UNAUTHORIZED",
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  stale_version: "CONFLICT",
  invalid_input: "BAD_REQUEST",
  rate_limited: "TOO_MANY_REQUESTS",
};

/** The one place where a domain error becomes a transport error. */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof DomainError) {
    return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
  }
  // Postgres down or restarting is not the request's fault and passes: 503, so clients retry.
  if (databaseUnavailableCode(error)) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "database_unavailable", cause: error });
  }
  return error;
}

/** Socket errors and postgres.js' own codes for a connection that is gone or cannot be made. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down).
  "57P01",
  "57P02",
  "57P03",
]);

/**
 * The code that marks an error (or one of its causes, or a member of an AggregateError, which
 * Node gives when every address of a host refused) as "the database is unavailable", else null.
 * SQLSTATE class 08 is "connection exception".
 */
export function databaseUnavailableCode(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== "object" || depth > 8) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return code;
  const members = (error as { errors?: unknown }).errors;
  if (Array.isArray(members)) {
    for (const member of members) {
      const found = databaseUnavailableCode(member, depth + 1);
      if (found) return found;
    }
  }
  return databaseUnavailableCode((error as { cause?: unknown }).cause, depth + 1);
}

/** Whether an error (or one of its causes, as drizzle wraps them) carries a Postgres SQLSTATE. */
function hasSqlState(error: unknown, sqlState: string): boolean {
  let current: unknown = error;
  while (current && typeof current === "object") {
    if ((current as { code?: unknown }).code === sqlState) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Postgres' unique_violation, from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return hasSqlState(error, "23505");
}

/** Postgres' exclusion_violation (an EXCLUDE constraint), from either driver. */
export function isExclusionViolation(error: unknown): boolean {
  return hasSqlState(error, "23P01");
}

/**
 * What may be logged of an unexpected error: its kind, message and SQLSTATE. A driver's `detail`
 * and parameters are left out because they can carry the values of a row.
 */
export function describeError(error: unknown): { name: string; message: string; sqlState?: string } {
  if (!(error instanceof Error)) return { name: "unknown", message: String(error).slice(0, 200) };
  const sqlState = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message.slice(0, 500),
    ...(typeof sqlState === "string" ? { sqlState } : {}),
  };
}
