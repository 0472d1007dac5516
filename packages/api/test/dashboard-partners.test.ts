/**
 * The dashboard's partner and online-harm figures and the takedown statistics dimension, on data
 * written straight into the tables (dashboard-activity-fixture.ts gives the agency, teams, people
 * and clock: today is 2026-03-18 in Jakarta). Every number below is counted by hand from beforeAll.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  consents,
  harmItems,
  legalProcesses,
  partners,
  referrals,
  takedownRequests,
} from "@lentera/db";
import type { DashboardListParams, LegalStage, PlatformKind, ReferralStatus, TakedownStatus } from "@lentera/domain";
import { expectCode } from "./expect-error";
import { activityWorld, local, type ActivityWorld } from "./dashboard-activity-fixture";

type Actor = ActivityWorld["supervisor"];
let w: ActivityWorld;
const ids: Record<string, string> = {};
/** Sealed and named online-harm detail: must never come out of a dashboard, list or statistics. */
const PLATFORM_NAME = "PLATFORM-NAME-must-not-leak";
const LOCATOR = "LOCATOR-must-not-leak";

beforeAll(async () => {
  w = await activityWorld();
  const { t, agencyId, sw1, sw2, swB, teamA, teamB } = w;
  const A1 = await w.makeCase({ team: teamA, primary: sw1, openedAt: local("2026-01-02") });
  const A2 = await w.makeCase({ team: teamA, primary: sw2, openedAt: local("2026-01-03") });
  const A3 = await w.makeCase({ team: teamA, primary: sw1, openedAt: local("2026-01-04") });
  const B1 = await w.makeCase({ team: teamB, primary: swB, openedAt: local("2026-01-05") });
  Object.assign(ids, { A1: A1.caseId, A2: A2.caseId, A3: A3.caseId, B1: B1.caseId });

  const made = await t.db
    .insert(partners)
    .values([
      { agencyId, name: "Legal Aid Alpha", kind: "legal_aid" },
      { agencyId, name: "Clinic Beta", kind: "health" },
    ])
    .returning({ id: partners.id });
  const [p1, p2] = made.map((row) => row.id);
  if (!p1 || !p2) throw new Error("no partners");
  ids.P1 = p1;
  ids.P2 = p2;

  async function referral(caseId: string, partnerId: string, sentAt: Date, status: ReferralStatus, decidedAt: Date | null = null) {
    await t.db.insert(referrals).values({
      agencyId,
      caseId,
      partnerId,
      services: ["legal_aid"],
      reason: "placeholder",
      urgency: "routine",
      sharedFields: ["alias"],
      shared: "v1.sealed.placeholder",
      status,
      sentAt,
      sentBy: sw1.user.id,
      decidedAt,
      decidedBy: decidedAt ? sw1.user.id : null,
      completedAt: status === "completed" ? local("2026-02-20") : null,
    });
  }
  // In the period (1 January to 18 March). Days to acceptance: 3, 1 (23:30 → 01:00 next day in Jakarta), 10, 2.
  await referral(A1.caseId, ids.P1, local("2026-01-05"), "accepted", local("2026-01-08", "09:00"));
  await referral(A1.caseId, ids.P2, local("2026-02-01", "23:30"), "completed", local("2026-02-02", "01:00"));
  await referral(A2.caseId, ids.P1, local("2026-02-10"), "declined", local("2026-02-12"));
  await referral(A2.caseId, ids.P1, local("2026-03-01"), "sent");
  await referral(A3.caseId, ids.P1, local("2026-03-05"), "accepted", local("2026-03-15"));
  await referral(A3.caseId, ids.P2, local("2026-03-06"), "withdrawn");
  await referral(B1.caseId, ids.P2, local("2026-01-20"), "accepted", local("2026-01-22"));
  // Sent at 23:30 on 31 December in Jakarta: before the period.
  await referral(A1.caseId, ids.P1, local("2025-12-31", "23:30"), "accepted", local("2026-01-02"));

  async function item(caseId: string, platformKind: PlatformKind) {
    const [row] = await t.db
      .insert(harmItems)
      .values({ agencyId, caseId, kind: "intimate_image", platformKind, platformName: PLATFORM_NAME, locatorCiphertext: LOCATOR, foundOn: "2025-10-01", foundBy: "staff", recordedBy: sw1.user.id })
      .returning({ id: harmItems.id });
    if (!row) throw new Error("no item");
    return row.id;
  }
  async function request(caseId: string, itemId: string, reportedOn: string, status: TakedownStatus, statusOn: string) {
    await t.db.insert(takedownRequests).values({ agencyId, caseId, itemId, channel: "platform_report_form", reportedOn, status, statusOn, requestedBy: sw1.user.id });
  }
  // i1: reported 10 Jan, a later request removed 15 Feb: removed after 36 days.
  const i1 = await item(A1.caseId, "social_media");
  await request(A1.caseId, i1, "2026-01-10", "reported", "2026-01-10");
  await request(A1.caseId, i1, "2026-02-01", "removed", "2026-02-15");
  // i2: removed after 4 days. i3: refused (requested before the period: still counted).
  ids.i2 = await item(A2.caseId, "social_media");
  await request(A2.caseId, ids.i2, "2026-03-01", "removed", "2026-03-05");
  const i3 = await item(A2.caseId, "messaging");
  await request(A2.caseId, i3, "2025-11-01", "refused", "2025-11-20");
  // i4: no request, not counted. i5: removed, then reappeared: its latest request is not removed.
  await item(A3.caseId, "forum");
  const i5 = await item(A3.caseId, "adult_site");
  await request(A3.caseId, i5, "2026-01-05", "removed", "2026-01-07");
  await request(A3.caseId, i5, "2026-03-01", "reappeared", "2026-03-02");
  // Team B: i6 removed after 10 days, i7 reported.
  const i6 = await item(B1.caseId, "social_media");
  await request(B1.caseId, i6, "2026-02-01", "removed", "2026-02-11");
  const i7 = await item(B1.caseId, "social_media");
  await request(B1.caseId, i7, "2026-03-10", "reported", "2026-03-10");

  async function legal(caseId: string, stage: LegalStage, stageOn: string) {
    await t.db.insert(legalProcesses).values({ agencyId, caseId, stage, stageOn, investigatingUnit: "placeholder unit" });
  }
  await legal(A1.caseId, "investigation", "2026-02-01");
  await legal(A2.caseId, "trial", "2026-03-01");
  await legal(A3.caseId, "investigation", "2026-01-20");
  await legal(B1.caseId, "reported", "2026-01-25");

  // Reporting consent for A1, A2 and B1; A3 has none, so its requests are left out of the statistics.
  for (const caseId of [A1.caseId, A2.caseId, B1.caseId]) {
    await t.db.insert(consents).values({ agencyId, caseId, scope: "reporting", givenBy: "client", givenOn: "2026-01-06", recordedBy: sw1.user.id });
  }
});

