import { expect } from "vitest";
import { TRPCError } from "@trpc/server";
import { DomainError } from "@lentera/domain";

/** Awaits a call that must fail with a tRPC code; returns the error for further checks. */
export async function expectCode(promise: Promise<unknown>, code: TRPCError["code"]): Promise<TRPCError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}

/** The domain reason and details behind a tRPC error. */
export function domainCause(error: TRPCError): { reason: string; details: Record<string, unknown> | null } {
  const cause = error.cause;
  if (!(cause instanceof DomainError)) return { reason: error.message, details: null };
  return { reason: cause.message, details: cause.details };
}
