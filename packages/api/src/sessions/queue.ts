import { canSupervise, DomainError, UNSIGNED_NOTE_HOURS, type SupervisionQueue } from "@lentera/domain";
import {
  and,
  appointments,
  asc,
  cases,
  clients,
  desc,
  eq,
  inArray,
  isNull,
  lt,
  riskFlags,
  screeningResults,
  screeningReviews,
  sessionNotes,
  sql,
  users,
  type SQL,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { loadFlags } from "./flags";

/** At most this many rows per list: a queue longer than that is a staffing problem, not a page to scroll. */
export const QUEUE_LIMIT = 200;

/** The teams whose cases the caller supervises, by the domain rule (a supervisor of each team they belong to). */
export function supervisedTeams(ctx: AuthedContext): string[] {
  return ctx.user.teamIds.filter((teamId) => canSupervise(ctx.user, { agencyId: ctx.user.agencyId, teamId }));
}

/**
 * Whether a session took place, as the metadata shows it: from the appointment when the note was
 * logged from one; a note without one records a session that took place.
 */
const attendance = sql<"attended" | "no_show" | "scheduled">`case when ${appointments.status} in ('no_show', 'scheduled') then ${appointments.status} else 'attended' end`;

/** Drafts left unsigned more than UNSIGNED_NOTE_HOURS after they were started: the queue's rule, also counted per worker on My work. */
export function staleDraftCondition(ctx: AuthedContext): SQL {
  const unsignedBefore = new Date(ctx.clock().getTime() - UNSIGNED_NOTE_HOURS * 60 * 60 * 1000);
  // The literal 'draft' (not a parameter) lets even a generic prepared plan use the partial index.
  return sql`(${sessionNotes.status} = 'draft' and ${lt(sessionNotes.createdAt, unsignedBefore)})`;
}

/** Drafts left unsigned too long on the caller's agency's cases matching `scope` (metadata only), oldest first. */
export async function staleDrafts(ctx: AuthedContext, scope: SQL | undefined, limit: number) {
  const rows = await ctx.db
    .select({
      id: sessionNotes.id,
      caseId: sessionNotes.caseId,
      caseNumber: cases.caseNumber,
      alias: clients.alias,
      appointmentId: sessionNotes.appointmentId,
      counselorId: users.id,
      counselorName: users.displayName,
      sessionDate: sessionNotes.sessionDate,
      durationMinutes: sessionNotes.durationMinutes,
      modality: sessionNotes.modality,
      attendance,
      status: sessionNotes.status,
      signedAt: sessionNotes.signedAt,
      createdAt: sessionNotes.createdAt,
    })
    .from(sessionNotes)
    .innerJoin(cases, eq(cases.id, sessionNotes.caseId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, sessionNotes.counselorId))
    .leftJoin(appointments, eq(appointments.id, sessionNotes.appointmentId))
    .where(and(eq(sessionNotes.agencyId, ctx.user.agencyId), staleDraftCondition(ctx), scope))
    .orderBy(asc(sessionNotes.createdAt), asc(sessionNotes.id))
    .limit(limit);
  return rows.map(({ counselorId, counselorName, ...note }) => ({ ...note, counselor: { id: counselorId, name: counselorName } }));
}

/** Open risk flags (until acknowledged with an action taken) on the caller's agency's cases matching `scope`, oldest first. */
export function openFlags(ctx: AuthedContext, scope: SQL | undefined, limit: number) {
  return loadFlags(ctx, ctx.db, and(isNull(riskFlags.acknowledgedAt), scope), {
    orderBy: [asc(riskFlags.raisedAt), asc(riskFlags.id)],
    limit,
  });
}

/** Positive screens not yet reviewed, from notes of any status, on the caller's agency's cases matching `scope`; newest first. */
export async function unreviewedPositiveScreens(ctx: AuthedContext, scope: SQL | undefined, limit: number) {
  const rows = await ctx.db
    .select({
      id: screeningResults.id,
      caseId: screeningResults.caseId,
      caseNumber: cases.caseNumber,
      alias: clients.alias,
      noteId: screeningResults.noteId,
      counselorId: users.id,
      counselorName: users.displayName,
      sessionDate: screeningResults.sessionDate,
      instrumentCode: screeningResults.instrumentCode,
      total: screeningResults.total,
      band: screeningResults.band,
      criticalItems: screeningResults.criticalItems,
    })
    .from(screeningResults)
    .innerJoin(sessionNotes, eq(sessionNotes.id, screeningResults.noteId))
    .innerJoin(cases, eq(cases.id, screeningResults.caseId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, sessionNotes.counselorId))
    .leftJoin(screeningReviews, eq(screeningReviews.screeningId, screeningResults.id))
    .where(and(eq(screeningResults.agencyId, ctx.user.agencyId), eq(screeningResults.positive, true), isNull(screeningReviews.screeningId), scope))
    .orderBy(desc(screeningResults.sessionDate), desc(screeningResults.createdAt), desc(screeningResults.id))
    .limit(limit);
  return rows.map(({ counselorId, counselorName, ...screen }) => ({ ...screen, counselor: { id: counselorId, name: counselorName } }));
}

/**
 * The supervisor's queue, for the cases of the teams they supervise in their agency:
 * - drafts left unsigned more than 48 hours after they were started (metadata only, oldest first);
 * - open risk flags (oldest first), until acknowledged with an action taken;
 * - positive screens not yet reviewed, from notes of any status (newest first).
 * Anyone without the supervisor role: FORBIDDEN `supervisor_only`; a supervisor of no team gets
 * empty lists.
 */
export async function supervisionQueue(ctx: AuthedContext): Promise<SupervisionQueue> {
  if (!ctx.user.roles.includes("supervisor")) throw new DomainError("forbidden", "supervisor_only");
  const teams = supervisedTeams(ctx);
  if (teams.length === 0) return { unsignedNotes: [], openFlags: [], positiveScreens: [] };
  const ofTeams = and(eq(cases.agencyId, ctx.user.agencyId), inArray(cases.teamId, teams));
  const [unsignedNotes, flags, positiveScreens] = await Promise.all([
    staleDrafts(ctx, ofTeams, QUEUE_LIMIT),
    openFlags(ctx, ofTeams, QUEUE_LIMIT),
    unreviewedPositiveScreens(ctx, ofTeams, QUEUE_LIMIT),
  ]);
  return { unsignedNotes, openFlags: flags, positiveScreens };
}