afterAll(async () => {
  await w?.t.close();
});

const dashboardOf = (who: Actor, over = {}) => who.api.dashboard.get({ filter: w.filter(over) });
async function totalOf(who: Actor, list: "referrals" | "takedowns" | "legal_stage", params: DashboardListParams, over = {}) {
  return (await who.api.dashboard.list({ filter: w.filter(over), list, params })).total;
}

describe("referrals", () => {
  it("counts referrals sent in the period by status and partner, with the median days to acceptance", async () => {
    const d = await dashboardOf(w.supervisor);
    expect(d.referrals.byStatus).toEqual({ sent: 1, accepted: 3, declined: 1, completed: 1, withdrawn: 1 });
    expect(d.referrals.byPartner).toEqual([
      { partner: { id: ids.P1, name: "Legal Aid Alpha" }, sent: 4, accepted: 2, completed: 0 },
      { partner: { id: ids.P2, name: "Clinic Beta" }, sent: 3, accepted: 2, completed: 1 },
    ]);
    expect(d.referrals.accepted).toBe(4);
    expect(d.referrals.medianDaysToAcceptance).toBe(2.5); // 1, 2, 3, 10
  });

  it("narrows to a team and a worker", async () => {
    const a = await dashboardOf(w.supervisor, { teamId: w.teamA });
    expect(a.referrals.byStatus.accepted).toBe(2);
    expect(a.referrals.accepted).toBe(3);
    expect(a.referrals.medianDaysToAcceptance).toBe(3); // 1, 3, 10
    const sw2 = await dashboardOf(w.supervisor, { workerId: w.sw2.user.id });
    expect(sw2.referrals.byStatus).toEqual({ sent: 1, accepted: 0, declined: 1, completed: 0, withdrawn: 0 });
    expect(sw2.referrals.medianDaysToAcceptance).toBeNull();
  });

  it("lists as many referrals as the figures count", async () => {
    expect(await totalOf(w.supervisor, "referrals", {})).toBe(7);
    expect(await totalOf(w.supervisor, "referrals", { referralStatus: "accepted" })).toBe(3);
    expect(await totalOf(w.supervisor, "referrals", { referralStatus: "completed" })).toBe(1);
    expect(await totalOf(w.supervisor, "referrals", { partnerId: ids.P1 })).toBe(4);
    expect(await totalOf(w.supervisor, "referrals", { partnerId: ids.P2, referralStatus: "withdrawn" })).toBe(1);
    const { rows } = await w.supervisor.api.dashboard.list({ filter: w.filter(), list: "referrals", params: { referralStatus: "completed" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseId: ids.A1, on: "2026-02-01", code: "completed", value: 1 });
  });
});

describe("takedowns", () => {
  it("counts items reported and removed on the cases in scope, whatever the period, with the median days to removal", async () => {
    const d = await dashboardOf(w.supervisor);
    expect(d.takedowns).toEqual({ itemsReported: 6, itemsRemoved: 3, medianDaysToRemoval: 10 }); // 4, 10, 36
    const a = await dashboardOf(w.supervisor, { teamId: w.teamA });
    expect(a.takedowns).toEqual({ itemsReported: 4, itemsRemoved: 2, medianDaysToRemoval: 20 }); // 4, 36
    // The period does not bind them.
    const march = await dashboardOf(w.supervisor, { from: "2026-03-18" });
    expect(march.takedowns.itemsReported).toBe(6);
  });

  it("lists as many items as the figures count, with codes and days only", async () => {
    expect(await totalOf(w.supervisor, "takedowns", {})).toBe(6);
    expect(await totalOf(w.supervisor, "takedowns", { takedownState: "reported" })).toBe(6);
    expect(await totalOf(w.supervisor, "takedowns", { takedownState: "removed" })).toBe(3);
    const all = await w.supervisor.api.dashboard.list({ filter: w.filter(), list: "takedowns", params: {} });
    expect(all.rows.map((row) => row.code).sort()).toEqual(["removed", "removed", "removed", "reappeared", "refused", "reported"].sort());
    const removed = await w.supervisor.api.dashboard.list({ filter: w.filter({ teamId: w.teamA }), list: "takedowns", params: { takedownState: "removed" } });
    expect(removed.rows.map((row) => [row.on, row.value, row.targetId])).toEqual([
      ["2026-01-10", 36, expect.any(String)],
      ["2026-03-01", 4, ids.i2],
    ]);
    const text = JSON.stringify([all, await dashboardOf(w.supervisor)]);
    expect(text).not.toContain(PLATFORM_NAME);
    expect(text).not.toContain(LOCATOR);
  });
});

describe("legal stages", () => {
  it("counts cases in scope by the stage of their legal process, and lists them", async () => {
    const d = await dashboardOf(w.supervisor);
    expect(d.legalStages).toEqual({ reported: 1, investigation: 2, prosecution: 0, trial: 1, verdict: 0, appeal: 0, restitution: 0 });
    expect(await totalOf(w.supervisor, "legal_stage", { legalStage: "investigation" })).toBe(2);
    expect(await totalOf(w.supervisor, "legal_stage", {})).toBe(4);
    const { rows } = await w.supervisor.api.dashboard.list({ filter: w.filter({ teamId: w.teamA }), list: "legal_stage", params: {} });
    expect(rows.map((row) => [row.code, row.on])).toEqual([
      ["investigation", "2026-02-01"],
      ["investigation", "2026-01-20"],
      ["trial", "2026-03-01"],
    ]);
  });
});

describe("scope", () => {
  it("shows another team's supervisor only their team's", async () => {
    const b = await dashboardOf(w.supervisorB);
    expect(b.referrals.byStatus).toEqual({ sent: 0, accepted: 1, declined: 0, completed: 0, withdrawn: 0 });
    expect(b.referrals.byPartner).toEqual([{ partner: { id: ids.P2, name: "Clinic Beta" }, sent: 1, accepted: 1, completed: 0 }]);
    expect(b.takedowns).toEqual({ itemsReported: 2, itemsRemoved: 1, medianDaysToRemoval: 10 });
    expect(b.legalStages.investigation + b.legalStages.trial).toBe(0);
    expect(await totalOf(w.supervisorB, "takedowns", {})).toBe(2);
    const rows = (await w.supervisorB.api.dashboard.list({ filter: w.filter(), list: "referrals", params: {} })).rows;
    expect(rows.map((row) => row.caseId)).toEqual([ids.B1]);
    await expectCode(w.supervisorB.api.dashboard.list({ filter: w.filter({ teamId: w.teamA }), list: "legal_stage", params: {} }), "FORBIDDEN");
  });

  it("refuses an administrator and another agency", async () => {
    await expectCode(w.admin.api.dashboard.get({ filter: w.filter() }), "FORBIDDEN");
    await expectCode(w.admin.api.dashboard.list({ filter: w.filter(), list: "takedowns", params: {} }), "FORBIDDEN");
    await expectCode(w.outsider.api.dashboard.list({ filter: w.filter({ teamId: w.teamA }), list: "referrals", params: {} }), "FORBIDDEN");
  });
});

describe("statistics: takedowns by platform kind", () => {
  it("counts the requests on the included cases by the item's platform kind, small cells suppressed", async () => {
    const stats = await w.supervisor.api.dashboard.statistics({ filter: w.filter() });
    const breakdown = stats.breakdowns.find((candidate) => candidate.dimension === "takedown_platform_kind");
    const cells = Object.fromEntries((breakdown?.cells ?? []).map((cell) => [cell.key, cell.count]));
    // social_media: i1's two requests, i2's, i6's and i7's = 5; messaging: i3's one (suppressed); A3 has no reporting consent.
    expect(cells).toEqual({ social_media: 5, messaging: null, adult_site: 0, classifieds: 0, forum: 0, search_engine: 0, cloud_storage: 0, other: 0 });
    expect(JSON.stringify(stats)).not.toContain(PLATFORM_NAME);
    // Team A alone: 3 social_media requests, 1 messaging: both suppressed, no complementary rule needed.
    const a = await w.supervisor.api.dashboard.statistics({ filter: w.filter({ teamId: w.teamA }) });
    const aCells = a.breakdowns.find((candidate) => candidate.dimension === "takedown_platform_kind")?.cells ?? [];
    expect(aCells.filter((cell) => cell.count !== 0).map((cell) => [cell.key, cell.count])).toEqual([
      ["social_media", null],
      ["messaging", null],
    ]);
  });
});
