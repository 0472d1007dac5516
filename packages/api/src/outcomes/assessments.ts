import { type z } from "zod";
import {
  type completeAssessmentInput,
  DomainError,
  invalidAnswers,
  isFutureDate,
  type saveAssessmentInput,
  scoreInstrument,
} from "@lentera/domain";
import { and, asc, desc, eq, outcomeAssessments, rebuildOutcomeChanges, users, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { requireCaseAccess } from "../cases/access";
import { findInstrument } from "./instruments";


/** Every assessment of a case, oldest first: the charts and "previous score" come from these. */
export async function listAssessments(ctx: AuthedContext, caseId: string) {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  return ctx.db
    .select({
      id: outcomeAssessments.id,
      instrumentCode: outcomeAssessments.instrumentCode,
      instrumentVersion: outcomeAssessments.instrumentVersion,
      timepoint: outcomeAssessments.timepoint,
      assessedOn: outcomeAssessments.assessedOn,
      status: outcomeAssessments.status,
      answers: outcomeAssessments.answers,
      scores: outcomeAssessments.domainScores,
      note: outcomeAssessments.note,
      assessedBy: { id: users.id, name: users.displayName },
      completedAt: outcomeAssessments.completedAt,
      version: outcomeAssessments.version,
    })
    .from(outcomeAssessments)
    .innerJoin(users, eq(users.id, outcomeAssessments.assessedBy))
    .where(eq(outcomeAssessments.caseId, handle.id))
    .orderBy(asc(outcomeAssessments.assessedOn), asc(outcomeAssessments.createdAt));
}

/** The at-risk domains of the case's latest completed assessment (any instrument), or none. */
export async function latestAtRiskDomains(executor: Executor, caseId: string) {
  const [latest] = await executor
    .select({ id: outcomeAssessments.id, scores: outcomeAssessments.domainScores })
    .from(outcomeAssessments)
    .where(and(eq(outcomeAssessments.caseId, caseId), eq(outcomeAssessments.status, "completed")))
    .orderBy(desc(outcomeAssessments.assessedOn), desc(outcomeAssessments.completedAt))
    .limit(1);
  if (!latest) return { assessmentId: null, domains: [] as string[] };
  return { assessmentId: latest.id, domains: latest.scores.filter((score) => score.atRisk).map((score) => score.domain) };
}

async function lockAssessment(tx: Executor, ctx: AuthedContext, assessmentId: string) {
  const [row] = await tx
    .select({
      id: outcomeAssessments.id,
      caseId: outcomeAssessments.caseId,
      status: outcomeAssessments.status,
      version: outcomeAssessments.version,
      instrumentCode: outcomeAssessments.instrumentCode,
      instrumentVersion: outcomeAssessments.instrumentVersion,
      timepoint: outcomeAssessments.timepoint,
      answers: outcomeAssessments.answers,
    })
    .from(outcomeAssessments)
    .where(and(eq(outcomeAssessments.id, assessmentId), eq(outcomeAssessments.agencyId, ctx.user.agencyId)))
    .for("update");
  if (!row) throw new DomainError("not_found");
  return row;
}

/** Saves a draft assessment whole (answers so far, scored as in the form); null id starts one. */
export async function saveAssessment(ctx: AuthedContext, input: z.output<typeof saveAssessmentInput>) {
  if (isFutureDate(input.assessedOn, ctx.clock())) throw new DomainError("invalid_input", "date_in_future");
  return ctx.db.transaction(async (tx) => {
    const handle = await requireCaseAccess(ctx, input.caseId, "assess", tx);
    const definition = await findInstrument(ctx, tx, input.instrumentCode, input.instrumentVersion);
    const invalid = invalidAnswers(definition, input.answers);
    if (invalid.length) throw new DomainError("invalid_input", "invalid_answers", { items: invalid });
    const domainScores = scoreInstrument(definition, input.answers).domains;
    const values = {
      instrumentCode: definition.code,
      instrumentVersion: definition.version,
      timepoint: input.timepoint,
      assessedOn: input.assessedOn,
      answers: input.answers,
      domainScores,
      note: input.note ?? null,
      updatedAt: ctx.clock(),
    };
    let saved: { id: string; version: number; status: string } | undefined;
    if (input.assessmentId === null) {
      [saved] = await tx
        .insert(outcomeAssessments)
        .values({ ...values, agencyId: ctx.user.agencyId, caseId: handle.id, assessedBy: ctx.user.id, createdAt: ctx.clock() })
        .returning({ id: outcomeAssessments.id, version: outcomeAssessments.version, status: outcomeAssessments.status });
    } else {
      const current = await lockAssessment(tx, ctx, input.assessmentId);
      if (current.caseId !== handle.id) throw new DomainError("not_found");
      if (current.status !== "draft") throw new DomainError("conflict", "assessment_completed");
      if (current.version !== input.version) throw new DomainError("stale_version");
      [saved] = await tx
        .update(outcomeAssessments)
        .set({ ...values, version: current.version + 1 })
        .where(eq(outcomeAssessments.id, current.id))
        .returning({ id: outcomeAssessments.id, version: outcomeAssessments.version, status: outcomeAssessments.status });
    }
    if (!saved) throw new Error("assessment save returned no row");
    await auditCase(ctx, tx, handle.id, {
      action: "assessment.saved",
      entityType: "outcome_assessment",
      entityId: saved.id,
      details: { instrument: definition.code, timepoint: input.timepoint, answered: Object.keys(input.answers).length },
    });
    return saved;
  });
}

/** Completing needs every item answered; a completed assessment is never changed. */
export async function completeAssessment(ctx: AuthedContext, input: z.output<typeof completeAssessmentInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await lockAssessment(tx, ctx, input.assessmentId);
    const handle = await requireCaseAccess(ctx, current.caseId, "assess", tx);
    if (current.status !== "draft") throw new DomainError("conflict", "assessment_completed");
    if (current.version !== input.version) throw new DomainError("stale_version");
    const definition = await findInstrument(ctx, tx, current.instrumentCode, current.instrumentVersion);
    const score = scoreInstrument(definition, current.answers);
    if (!score.complete) {
      const missing = score.domains.reduce((total, domain) => total + domain.items - domain.answered, 0);
      throw new DomainError("invalid_input", "assessment_incomplete", { missing });
    }
    const [saved] = await tx
      .update(outcomeAssessments)
      .set({ status: "completed", completedAt: ctx.clock(), domainScores: score.domains, version: current.version + 1, updatedAt: ctx.clock() })
      .where(eq(outcomeAssessments.id, current.id))
      .returning({ id: outcomeAssessments.id, version: outcomeAssessments.version, status: outcomeAssessments.status });
    // The dashboard's outcome change since intake, kept current with the assessment that moves it.
    await rebuildOutcomeChanges(tx, current.caseId, current.instrumentCode);
    await auditCase(ctx, tx, handle.id, {
      action: "assessment.completed",
      entityType: "outcome_assessment",
      entityId: current.id,
      details: { instrument: definition.code, timepoint: current.timepoint, atRisk: score.atRisk },
    });
    if (!saved) throw new Error("assessment completion returned no row");
    return saved;
  });
}
