import type { Role } from "../roles";
import type { MilestoneStatus } from "./vocabulary";

/**
 * Where a milestone may go from each status. `regressed` means an achievement did not hold, so it
 * comes only from `achieved`; an achievement is never "not applicable" (if it did not hold, it
 * regressed); a milestone set aside as not applicable is taken up again before it can be achieved.
 * Leaving `achieved` also allows `in_progress`, to correct an achievement recorded too early.
 */
export const MILESTONE_TRANSITIONS: Readonly<Record<MilestoneStatus, readonly MilestoneStatus[]>> = {
  planned: ["in_progress", "achieved", "not_applicable"],
  in_progress: ["planned", "achieved", "not_applicable"],
  achieved: ["regressed", "in_progress"],
  regressed: ["planned", "in_progress", "achieved", "not_applicable"],
  not_applicable: ["planned", "in_progress"],
};

/** The statuses of a milestone still being worked on (it can be overdue against its target date). */
export const OPEN_MILESTONE_STATUSES = ["planned", "in_progress", "regressed"] as const satisfies readonly MilestoneStatus[];

export type MilestoneTransitionRefusal = "status_unchanged" | "illegal_transition" | "note_required";

/**
 * Why a milestone cannot move from `from` to `to`, or null. Every move out of `achieved` needs a
 * note (what happened), because it changes what the survivor's record says she or he has reached.
 */
export function milestoneTransitionRefusal(
  from: MilestoneStatus,
  to: MilestoneStatus,
  note?: string | null,
): MilestoneTransitionRefusal | null {
  if (from === to) return "status_unchanged";
  if (!MILESTONE_TRANSITIONS[from].includes(to)) return "illegal_transition";
  if (from === "achieved" && !note?.trim()) return "note_required";
  return null;
}

/** The statuses a milestone may move to next (for the web's menu). */
export function nextMilestoneStatuses(from: MilestoneStatus): readonly MilestoneStatus[] {
  return MILESTONE_TRANSITIONS[from];
}

export interface MilestoneVerificationFacts {
  status: MilestoneStatus;
  verificationRequired: boolean;
  verifiedAt: Date | null;
}

/** An achievement a supervisor has still to verify (the agency required it when it was achieved). */
export function isAwaitingVerification(milestone: MilestoneVerificationFacts): boolean {
  return milestone.status === "achieved" && milestone.verificationRequired && milestone.verifiedAt === null;
}

/** A milestone still being worked on whose target date has passed (`today` is a YYYY-MM-DD date). */
export function isMilestoneOverdue(milestone: { status: MilestoneStatus; targetDate: string | null }, today: string): boolean {
  return (
    milestone.targetDate !== null &&
    milestone.targetDate < today &&
    (OPEN_MILESTONE_STATUSES as readonly MilestoneStatus[]).includes(milestone.status)
  );
}

/**
 * Who adds milestone kinds to the agency's catalog: administrators (it is agency configuration,
 * not case content) and supervisors (who know what their teams track).
 */
export function canManageMilestoneCatalog(actor: { roles: readonly Role[] }): boolean {
  return actor.roles.includes("admin") || actor.roles.includes("supervisor");
}
