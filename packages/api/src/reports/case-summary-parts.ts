/**
 * The reads behind a case summary, one part each. Every select names its columns: no free text a
 * person wrote (notes, reasons, evidence, places, session bodies) and no identifying column is read
 * here; identity is opened apart, and only for the care team (case-summary.ts).
 */
import {
  addDays,
  CONSENT_SCOPES,
  localDate,
  scopesInForce,
  startOfLocalDay,
  type CaseSummary,
  type DomainScore,
} from "@lentera/domain";
import {
  and,
  appointments,
  asc,
  caseCareTeam,
  caseMilestones,
  consents,
  eq,
  goalReviews,
  gte,
  isNull,
  lt,
  outcomeAssessments,
  planGoals,
  planVersions,
  riskFlags,
  sessionNotes,
  sql,
  users,
  type Executor,
} from "@lentera/db";

/** What every part is read against: the case, and today in the agency's zone. */
export interface SummaryScope {
  db: Executor;
  caseId: string;
  today: string;
  timeZone: string;
}

/** Appointments shown: those starting in the last 90 days and the next 30 (agency days). */
export const APPOINTMENTS_PAST_DAYS = 90;
export const APPOINTMENTS_NEXT_DAYS = 30;

export async function careTeamPart(scope: SummaryScope): Promise<CaseSummary["careTeam"]> {
  return scope.db
    .select({ name: users.displayName, role: caseCareTeam.role })
    .from(caseCareTeam)
    .innerJoin(users, eq(users.id, caseCareTeam.userId))
    .where(eq(caseCareTeam.caseId, scope.caseId))
    .orderBy(asc(caseCareTeam.role), asc(users.displayName));
}

/** The consent scopes in force today, in the vocabulary's order. */
export async function consentsPart(scope: SummaryScope): Promise<CaseSummary["consentsInForce"]> {
  const rows = await scope.db
    .select({ scope: consents.scope, givenOn: consents.givenOn, expiresOn: consents.expiresOn, withdrawnOn: consents.withdrawnOn })
    .from(consents)
    .where(eq(consents.caseId, scope.caseId));
  const inForce = scopesInForce(rows, scope.today);
  return CONSENT_SCOPES.filter((consentScope) => inForce.includes(consentScope));
}

/** The approved version (the one in force), its goals in order and each goal's latest review day. */
export async function planPart(scope: SummaryScope): Promise<CaseSummary["plan"]> {
  const [version] = await scope.db
    .select({ id: planVersions.id, number: planVersions.number, approvedAt: planVersions.approvedAt })
    .from(planVersions)
    .where(and(eq(planVersions.caseId, scope.caseId), eq(planVersions.status, "approved")));
  if (!version) return null;
  const [goals, reviews] = await Promise.all([
    scope.db
      .select({ goalKey: planGoals.goalKey, domain: planGoals.domain, title: planGoals.title, status: planGoals.status, targetDate: planGoals.targetDate })
      .from(planGoals)
      .where(eq(planGoals.planVersionId, version.id))
      .orderBy(asc(planGoals.position)),
    scope.db
      .select({ goalKey: goalReviews.goalKey, lastReview: sql<string>`max(${goalReviews.reviewedOn})::text` })
      .from(goalReviews)
      .where(eq(goalReviews.caseId, scope.caseId))
      .groupBy(goalReviews.goalKey),
  ]);
  // Reviews follow a goal across versions (goalKey), so an earlier version's review still counts.
  const lastReview = new Map(reviews.map((review) => [review.goalKey, review.lastReview]));
  return {
    number: version.number,
    approvedOn: version.approvedAt ? localDate(version.approvedAt, scope.timeZone) : null,
    goals: goals.map((goal) => ({
      domain: goal.domain,
      title: goal.title,
      status: goal.status,
      targetDate: goal.targetDate,
      lastReview: lastReview.get(goal.goalKey) ?? null,
    })),
  };
}

/**
 * Per instrument, the latest completed assessment and, beside each domain's score, the score of the
 * first completed intake assessment of the same instrument (null when there is none).
 */
