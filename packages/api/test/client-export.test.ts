import { beforeAll, describe, expect, it } from "vitest";
import { and, auditEvents, eq } from "@lentera/db";
import { dataRightsWorld, type DataRightsWorld } from "./data-rights-fixture";
import { expectCode } from "./expect-error";

let w: DataRightsWorld;
let rich: Awaited<ReturnType<DataRightsWorld["richCase"]>>;
let supervisorOnTeam: DataRightsWorld["sw"];

async function exportEvents() {
  return w.t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, rich.caseId), eq(auditEvents.action, "client.data_exported")));
}

beforeAll(async () => {
  w = await dataRightsWorld();
  rich = await w.richCase();
  // A supervisor of team A who is also on the care team (as a social worker): a clinical reader on it.
  supervisorOnTeam = await w.t.signedInUser({ agencyId: w.agencyId, roles: ["supervisor", "social_worker"], teamIds: [w.teamA] });
  await w.supervisor.api.cases.assignCareTeam({
    caseId: rich.caseId,
    version: await w.versionOf(rich.caseId),
    primarySocialWorkerId: w.sw.user.id,
    counselorIds: [w.counselor.user.id],
    socialWorkerIds: [supervisorOnTeam.user.id],
  });
  await w.breakGlassReader.api.cases.breakGlass({ caseNumber: rich.caseNumber, reason: "Child missing tonight, police asking" });
}, 120_000);

describe("dataRights.exportClientData", () => {
  it("is the care team's only: a supervisor off it, a break-glass reader, an administrator and another agency are refused, and nothing is audited", async () => {
    // The team's supervisor reads the case, but is not on its care team.
    await expectCode(w.supervisor.api.dataRights.exportClientData({ caseId: rich.caseId }), "FORBIDDEN");
    await expectCode(w.breakGlassReader.api.dataRights.exportClientData({ caseId: rich.caseId }), "FORBIDDEN");
    await expectCode(w.swSameTeam.api.dataRights.exportClientData({ caseId: rich.caseId }), "NOT_FOUND");
    await expectCode(w.supervisorB.api.dataRights.exportClientData({ caseId: rich.caseId }), "NOT_FOUND");
    await expectCode(w.admin.api.dataRights.exportClientData({ caseId: rich.caseId }), "NOT_FOUND");
    await expectCode(w.outsider.api.dataRights.exportClientData({ caseId: rich.caseId }), "NOT_FOUND");
    await expectCode(w.otherCounselor.api.dataRights.exportClientData({ caseId: rich.caseId }), "NOT_FOUND");
    expect(await exportEvents()).toHaveLength(0);
  });

  it("gives a counselor and a supervisor on the care team everything, clinical content included", async () => {
    for (const who of [w.counselor, supervisorOnTeam]) {
      const file = await who.api.dataRights.exportClientData({ caseId: rich.caseId });
      expect(file.clinicalContent).toBe("included");
      expect(file.client.identity.legalName).toBe(rich.legalName);
      expect(file.client.identity.identityNumbers).toEqual([{ kind: "nik", number: rich.identityNumber }]);
      expect(JSON.stringify(file.client)).not.toMatch(/Ciphertext|Hmac/i);
      const [kase] = file.cases;
      expect(kase?.caseNumber).toBe(rich.caseNumber);
      expect(kase?.consents.map((consent) => consent.scope).sort()).toEqual(["information_sharing", "referral", "reporting"]);
      expect(kase?.assessments).toHaveLength(2);
      expect(kase?.plans[0]?.goals.length).toBeGreaterThan(0);
      expect(kase?.appointments).toHaveLength(1);
      // The milestone added and the one the legal process marked, each with its events.
      expect(kase?.milestones).toHaveLength(2);
      expect(kase?.milestones.every((milestone) => milestone.events.length > 0)).toBe(true);
      expect(kase?.referrals[0]?.shared.identity?.legalName).toBe(rich.legalName);
      expect(kase?.onlineHarm.items[0]?.locator).toBe(`https://photoshare.example/${rich.marker}`);
      expect(kase?.onlineHarm.items[0]?.takedownRequests).toHaveLength(1);
      expect(kase?.onlineHarm.evidence[0]?.description).toBe(`Screenshot naming ${rich.legalName}`);
      expect(kase?.onlineHarm.legalProcess?.policeReportNumber).toBe(`LP/B/${rich.marker}`);
      const [session] = kase?.sessions ?? [];
      expect(session && "body" in session ? session.body : null).toBeTruthy();
      expect(session && "addenda" in session ? session.addenda?.[0]?.body : null).toBe(`Addendum about ${rich.legalName}`);
      expect(session && "screenings" in session ? Object.keys(session.screenings?.[0]?.answers ?? {}) : []).toHaveLength(9);
      expect(JSON.stringify(file)).not.toMatch(/"v1\.[A-Za-z0-9_-]+\./);
    }
    const events = await exportEvents();
    expect(events).toHaveLength(2);
    expect(events.every((event) => (event.details as { clinical: boolean }).clinical)).toBe(true);
  });

  it("gives the social worker the session metadata without what was said, says so, and shows the export in the case history", async () => {
    const file = await w.sw.api.dataRights.exportClientData({ caseId: rich.caseId });
    expect(file.clinicalContent).toBe("left_out");
    expect(file.client.identity.legalName).toBe(rich.legalName);
    const [session] = file.cases[0]?.sessions ?? [];
    expect(session?.id).toBe(rich.noteId);
    expect(session?.durationMinutes).toBeGreaterThan(0);
    expect(session && "body" in session).toBe(false);
    expect(JSON.stringify(file)).not.toContain(`Addendum about ${rich.legalName}`);
    const history = await w.sw.api.cases.history({ caseId: rich.caseId });
    const exported = history.filter((event) => event.action === "client.data_exported");
    expect(exported).toHaveLength(3);
    expect(exported[0]?.details).toEqual({ clinical: false });
    expect(JSON.stringify(w.t.logs)).not.toContain(rich.legalName);
  });
});
