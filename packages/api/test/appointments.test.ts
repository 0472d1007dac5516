import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, appointments, auditEvents, cases, count, eq, sql } from "@lentera/db";
import { formatInZone, tomorrowIn } from "@lentera/domain";
import { domainCause, expectCode } from "./expect-error";
import { appointmentWorld, DAY, HOUR, slot } from "./appointments-fixture";

let w: Awaited<ReturnType<typeof appointmentWorld>>;
beforeAll(async () => {
  w = await appointmentWorld();
});
afterAll(() => w.t.close());

const booking = (caseId: string, staffUserId: string, span: { startsAt: Date; endsAt: Date }) => ({
  caseId,
  staffUserId,
  kind: "counseling" as const,
  mode: "in_person" as const,
  ...span,
});

async function appointmentAudits(caseId: string) {
  const [row] = await w.t.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.caseId, caseId), sql`${auditEvents.action} like 'appointment.%'`));
  return row?.n ?? 0;
}

describe("booking without double-booking", () => {
  it("books a counseling appointment for a counselor and writes its audit event in the same transaction", async () => {
    const { caseId } = await w.newCase();
    const span = slot(10);
    const booked = await w.sw.api.appointments.book({ ...booking(caseId, w.counselor.user.id, span), place: "Room 2", notes: "Bring the school report" });
    expect(booked).toMatchObject({ status: "scheduled", staffUserId: w.counselor.user.id, kind: "counseling", version: 0, place: "Room 2" });
    expect(booked.startsAt.toISOString()).toBe(span.startsAt.toISOString());
    const tab = await w.counselor.api.appointments.byCase({ caseId });
    expect(tab.timeZone).toBe("Asia/Jakarta");
    expect(tab.permissions.book).toBe(true);
    expect(tab.appointments.map((a) => a.id)).toEqual([booked.id]);
    expect(tab.appointments[0]?.staffName).toBe(w.counselor.user.displayName);
    const events = await w.t.auditFor(booked.id);
    expect(events.map((e) => e.action)).toEqual(["appointment.booked"]);
  });

  it("lets exactly one of fifty parallel bookings of one slot succeed; the rest get CONFLICT naming its time", async () => {
    const { caseId } = await w.newCase();
    const { user } = await w.freshCounselor();
    const span = slot(11);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => w.sw.api.appointments.book(booking(caseId, user.id, span))));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const failed of lost) {
      if (!(failed instanceof TRPCError)) throw new Error("expected a tRPC error");
      expect(failed.code).toBe("CONFLICT");
      const { reason, details } = domainCause(failed);
      expect(reason).toBe("appointment_clash");
      expect(details).toMatchObject({ startsAt: span.startsAt.toISOString(), endsAt: span.endsAt.toISOString() });
    }
    const [rows] = await w.t.db.select({ n: count() }).from(appointments).where(eq(appointments.staffUserId, user.id));
    expect(rows?.n).toBe(1);
    // The 49 failed bookings left no audit event behind.
    expect(await appointmentAudits(caseId)).toBe(1);
  });

  it("allows back-to-back appointments and refuses an overlap of one minute", async () => {
    const { caseId } = await w.newCase();
    const { user } = await w.freshCounselor();
    const first = slot(12, 2, 60);
    await w.sw.api.appointments.book(booking(caseId, user.id, first));
    const next = { startsAt: first.endsAt, endsAt: new Date(first.endsAt.getTime() + HOUR) };
    await expect(w.sw.api.appointments.book(booking(caseId, user.id, next))).resolves.toMatchObject({ status: "scheduled" });
    const before = { startsAt: new Date(first.startsAt.getTime() - HOUR), endsAt: new Date(first.startsAt.getTime() + 60_000) };
    const error = await expectCode(w.sw.api.appointments.book(booking(caseId, user.id, before)), "CONFLICT");
    expect(domainCause(error).details).toMatchObject({ startsAt: first.startsAt.toISOString(), endsAt: first.endsAt.toISOString() });
    // Another staff member is free at that time.
    await expect(w.sw.api.appointments.book(booking(caseId, w.sw.user.id, before))).resolves.toMatchObject({ status: "scheduled" });
  });

  it("frees the slot when an appointment is cancelled (a reason is required)", async () => {
    const { caseId } = await w.newCase();
    const { user } = await w.freshCounselor();
    const span = slot(13);
    const booked = await w.sw.api.appointments.book(booking(caseId, user.id, span));
    await expectCode(w.sw.api.appointments.cancel({ appointmentId: booked.id, version: 0, reason: "  " }), "BAD_REQUEST");
    const cancelled = await w.sw.api.appointments.cancel({ appointmentId: booked.id, version: 0, reason: "Client is ill" });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "Client is ill", version: 1 });
    await expect(w.sw.api.appointments.book(booking(caseId, user.id, span))).resolves.toMatchObject({ status: "scheduled" });
    const again = await expectCode(w.sw.api.appointments.cancel({ appointmentId: booked.id, version: 1, reason: "twice" }), "CONFLICT");
    expect(domainCause(again).reason).toBe("appointment_not_scheduled");
    expect((await w.t.auditFor(booked.id)).map((e) => e.action)).toEqual(["appointment.cancelled", "appointment.booked"]);
  });

  it("refuses staff outside the case's team, goals not in the plan, and a closed case", async () => {
    const { caseId } = await w.newCase();
    const span = slot(14);
    const offTeam = await expectCode(w.sw.api.appointments.book(booking(caseId, w.supervisorB.user.id, span)), "BAD_REQUEST");
    expect(domainCause(offTeam).reason).toBe("staff_not_bookable");
    const goal = await expectCode(w.sw.api.appointments.book({ ...booking(caseId, w.sw.user.id, span), goalKeys: [randomUUID()] }), "BAD_REQUEST");
    expect(domainCause(goal).reason).toBe("unknown_goal");
    await expectCode(w.sw.api.appointments.book({ ...booking(caseId, w.sw.user.id, span), endsAt: span.startsAt }), "BAD_REQUEST");
    const staff = await w.sw.api.appointments.staffOptions({ caseId });
    expect(staff.map((s) => s.id)).toEqual(expect.arrayContaining([w.sw.user.id, w.counselor.user.id, w.supervisor.user.id]));
    expect(staff.map((s) => s.id)).not.toContain(w.supervisorB.user.id);
    await w.t.db.update(cases).set({ status: "closed", closedAt: new Date() }).where(eq(cases.id, caseId));
    const closed = await expectCode(w.sw.api.appointments.book(booking(caseId, w.sw.user.id, span)), "CONFLICT");
    expect(domainCause(closed).reason).toBe("case_closed");
    expect((await w.sw.api.appointments.byCase({ caseId })).permissions.book).toBe(false);
  });
});

