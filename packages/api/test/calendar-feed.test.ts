import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarFeedTokens, eq } from "@lentera/db";
import { calendarFeed } from "../src/appointments/feed";
import { appointmentWorld, LEGAL_NAME, slot } from "./appointments-fixture";

let w: Awaited<ReturnType<typeof appointmentWorld>>;
beforeAll(async () => {
  w = await appointmentWorld();
});
afterAll(() => w.t.close());

describe("the personal calendar feed", () => {
  it("carries the case number and kind of my appointments, never the alias, name, place or notes", async () => {
    const { caseId, caseNumber, alias } = await w.newCase();
    const staff = await w.freshCounselor();
    await w.sw.api.appointments.book({ caseId, staffUserId: staff.user.id, kind: "counseling", place: "Jalan Melati 4", notes: "Bring the drawings", ...slot(3) });
    await w.sw.api.appointments.book({ caseId, staffUserId: staff.user.id, kind: "court", ...slot(-10) });
    await w.sw.api.appointments.book({ caseId, staffUserId: w.sw.user.id, kind: "school", ...slot(4) });
    const { token, path } = await staff.api.appointments.feed.create();
    expect(path).toBe(`/calendar/${token}.ics`);
    const [stored] = await w.t.db.select({ hash: calendarFeedTokens.tokenHash }).from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, staff.user.id));
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.hash).not.toContain(token);

    const ics = await calendarFeed(w.t.deps, token);
    if (ics === null) throw new Error("feed missing");
    expect(ics).toContain(`SUMMARY:${caseNumber} · counseling`);
    expect(ics).toContain(`SUMMARY:${caseNumber} · court`);
    expect(ics).not.toContain("school");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    const unfolded = ics.replace(/\r\n /g, "");
    for (const secret of [alias, LEGAL_NAME, "Melati", "drawings"]) expect(unfolded).not.toContain(secret);
  });

  it("stops working when revoked or replaced", async () => {
    const staff = await w.freshCounselor();
    const first = await staff.api.appointments.feed.create();
    const second = await staff.api.appointments.feed.create();
    expect(await calendarFeed(w.t.deps, first.token)).toBeNull();
    expect(await calendarFeed(w.t.deps, second.token)).toContain("BEGIN:VCALENDAR");
    expect(await staff.api.appointments.feed.revoke()).toEqual({ revoked: true });
    expect(await calendarFeed(w.t.deps, second.token)).toBeNull();
    expect(await staff.api.appointments.feed.revoke()).toEqual({ revoked: false });
    expect(await calendarFeed(w.t.deps, "not-a-token")).toBeNull();
    const actions = (await w.t.db.select({ id: calendarFeedTokens.id }).from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, staff.user.id))).length;
    expect(actions).toBe(2);
  });
});
