/** The agency, people and helpers the appointment tests share. */
import { randomUUID } from "node:crypto";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import { createTestApi, type TestApi } from "../src/testing";

export type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const LEGAL_NAME = "Sinta Wulandari";

export async function appointmentWorld() {
  const t = await createTestApi();
  const agency = await makeAgency(t.db, { country: "ID" });
  const teamA = (await makeTeam(t.db, agency.id)).id;
  const teamB = (await makeTeam(t.db, agency.id)).id;
  const agencyId = agency.id;
  const sw = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  const swSameTeam = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  const counselor = await t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [teamA] });
  const supervisor = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamA] });
  const supervisorB = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamB] });
  const admin = await t.signedInUser({ agencyId, roles: ["admin"] });
  const other = await makeAgency(t.db);
  const outsider = await t.signedInUser({ agencyId: other.id, roles: ["supervisor"], teamIds: [(await makeTeam(t.db, other.id)).id] });

  /** A case of team A: `sw` its primary social worker, `counselor` (or the given ones) its counselors. */
  async function newCase(counselorIds: string[] = [counselor.user.id]) {
    const alias = `Bunga ${randomUUID().slice(0, 6)}`;
    const created = await sw.api.cases.create({
      client: { alias, estimatedAge: 15, sex: "female", address: { country: "ID", province: null } },
      identity: { legalName: LEGAL_NAME },
      harmTypes: ["sextortion"],
      referralSource: "hotline",
      riskLevel: "high",
    });
    await supervisor.api.cases.assignCareTeam({ caseId: created.id, version: created.version, primarySocialWorkerId: sw.user.id, counselorIds });
    return { caseId: created.id, caseNumber: created.caseNumber, alias };
  }

  /** A counselor of team A who holds no appointments yet: each test gets a clean diary. */
  const freshCounselor = () => t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [teamA] });

  return { t, agencyId, teamA, teamB, sw, swSameTeam, counselor, supervisor, supervisorB, admin, outsider, newCase, freshCounselor };
}

/** A whole hour `days` days and `hours` hours from the start of the next UTC day, `minutes` long. */
export function slot(days: number, hours = 2, minutes = 60, base = Date.now()) {
  const midnight = Math.ceil(base / DAY) * DAY;
  const startsAt = new Date(midnight + days * DAY + hours * HOUR);
  return { startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) };
}