describe("recurring series", () => {
  it("books weekly occurrences in one transaction", async () => {
    const { caseId } = await w.newCase();
    const { user } = await w.freshCounselor();
    const series = await w.sw.api.appointments.bookSeries({ ...booking(caseId, user.id, slot(20)), frequency: "weekly", count: 4 });
    expect(series.appointments).toHaveLength(4);
    expect(new Set(series.appointments.map((a) => a.seriesId))).toEqual(new Set([series.seriesId]));
    const gaps = series.appointments.slice(1).map((a, i) => a.startsAt.getTime() - (series.appointments[i]?.startsAt.getTime() ?? 0));
    expect(gaps).toEqual([7 * DAY, 7 * DAY, 7 * DAY]);
    const biweekly = await w.sw.api.appointments.bookSeries({
      ...booking(caseId, user.id, slot(21)),
      frequency: "biweekly",
      until: slot(21 + 28).startsAt.toISOString().slice(0, 10),
    });
    expect(biweekly.appointments).toHaveLength(3);
    expect((await w.t.auditFor(series.seriesId)).map((e) => e.action)).toEqual(["appointment.series_booked"]);
  });

  it("saves nothing when one occurrence clashes, and names that occurrence's time", async () => {
    const { caseId } = await w.newCase();
    const { user } = await w.freshCounselor();
    const taken = slot(40 + 14, 2, 30, Date.now());
    await w.sw.api.appointments.book(booking(caseId, user.id, taken));
    const auditsBefore = await appointmentAudits(caseId);
    const first = slot(40);
    const error = await expectCode(w.sw.api.appointments.bookSeries({ ...booking(caseId, user.id, first), frequency: "weekly", count: 6 }), "CONFLICT");
    const { reason, details } = domainCause(error);
    expect(reason).toBe("appointment_clash");
    expect(details?.clashes).toEqual([
      {
        occurrence: { startsAt: new Date(first.startsAt.getTime() + 14 * DAY).toISOString(), endsAt: new Date(first.endsAt.getTime() + 14 * DAY).toISOString() },
        existing: { startsAt: taken.startsAt.toISOString(), endsAt: taken.endsAt.toISOString() },
      },
    ]);
    const [rows] = await w.t.db.select({ n: count() }).from(appointments).where(eq(appointments.staffUserId, user.id));
    expect(rows?.n).toBe(1);
    expect(await appointmentAudits(caseId)).toBe(auditsBefore);
  });

  it("moves this and the following occurrences, all or nothing", async () => {
    const { caseId } = await w.newCase();
    const { user } = await w.freshCounselor();
    const series = await w.sw.api.appointments.bookSeries({ ...booking(caseId, user.id, slot(60)), frequency: "weekly", count: 4 });
    const [a0, a1, a2, a3] = series.appointments;
    if (!a0 || !a1 || !a2 || !a3) throw new Error("series not booked");
    // Another case holds the hour after the last occurrence: moving by an hour clashes there only.
    const other = await w.newCase();
    const blocker = await w.sw.api.appointments.book(booking(other.caseId, user.id, { startsAt: a3.endsAt, endsAt: new Date(a3.endsAt.getTime() + HOUR) }));
    const moved = { startsAt: new Date(a1.startsAt.getTime() + HOUR), endsAt: new Date(a1.endsAt.getTime() + HOUR) };
    const error = await expectCode(w.sw.api.appointments.updateSeries({ appointmentId: a1.id, version: a1.version, ...moved }), "CONFLICT");
    expect(domainCause(error).details?.clashes).toHaveLength(1);
    expect((await w.sw.api.appointments.byCase({ caseId })).appointments.map((a) => a.version)).toEqual([0, 0, 0, 0]);

    await w.sw.api.appointments.cancel({ appointmentId: blocker.id, version: blocker.version, reason: "moved elsewhere" });
    const result = await w.sw.api.appointments.updateSeries({ appointmentId: a1.id, version: a1.version, ...moved });
    expect(result.appointments.map((a) => a.id)).toEqual([a1.id, a2.id, a3.id]);
    const after = (await w.sw.api.appointments.byCase({ caseId })).appointments;
    const startOf = new Map(series.appointments.map((a) => [a.id, a.startsAt.getTime()]));
    expect(after.map((a) => a.startsAt.getTime() - (startOf.get(a.id) ?? 0))).toEqual([0, HOUR, HOUR, HOUR]);

    // Hand the rest of the series to another counselor.
    const next = after[2];
    if (!next) throw new Error("missing occurrence");
    const handed = await w.sw.api.appointments.updateSeries({ appointmentId: next.id, version: next.version, staffUserId: w.counselor.user.id });
    expect(handed.appointments.map((a) => a.staffUserId)).toEqual([w.counselor.user.id, w.counselor.user.id]);
    const single = await expectCode(w.sw.api.appointments.updateSeries({ appointmentId: blocker.id, version: blocker.version + 1, staffUserId: user.id }), "CONFLICT");
    expect(domainCause(single).reason).toBe("appointment_not_scheduled");
  });
});

