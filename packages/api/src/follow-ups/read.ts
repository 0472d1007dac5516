import { canOnCase, localDate, type CaseFollowUps } from "@lentera/domain";
import { asc, cases, eq, followUpOutcomes, users } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess } from "../cases/access";
import { agencyTimeZone } from "../appointments/load";

/**
 * A case's post-closure follow-ups: the dates scheduled at its closure and every date with a
 * recorded outcome (reopening clears the schedule, not what was recorded), oldest first. Anyone who
 * may read the case; NOT_FOUND otherwise.
 */
export async function caseFollowUps(ctx: AuthedContext, caseId: string): Promise<CaseFollowUps> {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  const [[row], outcomes, timeZone] = await Promise.all([
    ctx.db.select({ followUpDates: cases.followUpDates }).from(cases).where(eq(cases.id, handle.id)),
    ctx.db
      .select({
        dueOn: followUpOutcomes.dueOn,
        outcome: followUpOutcomes.outcome,
        note: followUpOutcomes.note,
        reopened: followUpOutcomes.reopened,
        recordedById: followUpOutcomes.recordedBy,
        recordedByName: users.displayName,
        recordedAt: followUpOutcomes.recordedAt,
      })
      .from(followUpOutcomes)
      .innerJoin(users, eq(users.id, followUpOutcomes.recordedBy))
      .where(eq(followUpOutcomes.caseId, handle.id))
      .orderBy(asc(followUpOutcomes.dueOn)),
    agencyTimeZone(ctx),
  ]);
  const today = localDate(ctx.clock(), timeZone);
  const scheduled = new Set(row?.followUpDates ?? []);
  const dates = [...new Set([...scheduled, ...outcomes.map((outcome) => outcome.dueOn)])].sort();
  return {
    caseId: handle.id,
    caseStatus: handle.status,
    today,
    canRecord: handle.status === "closed" && canOnCase(handle.access, "update"),
    followUps: dates.map((dueOn) => {
      const recorded = outcomes.find((outcome) => outcome.dueOn === dueOn);
      return {
        dueOn,
        scheduled: scheduled.has(dueOn),
        due: dueOn <= today,
        outcome: recorded
          ? {
              outcome: recorded.outcome,
              note: recorded.note,
              reopened: recorded.reopened,
              recordedBy: { id: recorded.recordedById, name: recorded.recordedByName },
              recordedAt: recorded.recordedAt,
            }
          : null,
      };
    }),
  };
}
