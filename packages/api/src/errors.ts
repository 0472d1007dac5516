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
  return error;
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