describe("moving an appointment", () => {
  it("re-checks clashes when the time or the staff member changes, and refuses a stale version", async () => {
    const { caseId } = await w.newCase();
    const { user } = await w.freshCounselor();
    const a = await w.sw.api.appointments.book(booking(caseId, user.id, slot(80, 2)));
    const b = await w.sw.api.appointments.book(booking(caseId, user.id, slot(80, 4)));
    const onto = await expectCode(w.sw.api.appointments.update({ appointmentId: b.id, version: 0, startsAt: a.startsAt, endsAt: a.endsAt }), "CONFLICT");
    expect(domainCause(onto)).toMatchObject({ reason: "appointment_clash", details: { startsAt: a.startsAt.toISOString() } });
    // Lengthening itself over its own old time is no clash.
    const longer = await w.sw.api.appointments.update({ appointmentId: b.id, version: 0, startsAt: b.startsAt, endsAt: new Date(b.endsAt.getTime() + HOUR), place: "Home visit room" });
    expect(longer).toMatchObject({ version: 1, place: "Home visit room" });
    await expectCode(w.sw.api.appointments.update({ appointmentId: b.id, version: 0, notes: "stale" }), "CONFLICT");
    const busy = await w.sw.api.appointments.book(booking(caseId, w.counselor.user.id, slot(80, 2)));
    await expectCode(w.sw.api.appointments.update({ appointmentId: a.id, version: 0, staffUserId: w.counselor.user.id }), "CONFLICT");
    await w.sw.api.appointments.cancel({ appointmentId: busy.id, version: 0, reason: "freed" });
    await expect(w.sw.api.appointments.update({ appointmentId: a.id, version: 0, staffUserId: w.counselor.user.id })).resolves.toMatchObject({ staffUserId: w.counselor.user.id });
    const events = await w.t.auditFor(b.id);
    expect(events[0]?.action).toBe("appointment.updated");
    expect(events[0]?.changes).toMatchObject({ place: { from: "[redacted]", to: "[redacted]" } });
  });

  it("reschedules into a new linked appointment in one transaction, clash-checked", async () => {
    const { caseId } = await w.newCase();
    const { user } = await w.freshCounselor();
    const original = await w.sw.api.appointments.book(booking(caseId, user.id, slot(90, 2)));
    const other = await w.sw.api.appointments.book(booking(caseId, user.id, slot(90, 5)));
    await expectCode(w.sw.api.appointments.reschedule({ appointmentId: original.id, version: 0, startsAt: other.startsAt, endsAt: other.endsAt }), "CONFLICT");
    expect((await w.t.db.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, original.id)))[0]?.status).toBe("scheduled");
    // Half an hour later overlaps only its own old time, which it gives up.
    const later = { startsAt: new Date(original.startsAt.getTime() + HOUR / 2), endsAt: new Date(original.endsAt.getTime() + HOUR / 2) };
    const { old, replacement } = await w.sw.api.appointments.reschedule({ appointmentId: original.id, version: 0, ...later });
    expect(old).toMatchObject({ status: "rescheduled", rescheduledToId: replacement.id, version: 1 });
    expect(replacement).toMatchObject({ status: "scheduled", staffUserId: user.id, kind: "counseling" });
    expect((await w.t.auditFor(original.id)).map((e) => e.action)).toEqual(["appointment.rescheduled", "appointment.booked"]);
    // The old slot is free again.
    await expect(w.sw.api.appointments.book(booking(caseId, user.id, { startsAt: original.startsAt, endsAt: later.startsAt }))).resolves.toBeDefined();
  });
});

