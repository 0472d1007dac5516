import { DomainError, isAwaitingVerification, type Milestone, type MilestoneEvent } from "@lentera/domain";
import { agencies, and, asc, caseMilestones, desc, eq, inArray, milestoneEvents, users, type Executor, type SQL } from "@lentera/db";
import type { AuthedContext } from "../trpc";

/** The columns of a milestone every service reads. */
const milestoneColumns = {
  id: caseMilestones.id,
  caseId: caseMilestones.caseId,
  catalogKey: caseMilestones.catalogKey,
  customTitle: caseMilestones.customTitle,
  domain: caseMilestones.domain,
  status: caseMilestones.status,
  targetDate: caseMilestones.targetDate,
  achievedOn: caseMilestones.achievedOn,
  evidenceNote: caseMilestones.evidenceNote,
  goalKey: caseMilestones.goalKey,
  verificationRequired: caseMilestones.verificationRequired,
  verifiedBy: caseMilestones.verifiedBy,
  verifiedAt: caseMilestones.verifiedAt,
  createdBy: caseMilestones.createdBy,
  createdAt: caseMilestones.createdAt,
  updatedAt: caseMilestones.updatedAt,
  version: caseMilestones.version,
};

/** A milestone of the caller's agency; `lock` takes it FOR UPDATE inside a change. NOT_FOUND otherwise. */
export async function findMilestone(ctx: AuthedContext, executor: Executor, milestoneId: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select(milestoneColumns)
    .from(caseMilestones)
    .where(and(eq(caseMilestones.id, milestoneId), eq(caseMilestones.agencyId, ctx.user.agencyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new DomainError("not_found");
  return row;
}

export type MilestoneRow = Awaited<ReturnType<typeof findMilestone>>;

/**
 * The milestones matching `where` (already scoped to a case the caller may read) with their whole
 * history, oldest event first, and the names of the people in them. Three queries, whatever the count.
 */
export async function loadMilestones(ctx: AuthedContext, executor: Executor, where: SQL | undefined): Promise<Milestone[]> {
  const rows = await executor
    .select(milestoneColumns)
    .from(caseMilestones)
    .where(and(eq(caseMilestones.agencyId, ctx.user.agencyId), where))
    .orderBy(asc(caseMilestones.createdAt), asc(caseMilestones.id));
  if (rows.length === 0) return [];
  const events = await executor
    .select({
      id: milestoneEvents.id,
      milestoneId: milestoneEvents.milestoneId,
      kind: milestoneEvents.kind,
      fromStatus: milestoneEvents.fromStatus,
      toStatus: milestoneEvents.toStatus,
      achievedOn: milestoneEvents.achievedOn,
      note: milestoneEvents.note,
      actorId: milestoneEvents.actorId,
      occurredAt: milestoneEvents.occurredAt,
    })
    .from(milestoneEvents)
    .where(
      inArray(
        milestoneEvents.milestoneId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(milestoneEvents.occurredAt), asc(milestoneEvents.id));
  const userIds = new Set<string>();
  for (const row of rows) {
    userIds.add(row.createdBy);
    if (row.verifiedBy) userIds.add(row.verifiedBy);
  }
  for (const event of events) userIds.add(event.actorId);
  const people = await executor
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  const person = (id: string) => ({ id, name: people.find((candidate) => candidate.id === id)?.name ?? "" });

  const history = new Map<string, MilestoneEvent[]>();
  for (const { milestoneId, actorId, ...event } of events) {
    const list = history.get(milestoneId) ?? [];
    list.push({ ...event, actor: person(actorId) });
    history.set(milestoneId, list);
  }
  return rows.map(({ verifiedBy, createdBy, ...row }) => {
    const events = history.get(row.id) ?? [];
    const achievedBy = row.status === "achieved" ? lastAchievement(events)?.actor ?? null : null;
    return {
      ...row,
      awaitingVerification: isAwaitingVerification(row),
      achievedBy,
      verifiedBy: verifiedBy ? person(verifiedBy) : null,
      createdBy: person(createdBy),
      history: events,
    };
  });
}

/** One milestone with its history (after a change, in the change's transaction). */
export async function loadMilestone(ctx: AuthedContext, executor: Executor, milestoneId: string): Promise<Milestone> {
  const [milestone] = await loadMilestones(ctx, executor, eq(caseMilestones.id, milestoneId));
  if (!milestone) throw new DomainError("not_found");
  return milestone;
}

/** The status event that made the current achievement. */
function lastAchievement<T extends { kind: string; toStatus: string }>(events: readonly T[]): T | undefined {
  return events.findLast((event) => event.kind === "status" && event.toStatus === "achieved");
}

/** Who marked a milestone's current achievement (for the self-verification rule). */
export async function achievedByUserId(executor: Executor, milestoneId: string): Promise<string | null> {
  const [event] = await executor
    .select({ actorId: milestoneEvents.actorId })
    .from(milestoneEvents)
    .where(and(eq(milestoneEvents.milestoneId, milestoneId), eq(milestoneEvents.kind, "status"), eq(milestoneEvents.toStatus, "achieved")))
    .orderBy(desc(milestoneEvents.occurredAt), desc(milestoneEvents.id))
    .limit(1);
  return event?.actorId ?? null;
}

/**
 * The moment of a milestone's next event: now, or a millisecond after its last event when the clock
 * has not moved on (a fixed clock in tests, two changes in one millisecond), so that its history
 * always reads in the order it happened.
 */
export async function nextEventTime(ctx: AuthedContext, executor: Executor, milestoneId: string): Promise<Date> {
  const now = ctx.clock();
  const [last] = await executor
    .select({ occurredAt: milestoneEvents.occurredAt })
    .from(milestoneEvents)
    .where(eq(milestoneEvents.milestoneId, milestoneId))
    .orderBy(desc(milestoneEvents.occurredAt))
    .limit(1);
  if (!last || last.occurredAt < now) return now;
  return new Date(last.occurredAt.getTime() + 1);
}

/** The agency's setting now: does an achievement need a supervisor's verification? */
export async function agencyRequiresVerification(ctx: AuthedContext, executor: Executor): Promise<boolean> {
  const [row] = await executor
    .select({ required: agencies.milestoneVerificationRequired })
    .from(agencies)
    .where(eq(agencies.id, ctx.user.agencyId));
  if (!row) throw new DomainError("not_found");
  return row.required;
}
