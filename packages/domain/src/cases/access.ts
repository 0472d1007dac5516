import type { Role } from "../roles";
import type { CareTeamRole } from "./vocabulary";

/**
 * Who may reach a case, decided once (DOMAIN.md, "Access rules"). Every case procedure asks
 * `caseAccess()` and then `canOnCase()`; none compares roles or team ids itself.
 */
export interface CaseActor {
  id: string;
  agencyId: string;
  roles: readonly Role[];
  /** Teams the user belongs to; a supervisor supervises the teams they belong to. */
  teamIds: readonly string[];
}

export interface CaseAccessFacts {
  agencyId: string;
  teamId: string;
  /** The actor's place on the care team, if any. */
  careTeamRole: CareTeamRole | null;
  /** The end of the actor's break-glass grant on this case, if any. */
  breakGlassUntil: Date | null;
}

export type CaseAccess = "care_team" | "supervisor" | "break_glass" | "none";

export function caseAccess(actor: CaseActor, facts: CaseAccessFacts, now: Date): CaseAccess {
  if (actor.agencyId !== facts.agencyId) return "none";
  if (facts.careTeamRole) return "care_team";
  if (actor.roles.includes("supervisor") && actor.teamIds.includes(facts.teamId)) return "supervisor";
  if (facts.breakGlassUntil && facts.breakGlassUntil > now) return "break_glass";
  return "none";
}

export type CaseAction =
  | "read"
  | "update"
  | "reveal_identity"
  | "record_consent"
  | "change_status"
  | "request_closure"
  | "decide_closure"
  | "reopen"
  | "manage_care_team"
  | "edit_plan"
  | "decide_plan"
  | "review_plan"
  | "assess"
  | "book_appointment"
  /** Add reintegration milestones and change them (verifying an achievement is a supervisor's: canSupervise). */
  | "track_milestones";

const ALLOWED: Record<CaseAccess, readonly CaseAction[]> = {
  care_team: [
    "read",
    "update",
    "reveal_identity",
    "record_consent",
    "change_status",
    "request_closure",
    "reopen",
    "edit_plan",
    "review_plan",
    "assess",
    "book_appointment",
    "track_milestones",
  ],
  supervisor: [
    "read",
    "update",
    "reveal_identity",
    "record_consent",
    "change_status",
    "decide_closure",
    "reopen",
    "manage_care_team",
    "edit_plan",
    "decide_plan",
    "review_plan",
    "assess",
    "book_appointment",
    "track_milestones",
  ],
  // An emergency read: the child may be in danger tonight, so contact details are included.
  break_glass: ["read", "reveal_identity"],
  none: [],
};

export function canOnCase(access: CaseAccess, action: CaseAction): boolean {
  return ALLOWED[access].includes(action);
}

/** Who may register a case (and so become its primary social worker or its supervisor). */
export function canRegisterCase(actor: Pick<CaseActor, "roles">): boolean {
  return actor.roles.includes("social_worker") || actor.roles.includes("supervisor");
}

export const BREAK_GLASS_MINUTES = 60;
