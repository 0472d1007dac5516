import { type z } from "zod";
import { DomainError, type TimeSpan, type updateSeriesInput } from "@lentera/domain";
import { and, appointments, asc, eq, gte, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { claimTime, refuseClashes, type Claim } from "./clash";
import { lockForChange, requireBookableStaff } from "./guards";
import { appointmentColumns, type AppointmentRow } from "./load";

interface Move {
  row: AppointmentRow;
  staffUserId: string;
  span: TimeSpan;
}

/** The scheduled occurrences of a series from one start on, locked, in time order. */
function followingOccurrences(tx: Transaction, seriesId: string, from: Date) {
  return tx
    .select(appointmentColumns)
    .from(appointments)
    .where(and(eq(appointments.seriesId, seriesId), eq(appointments.status, "scheduled"), gte(appointments.startsAt, from)))
    .orderBy(asc(appointments.startsAt))
    .for("update");
}

/** One claim per staff member, each leaving out the occurrences that move. */
function claimsOf(moves: readonly Move[]): Claim[] {
  const movingIds = moves.map((move) => move.row.id);
  const byStaff = new Map<string, TimeSpan[]>();
  for (const move of moves) byStaff.set(move.staffUserId, [...(byStaff.get(move.staffUserId) ?? []), move.span]);
  return [...byStaff].map(([staffUserId, spans]) => ({ staffUserId, spans, excludeIds: movingIds }));
}

/**
 * "This and following": shifts the occurrence and the later scheduled ones of its series by the
 * same amount (the new length applies to all), and/or books them with another staff member.
 * All or nothing: every clash is reported before anything changes.
 */
export async function updateSeries(ctx: AuthedContext, input: z.output<typeof updateSeriesInput>) {
  return ctx.db.transaction(async (tx) => {
    const { handle, current } = await lockForChange(ctx, tx, input, { openCase: true, scheduled: true });
    if (!current.seriesId) throw new DomainError("invalid_input", "not_in_series");
    if (input.staffUserId) await requireBookableStaff(ctx, tx, handle, input.staffUserId);
    const shift = input.startsAt ? input.startsAt.getTime() - current.startsAt.getTime() : 0;
    const length = input.startsAt && input.endsAt ? input.endsAt.getTime() - input.startsAt.getTime() : null;
    const rows = await followingOccurrences(tx, current.seriesId, current.startsAt);
    const moves: Move[] = rows.map((row) => {
      const startsAt = new Date(row.startsAt.getTime() + shift);
      const endsAt = new Date(length === null ? row.endsAt.getTime() + shift : startsAt.getTime() + length);
      return { row, staffUserId: input.staffUserId ?? row.staffUserId, span: { startsAt, endsAt } };
    });
    const claims = claimsOf(moves);
    await refuseClashes(tx, claims);
    // Moving later, the last goes first (and the reverse), so occurrences never cross one another.
    const ordered = shift > 0 ? [...moves].reverse() : moves;
    const saved = await claimTime(tx, claims, async (savepoint) => {
      const out: AppointmentRow[] = [];
      for (const move of ordered) {
        const [row] = await savepoint
          .update(appointments)
          .set({ ...move.span, staffUserId: move.staffUserId, version: move.row.version + 1, updatedAt: ctx.clock() })
          .where(eq(appointments.id, move.row.id))
          .returning(appointmentColumns);
        if (row) out.push(row);
      }
      return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    });
    await auditCase(ctx, tx, handle.id, {
      action: "appointment.updated",
      entityType: "appointment_series",
      entityId: current.seriesId,
      details: {
        from: current.id,
        occurrences: saved.length,
        shiftMinutes: shift / 60_000,
        ...(input.staffUserId ? { staffUserId: input.staffUserId } : {}),
      },
    });
    return { seriesId: current.seriesId, appointments: saved };
  });
}
