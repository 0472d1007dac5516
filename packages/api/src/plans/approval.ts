import { type z } from "zod";
import {
  type decidePlanInput,
  DomainError,
  mayDecideOwnPlan,
  type submitPlanInput,
  uncoveredAtRiskDomains,
} from "@lentera/domain";
import { and, eq, planVersions } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { latestAtRiskDomains } from "../outcomes/assessments";
import { agencyPlanSettings } from "./agency-settings";
import { findVersion, loadGoals } from "./load";
import { lockCaseForPlan, lockEditableDraft } from "./draft";
import { scheduleReviews } from "./review-schedule";

const returning = { id: planVersions.id, status: planVersions.status, version: planVersions.version };

/**
 * The care team submits the draft for approval. Refused while a domain the latest completed
 * assessment marks at risk has no open goal working on it; the error names those domains.
 */
export async function submitPlan(ctx: AuthedContext, input: z.output<typeof submitPlanInput>) {
  return ctx.db.transaction(async (tx) => {
    const { handle, version } = await lockEditableDraft(ctx, tx, input.versionId, input.version);
    const goals = (await loadGoals(tx, [version.id])).get(version.id) ?? [];
    if (goals.length === 0) throw new DomainError("invalid_input", "plan_has_no_goals");
    const atRisk = await latestAtRiskDomains(tx, handle.id);
    const uncovered = uncoveredAtRiskDomains(atRisk.domains, goals);
    if (uncovered.length) throw new DomainError("invalid_input", "at_risk_domains_without_goals", { domains: uncovered });
    const now = ctx.clock();
    const [saved] = await tx
      .update(planVersions)
      .set({ status: "submitted", submittedBy: ctx.user.id, submittedAt: now, version: version.version + 1, updatedAt: now })
      .where(eq(planVersions.id, version.id))
      .returning(returning);
    await auditCase(ctx, tx, handle.id, {
      action: "plan.submitted",
      entityType: "plan_version",
      entityId: version.id,
      changes: { status: { from: version.status, to: "submitted" } },
      details: { number: version.number, goals: goals.length },
    });
    if (!saved) throw new Error("plan version update returned no row");
    return saved;
  });
}

/**
 * A supervisor of the case's team approves (the version comes into force and the previous one is
 * superseded) or returns it with a comment (the draft is kept for the care team to change).
 */
export async function decidePlan(ctx: AuthedContext, input: z.output<typeof decidePlanInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await findVersion(ctx, tx, input.versionId);
    const handle = await lockCaseForPlan(ctx, tx, current.caseId, "decide_plan");
    const version = await findVersion(ctx, tx, input.versionId, { lock: true });
    if (version.status !== "submitted") throw new DomainError("conflict", "plan_not_submitted");
    if (version.version !== input.version) throw new DomainError("stale_version");
    const settings = await agencyPlanSettings(ctx, tx);
    const authors = [version.draftedBy, version.lastEditedBy, version.submittedBy];
    if (!mayDecideOwnPlan(ctx.user.id, authors, settings.allowPlanSelfApproval)) {
      throw new DomainError("forbidden", "self_approval");
    }
    const now = ctx.clock();
    const approve = input.decision === "approve";
    if (approve) {
      await tx
        .update(planVersions)
        .set({ status: "superseded", updatedAt: now })
        .where(and(eq(planVersions.caseId, handle.id), eq(planVersions.status, "approved")));
    }
    const status = approve ? "approved" : "returned";
    const [saved] = await tx
      .update(planVersions)
      .set({
        status,
        decidedBy: ctx.user.id,
        decidedAt: now,
        decisionComment: input.comment ?? null,
        approvedAt: approve ? now : null,
        version: version.version + 1,
        updatedAt: now,
      })
      .where(eq(planVersions.id, version.id))
      .returning(returning);
    if (approve) await scheduleReviews(tx, handle.id, version.id, now, settings.reviewIntervalDays);
    await auditCase(ctx, tx, handle.id, {
      action: approve ? "plan.approved" : "plan.returned",
      entityType: "plan_version",
      entityId: version.id,
      changes: { status: { from: "submitted", to: status } },
      details: { number: version.number, comment: input.comment ?? null },
    });
    if (!saved) throw new Error("plan version update returned no row");
    return saved;
  });
}
