import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import { createTestApi, type TestApi } from "../src/testing";
import { domainCause, expectCode } from "./expect-error";

let t: TestApi;
type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;
let sw: Actor;
let counselor: Actor;
let supervisor: Actor;
let admin: Actor;
let outsider: Actor;
let agencyId: string;
let otherAgency: { id: string; name: string };

const unique = () => randomUUID().slice(0, 6);

beforeAll(async () => {
  t = await createTestApi();
  const agency = await makeAgency(t.db);
  agencyId = agency.id;
  const team = (await makeTeam(t.db, agencyId)).id;
  sw = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [team] });
  counselor = await t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [team] });
  supervisor = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [team] });
  admin = await t.signedInUser({ agencyId, roles: ["admin"] });
  const other = await makeAgency(t.db);
  otherAgency = { id: other.id, name: other.name };
  outsider = await t.signedInUser({ agencyId: other.id, roles: ["admin"] });
});
afterAll(() => t.close());

describe("the partner directory", () => {
  it("creates with the old minimal input (the new fields default) and with every detail; everyone of the agency lists them", async () => {
    const minimal = await admin.api.partners.create({ name: `Klinik ${unique()}`, kind: "health" });
    expect(minimal).toMatchObject({
      services: [],
      regions: [],
      contact: { person: null, phone: null, email: null, address: null, website: null },
      linkedAgency: null,
      active: true,
      version: 0,
    });
    const full = await supervisor.api.partners.create({
      name: `Shelter ${unique()}`,
      kind: "shelter",
      services: ["shelter", "family_support"],
      regions: ["Jawa Barat", "DKI Jakarta"],
      contact: { person: "Ibu Dewi", phone: "+62 22 1234", email: "dewi@shelter.example.org", website: "https://shelter.example.org" },
      linkedAgencyId: otherAgency.id,
    });
    expect(full).toMatchObject({
      services: ["shelter", "family_support"],
      regions: ["Jawa Barat", "DKI Jakarta"],
      contact: { person: "Ibu Dewi", phone: "+62 22 1234", email: "dewi@shelter.example.org", address: null, website: "https://shelter.example.org" },
      linkedAgency: otherAgency,
    });
    for (const member of [sw, counselor, supervisor, admin]) {
      const list = await member.api.partners.list();
      expect(list.find((p) => p.id === full.id)).toEqual(full);
      expect(list.map((p) => p.id)).toContain(minimal.id);
    }
    expect((await outsider.api.partners.list()).map((p) => p.id)).not.toContain(full.id);
    const audit = await t.auditFor(full.id);
    expect(audit[0]?.action).toBe("partner.created");
    expect(audit[0]?.changes).toMatchObject({ "contact.person": { from: null, to: "Ibu Dewi" }, linkedAgencyId: { from: null, to: otherAgency.id } });
  });

  it("links only another existing agency", async () => {
    const own = await expectCode(admin.api.partners.create({ name: `Own ${unique()}`, kind: "ngo", linkedAgencyId: agencyId }), "BAD_REQUEST");
    expect(domainCause(own).reason).toBe("linked_agency_is_own");
    const unknown = await expectCode(admin.api.partners.create({ name: `Ghost ${unique()}`, kind: "ngo", linkedAgencyId: randomUUID() }), "BAD_REQUEST");
    expect(domainCause(unknown).reason).toBe("linked_agency_unknown");
    const partner = await admin.api.partners.create({ name: `Later ${unique()}`, kind: "ngo" });
    const base = { ...partner, partnerId: partner.id, linkedAgencyId: null, active: true };
    expect(domainCause(await expectCode(admin.api.partners.update({ ...base, linkedAgencyId: agencyId }), "BAD_REQUEST")).reason).toBe("linked_agency_is_own");
  });

  it("updates with the version seen, audits the fields that changed, deactivates and reactivates", async () => {
    const partner = await supervisor.api.partners.create({ name: `LBH ${unique()}`, kind: "legal_aid", services: ["legal_aid"] });
    const base = { name: partner.name, kind: partner.kind, services: partner.services, regions: partner.regions, contact: partner.contact, partnerId: partner.id, linkedAgencyId: null, active: true };
    const updated = await supervisor.api.partners.update({ ...base, version: 0, services: ["legal_aid", "prosecution_support"], contact: { phone: "+62 21 999" }, linkedAgencyId: otherAgency.id });
    expect(updated).toMatchObject({ version: 1, services: ["legal_aid", "prosecution_support"], contact: { phone: "+62 21 999", person: null }, linkedAgency: otherAgency });
    const [event] = await t.auditFor(partner.id);
    expect(event?.action).toBe("partner.updated");
    expect(event?.changes).toEqual({
      services: { from: ["legal_aid"], to: ["legal_aid", "prosecution_support"] },
      "contact.phone": { from: null, to: "+62 21 999" },
      linkedAgencyId: { from: null, to: otherAgency.id },
    });
    const stale = await expectCode(admin.api.partners.update({ ...base, version: 0 }), "CONFLICT");
    expect(domainCause(stale).reason).toBe("stale_version");

    const inactive = await admin.api.partners.update({ ...base, version: 1, active: false });
    expect(inactive.active).toBe(false);
    expect((await sw.api.partners.list()).map((p) => p.id)).not.toContain(partner.id);
    expect((await admin.api.partners.list({ includeInactive: true })).map((p) => p.id)).toContain(partner.id);
    expect((await admin.api.partners.update({ ...base, version: 2, active: true })).active).toBe(true);

    const taken = await supervisor.api.partners.create({ name: `Taken ${unique()}`, kind: "health" });
    expect(domainCause(await expectCode(admin.api.partners.update({ ...base, version: 3, name: taken.name }), "CONFLICT")).reason).toBe("partner_name_taken");
  });

  it("update and agencies for partners.manage only; another agency's partner is not found", async () => {
    const partner = await admin.api.partners.create({ name: `Guarded ${unique()}`, kind: "health" });
    const input = { name: partner.name, kind: partner.kind, services: [], regions: [], contact: {}, linkedAgencyId: null, partnerId: partner.id, version: 0, active: true };
    await expectCode(sw.api.partners.update(input), "FORBIDDEN");
    await expectCode(counselor.api.partners.update(input), "FORBIDDEN");
    await expectCode(outsider.api.partners.update(input), "NOT_FOUND");
    await expectCode(sw.api.partners.agencies(), "FORBIDDEN");
    await expectCode(counselor.api.partners.agencies(), "FORBIDDEN");
    await expectCode(sw.api.partners.create({ name: `Nope ${unique()}`, kind: "health" }), "FORBIDDEN");
    for (const manager of [admin, supervisor]) {
      const agencies = await manager.api.partners.agencies();
      expect(agencies).toContainEqual(otherAgency);
      expect(agencies.map((a) => a.id)).not.toContain(agencyId);
    }
  });
});
