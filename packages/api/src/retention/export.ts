/**
 * Everything held on one client, as one document (a data-subject access request answered by the
 * care team): the identity decrypted, the case and every record under it, sealed values opened.
 * Session note bodies, addenda and screening results only when the caller may read clinical content
 * (canReadClinical); the document says which. Care team only: a supervisor off the care team, a
 * break-glass reader, an administrator or another agency is refused like every case read.
 * `client.data_exported` is written before anything leaves (a read worth accounting for).
 */
import { canReadClinical, DomainError, type ClientIdentity } from "@lentera/domain";
import {
  appointments,
  asc,
  breakGlassGrants,
  caseCareTeam,
  caseMilestones,
  caseOutcomeChanges,
  cases,
  clients,
  closureRequests,
  consents,
  eq,
  evidenceEntries,
  followUpOutcomes,
  goalReviews,
  harmItems,
  inArray,
  legalProcesses,
  milestoneEvents,
  outcomeAssessments,
  planGoals,
  planInterventions,
  planVersions,
  referrals,
  riskFlags,
  screeningResults,
  sessionNoteAddenda,
  sessionNotes,
  takedownRequests,
  type Executor,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { requireCaseAccess } from "../cases/access";
import { openIdentity } from "../protect/identity";
import { openText } from "../online-harm/seal";
import { openSnapshot } from "../referrals/shared";
import { openAddendum, openAnswers, openNoteBody } from "../sessions/body";

export const CLIENT_EXPORT_FORMAT = "lentera.client-data-export.v1";

function byCase(executor: Executor, caseId: string) {
  return {
    careTeam: executor.select().from(caseCareTeam).where(eq(caseCareTeam.caseId, caseId)),
    breakGlassGrants: executor.select().from(breakGlassGrants).where(eq(breakGlassGrants.caseId, caseId)),
    consents: executor.select().from(consents).where(eq(consents.caseId, caseId)).orderBy(asc(consents.givenOn)),
    closureRequests: executor.select().from(closureRequests).where(eq(closureRequests.caseId, caseId)),
    assessments: executor.select().from(outcomeAssessments).where(eq(outcomeAssessments.caseId, caseId)).orderBy(asc(outcomeAssessments.assessedOn)),
    outcomeChanges: executor.select().from(caseOutcomeChanges).where(eq(caseOutcomeChanges.caseId, caseId)),
    planVersions: executor.select().from(planVersions).where(eq(planVersions.caseId, caseId)),
    planGoals: executor.select().from(planGoals).where(eq(planGoals.caseId, caseId)),
    goalReviews: executor.select().from(goalReviews).where(eq(goalReviews.caseId, caseId)),
    appointments: executor.select().from(appointments).where(eq(appointments.caseId, caseId)).orderBy(asc(appointments.startsAt)),
    milestones: executor.select().from(caseMilestones).where(eq(caseMilestones.caseId, caseId)),
    milestoneEvents: executor.select().from(milestoneEvents).where(eq(milestoneEvents.caseId, caseId)),
    followUps: executor.select().from(followUpOutcomes).where(eq(followUpOutcomes.caseId, caseId)),
    referrals: executor.select().from(referrals).where(eq(referrals.caseId, caseId)),
    harmItems: executor.select().from(harmItems).where(eq(harmItems.caseId, caseId)),
    takedownRequests: executor.select().from(takedownRequests).where(eq(takedownRequests.caseId, caseId)),
    evidence: executor.select().from(evidenceEntries).where(eq(evidenceEntries.caseId, caseId)),
    legalProcess: executor.select().from(legalProcesses).where(eq(legalProcesses.caseId, caseId)),
    sessionNotes: executor.select().from(sessionNotes).where(eq(sessionNotes.caseId, caseId)).orderBy(asc(sessionNotes.sessionDate)),
    addenda: executor.select().from(sessionNoteAddenda).where(eq(sessionNoteAddenda.caseId, caseId)),
    screenings: executor.select().from(screeningResults).where(eq(screeningResults.caseId, caseId)),
    riskFlags: executor.select().from(riskFlags).where(eq(riskFlags.caseId, caseId)),
  };
}

export async function exportClientData(ctx: AuthedContext, caseId: string) {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  // The care team only: it answers the client's request. Supervisors off it and break-glass readers
  // read the case, they do not hand its whole record out.
  if (handle.access !== "care_team") throw new DomainError("forbidden");
  const clinical = canReadClinical(ctx.user, { agencyId: handle.agencyId, teamId: handle.teamId, careTeamRole: handle.careTeamRole });
  const now = ctx.clock();

  return ctx.db.transaction(async (tx) => {
    await auditCase(ctx, tx, handle.id, {
      action: "client.data_exported",
      entityType: "client",
      entityId: handle.clientId,
      details: { clinical },
    });
    const [client] = await tx.select().from(clients).where(eq(clients.id, handle.clientId));
    const [caseRow] = await tx.select().from(cases).where(eq(cases.id, handle.id));
    if (!client || !caseRow) throw new DomainError("not_found");
    const queries = byCase(tx, handle.id);
    const parts = Object.fromEntries(
      await Promise.all(Object.entries(queries).map(async ([key, query]) => [key, await query] as const)),
    ) as { [K in keyof typeof queries]: Awaited<(typeof queries)[K]> };
    const goalIds = parts.planGoals.map((goal) => goal.id);
    const interventions = goalIds.length === 0 ? [] : await tx.select().from(planInterventions).where(inArray(planInterventions.goalId, goalIds));

    const { identityCiphertext, nameBirthHmac: _hmac, identityNumberHmacs: _hmacs, ...clientFields } = client;
    const identity: ClientIdentity = openIdentity(ctx.keyring, client.id, identityCiphertext);
    return {
      format: CLIENT_EXPORT_FORMAT,
      exportedAt: now,
      exportedBy: { id: ctx.user.id, name: ctx.user.displayName },
      /** Whether session note bodies, addenda and screening results are in this file. */
      clinicalContent: clinical ? ("included" as const) : ("left_out" as const),
      anonymized: caseRow.anonymizedAt !== null,
      client: { ...clientFields, identity },
      cases: [
        {
          ...caseRow,
          careTeam: parts.careTeam,
          breakGlassGrants: parts.breakGlassGrants,
          consents: parts.consents,
          closureRequests: parts.closureRequests,
          assessments: parts.assessments,
          outcomeChanges: parts.outcomeChanges,
          plans: parts.planVersions.map((version) => ({
            ...version,
            goals: parts.planGoals
              .filter((goal) => goal.planVersionId === version.id)
              .map((goal) => ({
                ...goal,
                reviews: parts.goalReviews.filter((review) => review.planVersionId === version.id && review.goalKey === goal.goalKey),
                interventions: interventions.filter((intervention) => intervention.goalId === goal.id),
              })),
          })),
          appointments: parts.appointments,
          milestones: parts.milestones.map((milestone) => ({
            ...milestone,
            events: parts.milestoneEvents.filter((event) => event.milestoneId === milestone.id),
          })),
          followUps: parts.followUps,
          referrals: parts.referrals.map(({ shared, ...referral }) => ({ ...referral, shared: openSnapshot(ctx.keyring, referral.id, shared) })),
          onlineHarm: {
            items: parts.harmItems.map(({ locatorCiphertext, ...item }) => ({
              ...item,
              locator: openText(ctx.keyring, item.id, locatorCiphertext),
              takedownRequests: parts.takedownRequests.filter((request) => request.itemId === item.id),
            })),
            evidence: parts.evidence.map(({ descriptionCiphertext, ...entry }) => ({
              ...entry,
              description: openText(ctx.keyring, entry.id, descriptionCiphertext),
            })),
            legalProcess: parts.legalProcess.map(({ policeReportNumberCiphertext, ...legal }) => ({
              ...legal,
              policeReportNumber: policeReportNumberCiphertext === null ? null : openText(ctx.keyring, legal.id, policeReportNumberCiphertext),
            }))[0] ?? null,
          },
          riskFlags: parts.riskFlags,
          sessions: parts.sessionNotes.map(({ body, ...note }) => ({
            ...note,
            ...(clinical
              ? {
                  body: openNoteBody(ctx.keyring, note.id, body),
                  addenda: parts.addenda
                    .filter((addendum) => addendum.noteId === note.id)
                    .map(({ body: sealed, ...addendum }) => ({ ...addendum, body: openAddendum(ctx.keyring, addendum.id, sealed) })),
                  screenings: parts.screenings
                    .filter((screening) => screening.noteId === note.id)
                    .map(({ answers, ...screening }) => ({ ...screening, answers: openAnswers(ctx.keyring, screening.id, answers) })),
                }
              : {}),
          })),
        },
      ],
    };
  });
}

export type ClientDataExport = Awaited<ReturnType<typeof exportClientData>>;