export async function outcomesPart(scope: SummaryScope): Promise<CaseSummary["outcomes"]> {
  const rows = await scope.db
    .select({
      instrumentCode: outcomeAssessments.instrumentCode,
      timepoint: outcomeAssessments.timepoint,
      assessedOn: outcomeAssessments.assessedOn,
      scores: outcomeAssessments.domainScores,
    })
    .from(outcomeAssessments)
    .where(and(eq(outcomeAssessments.caseId, scope.caseId), eq(outcomeAssessments.status, "completed")))
    .orderBy(asc(outcomeAssessments.instrumentCode), asc(outcomeAssessments.assessedOn), asc(outcomeAssessments.completedAt));
  const byInstrument = new Map<string, { latest: (typeof rows)[number]; intake: DomainScore[] | null }>();
  for (const row of rows) {
    const seen = byInstrument.get(row.instrumentCode);
    const intake = seen?.intake ?? (row.timepoint === "intake" ? row.scores : null);
    byInstrument.set(row.instrumentCode, { latest: row, intake });
  }
  return [...byInstrument.values()].map(({ latest, intake }) => ({
    instrumentCode: latest.instrumentCode,
    assessedOn: latest.assessedOn,
    domains: latest.scores.map((score) => ({
      domain: score.domain,
      score: score.score,
      intakeScore: intake?.find((before) => before.domain === score.domain)?.score ?? null,
    })),
  }));
}

/** Milestones, oldest first; `on` is the achieved day, or else the target day. The evidence note stays out. */
export async function milestonesPart(scope: SummaryScope): Promise<CaseSummary["milestones"]> {
  const rows = await scope.db
    .select({
      domain: caseMilestones.domain,
      catalogKey: caseMilestones.catalogKey,
      customTitle: caseMilestones.customTitle,
      status: caseMilestones.status,
      achievedOn: caseMilestones.achievedOn,
      targetDate: caseMilestones.targetDate,
    })
    .from(caseMilestones)
    .where(eq(caseMilestones.caseId, scope.caseId))
    .orderBy(asc(caseMilestones.createdAt), asc(caseMilestones.id));
  return rows.map(({ achievedOn, targetDate, ...milestone }) => ({ ...milestone, on: achievedOn ?? targetDate }));
}

/** Appointments starting in the window, oldest first: kind, the agency's day, status, staff (no notes, no places). */
export async function appointmentsPart(scope: SummaryScope): Promise<CaseSummary["appointments"]> {
  const from = startOfLocalDay(addDays(scope.today, -APPOINTMENTS_PAST_DAYS), scope.timeZone);
  const until = startOfLocalDay(addDays(scope.today, APPOINTMENTS_NEXT_DAYS + 1), scope.timeZone);
  const rows = await scope.db
    .select({ kind: appointments.kind, startsAt: appointments.startsAt, status: appointments.status, staff: users.displayName })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.staffUserId))
    .where(and(eq(appointments.caseId, scope.caseId), gte(appointments.startsAt, from), lt(appointments.startsAt, until)))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  return rows.map(({ startsAt, ...appointment }) => ({ ...appointment, on: localDate(startsAt, scope.timeZone) }));
}

/** How many session notes (drafts included: the session took place) and the last one's day; never a body. */
export async function sessionsPart(scope: SummaryScope): Promise<CaseSummary["sessions"]> {
  const [row] = await scope.db
    .select({ count: sql<number>`count(*)::int`, lastOn: sql<string | null>`max(${sessionNotes.sessionDate})::text` })
    .from(sessionNotes)
    .where(eq(sessionNotes.caseId, scope.caseId));
  return { count: Number(row?.count ?? 0), lastOn: row?.lastOn ?? null };
}

/** Risk flags not yet acknowledged by a supervisor. */
export async function openFlagsPart(scope: SummaryScope): Promise<number> {
  const [row] = await scope.db
    .select({ count: sql<number>`count(*)::int` })
    .from(riskFlags)
    .where(and(eq(riskFlags.caseId, scope.caseId), isNull(riskFlags.acknowledgedAt)));
  return Number(row?.count ?? 0);
}
