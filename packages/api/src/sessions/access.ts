import { canLogSession, canReadClinical, canSupervise, DomainError, type CaseAction } from "@lentera/domain";
import type { Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess, type CaseHandle } from "../cases/access";

export interface SessionAccess {
  handle: CaseHandle;
  /** May read note bodies, addenda and screening answers and totals. */
  clinical: boolean;
  /** May write session notes on the case (a counselor on its care team). */
  canLog: boolean;
  /** May acknowledge risk flags and review screens (a supervisor of its team). */
  canSupervise: boolean;
}

/**
 * The caller's rights on a case's sessions, from the rules in @lentera/domain. Reaching the case at
 * all is decided by requireCaseAccess (NOT_FOUND when out of reach).
 */
export async function sessionAccess(
  ctx: AuthedContext,
  caseId: string,
  executor: Executor = ctx.db,
  action: CaseAction = "read",
): Promise<SessionAccess> {
  const handle = await requireCaseAccess(ctx, caseId, action, executor);
  const facts = { agencyId: handle.agencyId, teamId: handle.teamId, careTeamRole: handle.careTeamRole };
  return {
    handle,
    clinical: canReadClinical(ctx.user, facts),
    canLog: canLogSession(ctx.user, facts),
    canSupervise: canSupervise(ctx.user, facts),
  };
}

/** Refuses, as FORBIDDEN with reason `clinical_only`, a reader who may see only that a session happened. */
export async function requireClinicalAccess(ctx: AuthedContext, caseId: string, executor: Executor = ctx.db): Promise<SessionAccess> {
  const access = await sessionAccess(ctx, caseId, executor);
  if (!access.clinical) throw new DomainError("forbidden", "clinical_only");
  return access;
}
