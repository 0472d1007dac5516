import { randomUUID } from "node:crypto";
import { type z } from "zod";
import { DomainError, seriesOccurrences, type bookAppointmentInput, type bookSeriesInput, type TimeSpan } from "@lentera/domain";
import { appointments, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import type { CaseHandle } from "../cases/access";
import { claimTime, refuseClashes } from "./clash";
import { requireBookableCase, requireBookableStaff, requireGoalKeys } from "./guards";
import { agencyTimeZone, appointmentColumns } from "./load";

type BookInput = z.output<typeof bookAppointmentInput>;
type SeriesInput = z.output<typeof bookSeriesInput>;
const spanOf = (input: TimeSpan) => ({ startsAt: input.startsAt, endsAt: input.endsAt });

/** The case, staff member and goals of a new booking, checked. */
async function prepareBooking(ctx: AuthedContext, tx: Transaction, input: BookInput): Promise<CaseHandle> {
  const handle = await requireBookableCase(ctx, tx, input.caseId);
  await requireBookableStaff(ctx, tx, handle, input.staffUserId);
  await requireGoalKeys(tx, handle.id, input.goalKeys);
  return handle;
}

function newRows(ctx: AuthedContext, handle: CaseHandle, input: BookInput, spans: readonly TimeSpan[], seriesId: string | null) {
  const now = ctx.clock();
  return spans.map((span) => ({
    agencyId: ctx.user.agencyId,
    caseId: handle.id,
    staffUserId: input.staffUserId,
    kind: input.kind,
    mode: input.mode,
    startsAt: span.startsAt,
    endsAt: span.endsAt,
    place: input.place ?? null,
    notes: input.notes ?? null,
    goalKeys: input.goalKeys,
    seriesId,
    createdBy: ctx.user.id,
    createdAt: now,
    updatedAt: now,
  }));
}

/** Books one appointment; the exclusion constraint refuses a clash, even against a racing request. */
export async function bookAppointment(ctx: AuthedContext, input: BookInput) {
  return ctx.db.transaction(async (tx) => {
    const handle = await prepareBooking(ctx, tx, input);
    const spans = [spanOf(input)];
    const [row] = await claimTime(tx, [{ staffUserId: input.staffUserId, spans }], (savepoint) =>
      savepoint.insert(appointments).values(newRows(ctx, handle, input, spans, null)).returning(appointmentColumns),
    );
    if (!row) throw new Error("appointment insert returned no row");
    await auditCase(ctx, tx, handle.id, {
      action: "appointment.booked",
      entityType: "appointment",
      entityId: row.id,
      details: { kind: row.kind, staffUserId: row.staffUserId, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() },
    });
    return row;
  });
}

/**
 * Books a weekly or fortnightly series in one transaction: every occurrence is checked first and a
 * clash in any of them is reported (all of them named) before anything is saved.
 */
export async function bookSeries(ctx: AuthedContext, input: SeriesInput) {
  return ctx.db.transaction(async (tx) => {
    const handle = await prepareBooking(ctx, tx, input);
    const zone = await agencyTimeZone(ctx, tx);
    const spans = seriesOccurrences(spanOf(input), { frequency: input.frequency, count: input.count, until: input.until }, zone);
    if (spans.length < 2) throw new DomainError("invalid_input", "series_too_short");
    const claims = [{ staffUserId: input.staffUserId, spans }];
    await refuseClashes(tx, claims);
    const seriesId = randomUUID();
    const rows = await claimTime(tx, claims, (savepoint) =>
      savepoint.insert(appointments).values(newRows(ctx, handle, input, spans, seriesId)).returning(appointmentColumns),
    );
    await auditCase(ctx, tx, handle.id, {
      action: "appointment.series_booked",
      entityType: "appointment_series",
      entityId: seriesId,
      details: {
        kind: input.kind,
        staffUserId: input.staffUserId,
        frequency: input.frequency,
        occurrences: rows.length,
        firstStartsAt: input.startsAt.toISOString(),
      },
    });
    return { seriesId, appointments: rows };
  });
}
