import type { CaseAccessFacts, CaseActor } from "../cases/access";

/**
 * Clinical confidentiality (DOMAIN.md): note bodies, addenda and screening answers reach only the
 * counselors on the case's care team and the supervisors of its team. Everyone else who may read
 * the case sees that a session happened, not what was said.
 */
export function canReadClinical(actor: CaseActor, facts: Pick<CaseAccessFacts, "agencyId" | "teamId" | "careTeamRole">): boolean {
  if (actor.agencyId !== facts.agencyId) return false;
  if (facts.careTeamRole === "counselor" && actor.roles.includes("counselor")) return true;
  return actor.roles.includes("supervisor") && actor.teamIds.includes(facts.teamId);
}

/** Who writes session notes: a counselor on the case's care team. */
export function canLogSession(actor: CaseActor, facts: Pick<CaseAccessFacts, "agencyId" | "careTeamRole">): boolean {
  return actor.agencyId === facts.agencyId && facts.careTeamRole === "counselor" && actor.roles.includes("counselor");
}

/** Who acknowledges a risk flag and clears the supervision queue: a supervisor of the case's team. */
export function canSupervise(actor: CaseActor, facts: Pick<CaseAccessFacts, "agencyId" | "teamId">): boolean {
  return actor.agencyId === facts.agencyId && actor.roles.includes("supervisor") && actor.teamIds.includes(facts.teamId);
}
