import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domainCause, expectCode } from "./expect-error";
import { appointmentWorld, DAY, slot, type Actor } from "./appointments-fixture";

let w: Awaited<ReturnType<typeof appointmentWorld>>;
let caseId: string;
let alias: string;
beforeAll(async () => {
  w = await appointmentWorld();
  ({ caseId, alias } = await w.newCase());
});
afterAll(() => w.t.close());

let day = 0;
/** A fresh slot per call, so no two bookings in this file clash. */
const nextSpan = (past = false) => slot(past ? -100 + day++ : 100 + day++);
const booking = (staffUserId: string, span = nextSpan()) => ({ caseId, staffUserId, kind: "home_visit" as const, ...span });
const week = () => ({ from: new Date(Date.now() - 200 * DAY), to: new Date(Date.now() - 140 * DAY) });

describe("who may book and change appointments", () => {
  const allowed: [string, () => Actor][] = [
    ["the primary social worker", () => w.sw],
    ["a counselor on the care team", () => w.counselor],
    ["the team's supervisor", () => w.supervisor],
  ];

  it.each(allowed)("%s can use every procedure on the case", async (_name, who) => {
    const { api } = who();
    const staff = w.counselor.user.id;
    expect((await api.appointments.staffOptions({ caseId })).map((s) => s.id)).toContain(staff);
    const booked = await api.appointments.book(booking(staff));
    const series = await api.appointments.bookSeries({ ...booking(staff, slot(300 + day++ * 30)), frequency: "weekly", count: 2 });
    const [first] = series.appointments;
    if (!first) throw new Error("series not booked");
    await api.appointments.updateSeries({ appointmentId: first.id, version: 0, staffUserId: w.sw.user.id });
    const updated = await api.appointments.update({ appointmentId: booked.id, version: 0, notes: "Meet at the school gate" });
    const moved = nextSpan();
    const { replacement } = await api.appointments.reschedule({ appointmentId: updated.id, version: updated.version, ...moved });
    await api.appointments.cancel({ appointmentId: replacement.id, version: replacement.version, reason: "Family travelling" });
    const past = await api.appointments.book(booking(staff, nextSpan(true)));
    await api.appointments.recordOutcome({ appointmentId: past.id, version: 0, outcome: "attended" });
    const tab = await api.appointments.byCase({ caseId });
    expect(tab.appointments.map((a) => a.id)).toEqual(expect.arrayContaining([booked.id, replacement.id, past.id]));
    expect(tab.appointments.find((a) => a.id === past.id)?.alias).toBe(alias);
    await expect(api.appointments.noShowRates({ from: new Date(0), to: new Date(), caseId })).resolves.toBeDefined();
  });

  const outsiders: [string, () => Actor][] = [
    ["a social worker of the same team, not on the care team", () => w.swSameTeam],
    ["another team's supervisor", () => w.supervisorB],
    ["an administrator", () => w.admin],
    ["a supervisor of another agency", () => w.outsider],
  ];

  it.each(outsiders)("%s gets NOT_FOUND for the case and its appointments", async (_name, who) => {
    const { api } = who();
    const target = await w.sw.api.appointments.book(booking(w.counselor.user.id));
    const past = await w.sw.api.appointments.book(booking(w.counselor.user.id, nextSpan(true)));
    const series = await w.sw.api.appointments.bookSeries({ ...booking(w.sw.user.id, slot(600 + day++ * 30)), frequency: "weekly", count: 2 });
    const occurrence = series.appointments[0];
    if (!occurrence) throw new Error("series not booked");
    const ref = { appointmentId: target.id, version: 0 };
    await expectCode(api.appointments.byCase({ caseId }), "NOT_FOUND");
    await expectCode(api.appointments.staffOptions({ caseId }), "NOT_FOUND");
    await expectCode(api.appointments.book(booking(w.counselor.user.id)), "NOT_FOUND");
    await expectCode(api.appointments.bookSeries({ ...booking(w.counselor.user.id), frequency: "weekly", count: 2 }), "NOT_FOUND");
    await expectCode(api.appointments.update({ ...ref, notes: "x" }), "NOT_FOUND");
    await expectCode(api.appointments.updateSeries({ appointmentId: occurrence.id, version: 0, staffUserId: w.counselor.user.id }), "NOT_FOUND");
    await expectCode(api.appointments.cancel({ ...ref, reason: "x" }), "NOT_FOUND");
    await expectCode(api.appointments.reschedule({ ...ref, ...nextSpan() }), "NOT_FOUND");
    await expectCode(api.appointments.recordOutcome({ appointmentId: past.id, version: 0, outcome: "no_show" }), "NOT_FOUND");
    await expectCode(api.appointments.noShowRates({ from: new Date(0), to: new Date(), caseId }), "NOT_FOUND");
    // Another staff member's calendar shows nothing of a case the caller cannot open.
    const theirs = await api.appointments.calendar({ from: new Date(target.startsAt.getTime() - DAY), to: new Date(target.endsAt.getTime() + DAY), staffUserId: w.counselor.user.id });
    expect(theirs.appointments).toEqual([]);
    // Nothing changed.
    expect((await w.sw.api.appointments.byCase({ caseId })).appointments.find((a) => a.id === target.id)).toMatchObject({ version: 0, status: "scheduled" });
  });

  it("a break-glass reader sees the tab but may not book (FORBIDDEN)", async () => {
    const { caseNumber } = (await w.sw.api.cases.byId({ caseId })) as { caseNumber: string };
    await w.swSameTeam.api.cases.breakGlass({ caseNumber, reason: "hotline call at night, child in danger" });
    await expect(w.swSameTeam.api.appointments.byCase({ caseId })).resolves.toMatchObject({ permissions: { book: false } });
    await expectCode(w.swSameTeam.api.appointments.book(booking(w.counselor.user.id)), "FORBIDDEN");
    await expectCode(w.swSameTeam.api.appointments.staffOptions({ caseId }), "FORBIDDEN");
    const target = await w.sw.api.appointments.book(booking(w.counselor.user.id));
    await expectCode(w.swSameTeam.api.appointments.cancel({ appointmentId: target.id, version: 0, reason: "x" }), "FORBIDDEN");
  });

  it("refuses an unknown appointment with NOT_FOUND and an unauthenticated caller with UNAUTHORIZED", async () => {
    await expectCode(w.sw.api.appointments.cancel({ appointmentId: randomUUID(), version: 0, reason: "x" }), "NOT_FOUND");
    await expectCode(w.t.caller(null).api.appointments.calendar({ from: new Date(0), to: new Date(DAY) }), "UNAUTHORIZED");
    await expectCode(w.t.caller(null).api.appointments.feed.create(), "UNAUTHORIZED");
  });
});

