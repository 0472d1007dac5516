import { type z } from "zod";
import { canOnCase, DomainError, can, MAX_APPOINTMENT_MINUTES, tomorrowIn, type calendarInput } from "@lentera/domain";
import { and, appointments, eq, gt, gte, inArray, lt, lte, or, type SQL } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess } from "../cases/access";
import { activeTeamStaff } from "../cases/team-staff";
import { agencyTimeZone } from "./load";
import { caseVisibleTo, listAppointments, staffOfSupervisedTeams } from "./list";

const OVERDUE_LIMIT = 100;

/** A case's appointments tab: every appointment, whatever its status, and whether the caller may book. */
export async function caseAppointments(ctx: AuthedContext, caseId: string) {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  const [timeZone, rows] = await Promise.all([agencyTimeZone(ctx), listAppointments(ctx, eq(appointments.caseId, handle.id))]);
  return {
    timeZone,
    appointments: rows,
    permissions: { book: handle.status !== "closed" && canOnCase(handle.access, "book_appointment") },
  };
}

/**
 * A calendar over at most 62 days: the caller's own by default, another staff member's, or a
 * supervisor's team. Only what the caller may see: their own appointments as staff, and those of
 * cases they may open. Cancelled and rescheduled ones only when asked for.
 */
export async function calendar(ctx: AuthedContext, input: z.output<typeof calendarInput>) {
  if (input.team && !can(ctx.user, "appointments.team_view")) throw new DomainError("forbidden");
  const whose: SQL | undefined = input.team
    ? staffOfSupervisedTeams(ctx)
    : eq(appointments.staffUserId, input.staffUserId ?? ctx.user.id);
  const where = and(
    whose,
    or(eq(appointments.staffUserId, ctx.user.id), caseVisibleTo(ctx)),
    lt(appointments.startsAt, input.to),
    gt(appointments.endsAt, input.from),
    // No appointment is longer than the limit (a CHECK guarantees it), so the (staff, starts_at)
    // index is read from here instead of from the staff member's first appointment ever.
    gt(appointments.startsAt, new Date(input.from.getTime() - MAX_APPOINTMENT_MINUTES * 60_000)),
    input.includeCancelled ? undefined : inArray(appointments.status, ["scheduled", "attended", "no_show"]),
  );
  const [timeZone, rows] = await Promise.all([agencyTimeZone(ctx), listAppointments(ctx, where)]);
  return { timeZone, appointments: rows };
}

/** My appointments still scheduled after they ended: each is waiting for its outcome. */
export function overdueOutcomes(ctx: AuthedContext) {
  return listAppointments(
    ctx,
    and(eq(appointments.staffUserId, ctx.user.id), eq(appointments.status, "scheduled"), lte(appointments.endsAt, ctx.clock())),
    { limit: OVERDUE_LIMIT },
  );
}

/**
 * In-app reminders, derived from the appointments (no task table to drift): my appointments of
 * tomorrow, the agency's tomorrow, and my outcomes not yet recorded.
 */
export async function reminders(ctx: AuthedContext) {
  const timeZone = await agencyTimeZone(ctx);
  const tomorrow = tomorrowIn(ctx.clock(), timeZone);
  const [upcoming, overdue] = await Promise.all([
    listAppointments(
      ctx,
      and(
        eq(appointments.staffUserId, ctx.user.id),
        eq(appointments.status, "scheduled"),
        gte(appointments.startsAt, tomorrow.from),
        lt(appointments.startsAt, tomorrow.to),
      ),
    ),
    overdueOutcomes(ctx),
  ]);
  return { timeZone, tomorrow: upcoming, overdueOutcomes: overdue };
}

/** Who can be booked for a case: the active staff of its team. */
export async function staffOptions(ctx: AuthedContext, caseId: string) {
  const handle = await requireCaseAccess(ctx, caseId, "book_appointment");
  return activeTeamStaff(ctx.db, ctx.user.agencyId, handle.teamId);
}