describe("attendance", () => {
  it("refuses an outcome for the future, records one for the past, and lists overdue outcomes for their owner", async () => {
    const { caseId } = await w.newCase();
    const counselor = await w.freshCounselor();
    const future = await w.sw.api.appointments.book(booking(caseId, counselor.user.id, slot(5)));
    const refused = await expectCode(counselor.api.appointments.recordOutcome({ appointmentId: future.id, version: 0, outcome: "attended" }), "BAD_REQUEST");
    expect(domainCause(refused).reason).toBe("appointment_in_future");

    const past = await w.sw.api.appointments.book(booking(caseId, counselor.user.id, slot(-3)));
    const pastToo = await w.sw.api.appointments.book(booking(caseId, counselor.user.id, slot(-2)));
    expect((await counselor.api.appointments.overdueOutcomes()).map((a) => a.id)).toEqual([past.id, pastToo.id]);
    const reminders = await counselor.api.appointments.reminders();
    expect(reminders.overdueOutcomes.map((a) => a.id)).toEqual([past.id, pastToo.id]);
    expect(await w.sw.api.appointments.overdueOutcomes()).not.toEqual(expect.arrayContaining([expect.objectContaining({ id: past.id })]));

    // The counselor booked is not on this case's care team, and still records their own outcome.
    const attended = await counselor.api.appointments.recordOutcome({ appointmentId: past.id, version: 0, outcome: "attended" });
    expect(attended).toMatchObject({ status: "attended", version: 1 });
    expect(attended.outcomeRecordedAt).toBeInstanceOf(Date);
    await w.sw.api.appointments.recordOutcome({ appointmentId: pastToo.id, version: 0, outcome: "no_show" });
    expect(await counselor.api.appointments.overdueOutcomes()).toEqual([]);
    expect((await w.t.auditFor(past.id)).map((e) => e.action)).toEqual(["appointment.outcome_recorded", "appointment.booked"]);
    // A cancelled appointment has no outcome.
    const cancelled = await w.sw.api.appointments.book(booking(caseId, counselor.user.id, slot(-1)));
    await w.sw.api.appointments.cancel({ appointmentId: cancelled.id, version: 0, reason: "holiday" });
    await expectCode(w.sw.api.appointments.recordOutcome({ appointmentId: cancelled.id, version: 1, outcome: "attended" }), "CONFLICT");
  });

  it("computes no-show rates per case and per staff member", async () => {
    const first = await w.newCase();
    const second = await w.newCase();
    const staffA = await w.freshCounselor();
    const staffB = await w.freshCounselor();
    const outcomes: [string, string, number, "attended" | "no_show"][] = [
      [first.caseId, staffA.user.id, -30, "attended"],
      [first.caseId, staffA.user.id, -29, "no_show"],
      [first.caseId, staffB.user.id, -28, "attended"],
      [first.caseId, staffB.user.id, -27, "attended"],
      [second.caseId, staffA.user.id, -26, "no_show"],
    ];
    for (const [caseId, staffUserId, days, outcome] of outcomes) {
      const booked = await w.sw.api.appointments.book(booking(caseId, staffUserId, slot(days)));
      await w.sw.api.appointments.recordOutcome({ appointmentId: booked.id, version: 0, outcome });
    }
    const range = { from: new Date(Date.now() - 40 * DAY), to: new Date() };
    const forCase = await w.sw.api.appointments.noShowRates({ ...range, caseId: first.caseId });
    expect(forCase.byCase).toEqual([{ caseId: first.caseId, caseNumber: expect.any(String) as string, attended: 3, noShow: 1, rate: 0.25 }]);
    expect(forCase.byStaff.find((s) => s.staffUserId === staffA.user.id)).toMatchObject({ attended: 1, noShow: 1, rate: 0.5 });
    expect(forCase.byStaff.find((s) => s.staffUserId === staffB.user.id)).toMatchObject({ attended: 2, noShow: 0, rate: 0 });
    const team = await w.supervisor.api.appointments.noShowRates(range);
    expect(team.byCase.find((c) => c.caseId === second.caseId)).toMatchObject({ attended: 0, noShow: 1, rate: 1 });
    expect(team.byStaff.find((s) => s.staffUserId === staffA.user.id)).toMatchObject({ attended: 1, noShow: 2 });
    const otherTeam = await w.supervisorB.api.appointments.noShowRates(range);
    expect(otherTeam.byCase.map((c) => c.caseId)).not.toContain(first.caseId);
  });
});