describe("calendars", () => {
  it("shows my own week; a counselor booked on a case they are not on sees the case number but not the alias", async () => {
    const staff = await w.freshCounselor();
    const span = nextSpan();
    const booked = await w.sw.api.appointments.book(booking(staff.user.id, span));
    const range = { from: new Date(span.startsAt.getTime() - 3 * DAY), to: new Date(span.startsAt.getTime() + 4 * DAY) };
    const mine = await staff.api.appointments.calendar(range);
    expect(mine.appointments).toMatchObject([{ id: booked.id, alias: null, caseNumber: expect.any(String) as string }]);
    await expectCode(staff.api.appointments.byCase({ caseId }), "NOT_FOUND");
    // The care team sees it in that counselor's calendar with the alias.
    const theirs = await w.sw.api.appointments.calendar({ ...range, staffUserId: staff.user.id });
    expect(theirs.appointments).toMatchObject([{ id: booked.id, alias }]);
    // Cancelled ones only when asked for.
    await w.sw.api.appointments.cancel({ appointmentId: booked.id, version: 0, reason: "Exam week" });
    expect((await staff.api.appointments.calendar(range)).appointments).toEqual([]);
    expect((await staff.api.appointments.calendar({ ...range, includeCancelled: true })).appointments).toHaveLength(1);
  });

  it("gives a supervisor the team view; others get FORBIDDEN; ranges are at most 62 days", async () => {
    const span = nextSpan();
    const booked = await w.sw.api.appointments.book(booking(w.counselor.user.id, span));
    const range = { from: new Date(span.startsAt.getTime() - DAY), to: new Date(span.endsAt.getTime() + DAY), team: true };
    expect((await w.supervisor.api.appointments.calendar(range)).appointments.map((a) => a.id)).toContain(booked.id);
    expect((await w.supervisorB.api.appointments.calendar(range)).appointments).toEqual([]);
    for (const actor of [w.sw, w.counselor, w.admin]) await expectCode(actor.api.appointments.calendar(range), "FORBIDDEN");
    for (const actor of [w.sw, w.counselor, w.admin]) await expectCode(actor.api.appointments.noShowRates(week()), "FORBIDDEN");
    const tooWide = await expectCode(w.supervisor.api.appointments.calendar({ from: new Date(0), to: new Date(63 * DAY) }), "BAD_REQUEST");
    expect(domainCause(tooWide).reason).toBeTruthy();
  });
});
