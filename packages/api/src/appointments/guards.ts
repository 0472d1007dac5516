import { DomainError, isOpenAppointment } from "@lentera/domain";
import { and, eq, inArray, planGoals, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess, type CaseHandle } from "../cases/access";
import { activeTeamStaff } from "../cases/team-staff";
import { caseClosed } from "../plans/draft";
import { findAppointment } from "./load";

/** The case, for booking by its care team or supervisor; a closed case takes no new bookings. */
export async function requireBookableCase(ctx: AuthedContext, tx: Transaction, caseId: string): Promise<CaseHandle> {
  const handle = await requireCaseAccess(ctx, caseId, "book_appointment", tx);
  if (handle.status === "closed") throw caseClosed();
  return handle;
}

/** Only active staff of the case's team can be booked. */
export async function requireBookableStaff(ctx: AuthedContext, tx: Transaction, handle: CaseHandle, staffUserId: string): Promise<void> {
  const staff = await activeTeamStaff(tx, ctx.user.agencyId, handle.teamId);
  if (!staff.some((member) => member.id === staffUserId)) throw new DomainError("invalid_input", "staff_not_bookable");
}

/** Goal keys must be goals of the case's plan (any version). */
export async function requireGoalKeys(tx: Transaction, caseId: string, goalKeys: readonly string[]): Promise<void> {
  const wanted = [...new Set(goalKeys)];
  if (wanted.length === 0) return;
  const found = await tx
    .selectDistinct({ key: planGoals.goalKey })
    .from(planGoals)
    .where(and(eq(planGoals.caseId, caseId), inArray(planGoals.goalKey, wanted)));
  if (found.length !== wanted.length) throw new DomainError("invalid_input", "unknown_goal");
}

export interface ChangeOptions {
  /** Refuse when the case is closed (moving or rebooking); cancelling is still allowed. */
  openCase: boolean;
  /** Refuse unless the appointment is still scheduled. */
  scheduled: boolean;
}

/**
 * An appointment locked for a change by someone who may book on its case, at the version the
 * caller saw. Access is checked before the version, so a stranger learns nothing from CONFLICT.
 */
export async function lockForChange(
  ctx: AuthedContext,
  tx: Transaction,
  ref: { appointmentId: string; version: number },
  options: ChangeOptions,
) {
  const seen = await findAppointment(ctx, tx, ref.appointmentId);
  const handle = options.openCase ? await requireBookableCase(ctx, tx, seen.caseId) : await requireCaseAccess(ctx, seen.caseId, "book_appointment", tx);
  const current = await findAppointment(ctx, tx, ref.appointmentId, { lock: true });
  if (current.version !== ref.version) throw new DomainError("stale_version");
  if (options.scheduled && !isOpenAppointment(current.status)) throw new DomainError("conflict", "appointment_not_scheduled");
  return { handle, current };
}
