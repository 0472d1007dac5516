import { isTRPCClientError } from "@trpc/client";
import { domainCodeOf, errorMessageKey } from "../../lib/api-errors";

/**
 * The reasons the online-harm procedures give (packages/api/src/online-harm), explained in this
 * feature's own words (harm.errors.*): some share a name with another feature's reason
 * (illegal_transition, status_unchanged) but mean a takedown request's status here.
 */
export const HARM_REASONS = [
  "care_team_only",
  "date_in_future",
  "date_before_status",
  "date_before_collection",
  "illegal_transition",
  "status_unchanged",
  "sha256_required",
  "sha256_mismatch",
  "evidence_required",
  "evidence_not_expected",
  "unknown_evidence",
  "unknown_item",
  "unknown_partner",
  "content_not_accepted",
] as const;
export type HarmReason = (typeof HARM_REASONS)[number];

/** The catalog key for a reason the server gave, or null when it is not one of ours. */
export function harmReasonKey(reason: string | null | undefined): string | null {
  return reason && (HARM_REASONS as readonly string[]).includes(reason) ? `harm.errors.${reason}` : null;
}

/** The reason an online-harm procedure refused, as the server wrote it. */
export function rawReasonOf(error: unknown): string | null {
  return isTRPCClientError(error) ? error.message : null;
}

/** The catalog key that explains a refusal: our own words first, else the shared ones. */
export function harmErrorKey(error: unknown): string {
  return harmReasonKey(rawReasonOf(error)) ?? errorMessageKey(error);
}

/** Refusals that mean the record moved on elsewhere: only a reload shows where it is now. */
export function harmNeedsReload(error: unknown): boolean {
  const reason = rawReasonOf(error);
  return domainCodeOf(error) === "stale_version" || domainCodeOf(error) === "not_found" || reason === "illegal_transition" || reason === "status_unchanged";
}

/** Whether byCase refused because the reader is not on the care team (a supervisor, a break-glass reader). */
export function isCareTeamOnly(error: unknown): boolean {
  return domainCodeOf(error) === "forbidden" || rawReasonOf(error) === "care_team_only";
}