describe("time zones and reminders", () => {
  it("returns instants with the agency's zone; a viewer in Ho Chi Minh City sees the zone named", async () => {
    const { caseId } = await w.newCase();
    const counselor = await w.freshCounselor();
    const booked = await w.sw.api.appointments.book(booking(caseId, counselor.user.id, slot(100, 2)));
    const week = await counselor.api.appointments.calendar({ from: new Date(booked.startsAt.getTime() - 3 * DAY), to: new Date(booked.startsAt.getTime() + 4 * DAY) });
    expect(week.timeZone).toBe("Asia/Jakarta");
    const shown = week.appointments[0];
    if (!shown) throw new Error("not in the calendar");
    // 02:00 UTC is 09:00 in both Jakarta and Ho Chi Minh City; the viewer's zone is named as it is not the agency's.
    expect(formatInZone(shown.startsAt, "Asia/Jakarta", "id", week.timeZone)).not.toContain("Asia/");
    expect(formatInZone(shown.startsAt, "Asia/Ho_Chi_Minh", "vi", week.timeZone)).toMatch(/09:00.*\(Asia\/Ho_Chi_Minh\)/);
  });

  it("lets an administrator set a valid IANA zone, which decides what tomorrow is for reminders", async () => {
    const settings = await w.admin.api.admin.settings.get();
    expect(settings.timeZone).toBe("Asia/Jakarta");
    const base = { optionalPlanDomains: settings.optionalPlanDomains, allowPlanSelfApproval: settings.allowPlanSelfApproval, reviewIntervalDays: settings.reviewIntervalDays };
    await expectCode(w.admin.api.admin.settings.update({ ...base, version: settings.version, timeZone: "Asia/Atlantis" }), "BAD_REQUEST");
    const updated = await w.admin.api.admin.settings.update({ ...base, version: settings.version, timeZone: "Asia/Jayapura" });
    expect(updated.timeZone).toBe("Asia/Jayapura");
    // The web's form without the field keeps the zone.
    const kept = await w.admin.api.admin.settings.update({ ...base, version: updated.version });
    expect(kept.timeZone).toBe("Asia/Jayapura");

    const { caseId } = await w.newCase();
    const counselor = await w.freshCounselor();
    const tomorrow = tomorrowIn(new Date(), "Asia/Jayapura");
    const early = await w.sw.api.appointments.book(booking(caseId, counselor.user.id, { startsAt: new Date(tomorrow.from.getTime() + HOUR), endsAt: new Date(tomorrow.from.getTime() + 2 * HOUR) }));
    await w.sw.api.appointments.book(booking(caseId, counselor.user.id, { startsAt: tomorrow.to, endsAt: new Date(tomorrow.to.getTime() + HOUR) }));
    const reminders = await counselor.api.appointments.reminders();
    expect(reminders.timeZone).toBe("Asia/Jayapura");
    expect(reminders.tomorrow.map((a) => a.id)).toEqual([early.id]);
    await w.admin.api.admin.settings.update({ ...base, version: kept.version, timeZone: "Asia/Jakarta" });
  });
});
