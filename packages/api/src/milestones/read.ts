import { canOnCase, canSupervise, type CaseMilestones } from "@lentera/domain";
import { caseMilestones, eq } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess } from "../cases/access";
import { agencyRequiresVerification, loadMilestones } from "./load";

/**
 * A case's milestones with their whole history, for anyone who may read the case, and what the
 * reader may do with them: track (care team or the team's supervisor, while the case is open) and
 * verify (a supervisor of the case's team).
 */
export async function caseMilestonesFor(ctx: AuthedContext, caseId: string): Promise<CaseMilestones> {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  const [milestones, verificationRequired] = await Promise.all([
    loadMilestones(ctx, ctx.db, eq(caseMilestones.caseId, handle.id)),
    agencyRequiresVerification(ctx, ctx.db),
  ]);
  return {
    canTrack: handle.status !== "closed" && canOnCase(handle.access, "track_milestones"),
    canVerify: canSupervise(ctx.user, handle),
    verificationRequired,
    milestones,
  };
}
