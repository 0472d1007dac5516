import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cases, clients, count, eq } from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import type { CreateCaseInput } from "@lentera/domain";
import { createTestApi, type TestApi } from "../src/testing";
import { expectCode } from "./expect-error";

let t: TestApi;
type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;
let sw: Actor; // primary social worker, team A
let swSameTeam: Actor; // team A, not on the care team
let counselor: Actor; // team A, added to the care team
let supervisor: Actor; // supervises team A
let supervisorB: Actor; // supervises team B
let swB: Actor;
let admin: Actor;
let outsider: Actor; // another agency
let teamA: string;
let breakGlassCaseId = "";

const intake = (over: Partial<CreateCaseInput> = {}): CreateCaseInput => ({
  client: { alias: "Ani", birthDate: "2011-03-14", sex: "female", address: { country: "ID", province: "Jawa Barat", regencyCity: "Bandung" } },
  identity: {
    legalName: "Ani Rahmawati",
    identityNumbers: [{ kind: "nik", number: "3273-0154-1101-0001" }],
    phone: "+62 812 0000 1111",
    streetAddress: "Jl. Melati No. 7",
  },
  harmTypes: ["sextortion", "grooming"],
  referralSource: "hotline",
  riskLevel: "high",
  riskConcerns: "threats to share images",
  ...over,
});

async function auditCount() {
  const [row] = await t.db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

/** A fresh case registered by `sw`, with `counselor` on its care team. */
async function newCase(over: Partial<CreateCaseInput> = {}) {
  const created = await sw.api.cases.create(intake(over));
  const team = await supervisor.api.cases.assignCareTeam({
    caseId: created.id,
    version: created.version,
    primarySocialWorkerId: sw.user.id,
    counselorIds: [counselor.user.id],
  });
  return { ...created, version: team?.version ?? 0 };
}

beforeAll(async () => {
  t = await createTestApi();
  const agency = await makeAgency(t.db, { country: "ID" });
  teamA = (await makeTeam(t.db, agency.id)).id;
  const teamB = (await makeTeam(t.db, agency.id)).id;
  sw = await t.signedInUser({ agencyId: agency.id, roles: ["social_worker"], teamIds: [teamA] });
  swSameTeam = await t.signedInUser({ agencyId: agency.id, roles: ["social_worker"], teamIds: [teamA] });
  counselor = await t.signedInUser({ agencyId: agency.id, roles: ["counselor"], teamIds: [teamA] });
  supervisor = await t.signedInUser({ agencyId: agency.id, roles: ["supervisor"], teamIds: [teamA] });
  supervisorB = await t.signedInUser({ agencyId: agency.id, roles: ["supervisor"], teamIds: [teamB] });
  swB = await t.signedInUser({ agencyId: agency.id, roles: ["social_worker"], teamIds: [teamB] });
  admin = await t.signedInUser({ agencyId: agency.id, roles: ["admin"] });
  const other = await makeAgency(t.db);
  outsider = await t.signedInUser({ agencyId: other.id, roles: ["supervisor"], teamIds: [(await makeTeam(t.db, other.id)).id] });
});
afterAll(() => t.close());

describe("intake", () => {
  it("registers a case with a yearly case number, the registering worker as primary, and an audit event", async () => {
    const before = await auditCount();
    const created = await sw.api.cases.create(intake({ client: { ...intake().client, alias: "Intake One" } }));
    expect(created.caseNumber).toMatch(new RegExp(`^[A-Z]{2,8}-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(await auditCount()).toBe(before + 1);
    const [event] = await t.auditFor(created.id);
    expect(event).toMatchObject({ action: "case.created", caseId: created.id });
    expect(event?.changes).toMatchObject({ "identity.legalName": { from: null, to: "[redacted]" }, alias: { to: "Intake One" } });
    const overview = await sw.api.cases.byId({ caseId: created.id });
    expect(overview.careTeam).toEqual([expect.objectContaining({ userId: sw.user.id, role: "primary_social_worker" })]);
    expect(overview.status).toBe("intake");
  });

  it("stores identifying data only as ciphertext and never returns it in the overview or list", async () => {
    const created = await sw.api.cases.create(intake());
    const [raw] = await t.db.select().from(clients).innerJoin(cases, eq(cases.clientId, clients.id)).where(eq(cases.id, created.id));
    const rawText = JSON.stringify(raw);
    // Whole values only: a few digits can occur by chance in a random id or in ciphertext.
    for (const secret of ["Rahmawati", "3273-0154-1101-0001", "3273015411010001", "+62 812 0000 1111", "Melati No. 7"]) {
      expect(rawText).not.toContain(secret);
    }
    expect(raw?.clients.identityCiphertext).toMatch(/^v1\.test\./);
    const overview = JSON.stringify(await sw.api.cases.byId({ caseId: created.id }));
    const list = JSON.stringify(await sw.api.cases.list({ scope: "mine" }));
    for (const text of [overview, list]) expect(text).not.toContain("Rahmawati");
    expect(JSON.stringify(t.logs)).not.toContain("Rahmawati");
  });

  it("warns of a possible duplicate by name and birth date or identity number, without decrypting", async () => {
    const first = await sw.api.cases.create(intake({ identity: { legalName: "Dewi Kartika", identityNumbers: [{ kind: "nik", number: "1111 2222 3333" }] }, client: { ...intake().client, birthDate: "2010-01-01" } }));
    const byName = await swSameTeam.api.cases.checkDuplicates({ legalName: "  dewi  KARTIKA ", birthDate: "2010-01-01" });
    expect(byName.map((d) => d.caseNumber)).toContain(first.caseNumber);
    const byNumber = await sw.api.cases.checkDuplicates({ legalName: "Someone Else", identityNumbers: ["111122223333"] });
    expect(byNumber.map((d) => d.caseNumber)).toContain(first.caseNumber);
    expect(await sw.api.cases.checkDuplicates({ legalName: "Dewi Kartika", birthDate: "2010-01-02" })).toEqual([]);
    const second = await sw.api.cases.create(intake({ identity: { legalName: "Dewi Kartika" }, client: { ...intake().client, birthDate: "2010-01-01" } }));
    expect(second.possibleDuplicates.map((d) => d.caseNumber)).toContain(first.caseNumber);
    // Another agency never sees this agency's clients.
    expect(await outsider.api.cases.checkDuplicates({ legalName: "Dewi Kartika", birthDate: "2010-01-01" })).toEqual([]);
  });

  it("gives 20 parallel intakes 20 distinct case numbers", async () => {
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => sw.api.cases.create(intake({ client: { ...intake().client, alias: `Parallel ${i}` } }))));
    expect(new Set(created.map((c) => c.caseNumber)).size).toBe(20);
  });

  it("refuses counselors and administrators, bad input and a province of another country", async () => {
    await expectCode(counselor.api.cases.create(intake()), "FORBIDDEN");
    await expectCode(admin.api.cases.create(intake()), "FORBIDDEN");
    const before = await auditCount();
    await expectCode(sw.api.cases.create({ ...intake(), harmTypes: [] }), "BAD_REQUEST");
    await expectCode(sw.api.cases.create(intake({ client: { ...intake().client, address: { country: "VN", province: "Huế" } } })), "BAD_REQUEST");
    expect(await auditCount()).toBe(before);
  });
});

describe("who reaches a case", () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await newCase()).id;
  });

  it.each([
    ["the primary social worker", () => sw],
    ["a counselor on the care team", () => counselor],
    ["the supervisor of the case's team", () => supervisor],
  ])("%s reads the case, its history and its identifying details", async (_label, who) => {
    const actor = who();
    await expect(actor.api.cases.byId({ caseId })).resolves.toMatchObject({ id: caseId });
    await expect(actor.api.cases.history({ caseId })).resolves.toBeInstanceOf(Array);
    await expect(actor.api.cases.revealIdentity({ caseId })).resolves.toMatchObject({ legalName: "Ani Rahmawati" });
  });

  it.each([
    ["a social worker of the same team not on the care team", () => swSameTeam],
    ["a social worker of another team", () => swB],
    ["a supervisor of another team", () => supervisorB],
    ["an administrator", () => admin],
    ["a user of another agency", () => outsider],
  ])("%s gets NOT_FOUND from every case procedure and changes nothing", async (_label, who) => {
    const { api } = who();
    const before = await auditCount();
    await expectCode(api.cases.byId({ caseId }), "NOT_FOUND");
    await expectCode(api.cases.history({ caseId }), "NOT_FOUND");
    await expectCode(api.cases.revealIdentity({ caseId }), "NOT_FOUND");
    await expectCode(api.cases.update({ caseId, version: 0, riskLevel: "low" }), "NOT_FOUND");
    await expectCode(api.cases.changeStatus({ caseId, version: 0, transition: "activate" }), "NOT_FOUND");
    await expectCode(api.cases.requestClosure({ caseId, version: 0, reason: "goals_achieved" }), "NOT_FOUND");
    await expectCode(api.cases.decideClosure({ caseId, version: 0, decision: "approve" }), "NOT_FOUND");
    await expectCode(api.cases.reopen({ caseId, version: 0, reason: "x" }), "NOT_FOUND");
    await expectCode(api.cases.assignCareTeam({ caseId, version: 0, primarySocialWorkerId: sw.user.id }), "NOT_FOUND");
    await expectCode(api.cases.consents.record({ caseId, scope: "services", givenBy: "client", givenOn: "2026-01-01" }), "NOT_FOUND");
    expect(await auditCount()).toBe(before);
    expect((await api.cases.list({ scope: "mine" })).items.some((item) => item.id === caseId)).toBe(false);
  });

  it("lets the team's supervisor reassign the case to another worker of the team", async () => {
    const candidates = await supervisor.api.cases.careTeamCandidates({ caseId });
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining([sw.user.id, swSameTeam.user.id, counselor.user.id]));
    expect(candidates.some((c) => c.id === swB.user.id || c.id === supervisor.user.id)).toBe(false);
    await expectCode(sw.api.cases.careTeamCandidates({ caseId }), "FORBIDDEN");
    await expectCode(supervisorB.api.cases.careTeamCandidates({ caseId }), "NOT_FOUND");

    const { version } = await supervisor.api.cases.byId({ caseId });
    await supervisor.api.cases.assignCareTeam({ caseId, version, primarySocialWorkerId: swSameTeam.user.id, counselorIds: [counselor.user.id], socialWorkerIds: [sw.user.id] });
    const overview = await swSameTeam.api.cases.byId({ caseId });
    expect(overview.careTeam.find((m) => m.role === "primary_social_worker")?.userId).toBe(swSameTeam.user.id);
    await expectCode(
      supervisor.api.cases.assignCareTeam({ caseId, version: overview.version, primarySocialWorkerId: counselor.user.id }),
      "BAD_REQUEST",
    );
    // Back as it was, for the tests that follow.
    await supervisor.api.cases.assignCareTeam({ caseId, version: overview.version, primarySocialWorkerId: sw.user.id, counselorIds: [counselor.user.id] });
  });

  it("keeps care-team members from supervisor-only actions with FORBIDDEN", async () => {
    const { version } = await sw.api.cases.byId({ caseId });
    await expectCode(sw.api.cases.assignCareTeam({ caseId, version, primarySocialWorkerId: sw.user.id }), "FORBIDDEN");
    await expectCode(counselor.api.cases.decideClosure({ caseId, version, decision: "approve" }), "FORBIDDEN");
  });

  it("break-glass opens one audited hour of reading, listed for the team's supervisor", async () => {
    const target = await newCase();
    await expectCode(swB.api.cases.byId({ caseId: target.id }), "NOT_FOUND");
    await expectCode(admin.api.cases.breakGlass({ caseNumber: target.caseNumber, reason: "night call" }), "FORBIDDEN");
    await expectCode(swB.api.cases.breakGlass({ caseNumber: "ZZZ-2026-999999", reason: "typo" }), "NOT_FOUND");
    const grant = await swB.api.cases.breakGlass({ caseNumber: target.caseNumber, reason: "hotline call at night, child in danger" });
    expect(grant?.caseId).toBe(target.id);
    await expect(swB.api.cases.byId({ caseId: target.id })).resolves.toMatchObject({ access: "break_glass" });
    await expect(swB.api.cases.revealIdentity({ caseId: target.id })).resolves.toMatchObject({ legalName: "Ani Rahmawati" });
    await expectCode(swB.api.cases.update({ caseId: target.id, version: target.version, riskLevel: "low" }), "FORBIDDEN");
    const actions = (await t.auditForCase(target.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["case.break_glass", "case.identity_revealed", "case.viewed"]));

    const listed = await supervisor.api.cases.breakGlassList({ unreviewedOnly: true });
    expect(listed.find((g) => g.caseId === target.id)).toMatchObject({ reason: "hotline call at night, child in danger" });
    expect((await supervisorB.api.cases.breakGlassList({ unreviewedOnly: true })).some((g) => g.caseId === target.id)).toBe(false);
    await supervisor.api.cases.reviewBreakGlass({ grantId: grant?.id ?? "" });
    expect((await supervisor.api.cases.breakGlassList({ unreviewedOnly: true })).some((g) => g.caseId === target.id)).toBe(false);
    breakGlassCaseId = target.id;
  });
});

describe("changes", () => {
  it("updates with the version seen, records field-level history with identifying values redacted", async () => {
    const created = await newCase();
    const before = await auditCount();
    const result = await sw.api.cases.update({
      caseId: created.id,
      version: created.version,
      riskLevel: "critical",
      identity: { ...intake().identity, legalName: "Ani R. Putri" },
    });
    expect(result.version).toBe(created.version + 1);
    expect(await auditCount()).toBe(before + 1);
    const [entry] = await sw.api.cases.history({ caseId: created.id });
    expect(entry).toMatchObject({
      action: "case.updated",
      changes: { riskLevel: { from: "high", to: "critical" }, "identity.legalName": { from: "[redacted]", to: "[redacted]" } },
    });
    expect(JSON.stringify(await sw.api.cases.history({ caseId: created.id }))).not.toContain("Putri");
    await expect(sw.api.cases.revealIdentity({ caseId: created.id })).resolves.toMatchObject({ legalName: "Ani R. Putri" });
  });

  it("refuses a stale update with CONFLICT and changes nothing", async () => {
    const created = await newCase();
    await sw.api.cases.update({ caseId: created.id, version: created.version, riskLevel: "medium" });
    const before = await auditCount();
    await expectCode(supervisor.api.cases.update({ caseId: created.id, version: created.version, riskLevel: "low" }), "CONFLICT");
    expect((await sw.api.cases.byId({ caseId: created.id })).riskLevel).toBe("medium");
    expect(await auditCount()).toBe(before + 1); // only the read
  });

  it("records consents, shows those in force, and withdraws them", async () => {
    const created = await newCase();
    const consent = await sw.api.cases.consents.record({ caseId: created.id, scope: "reporting", givenBy: "guardian", givenOn: "2026-01-05" });
    await sw.api.cases.consents.record({ caseId: created.id, scope: "services", givenBy: "client", givenOn: "2026-01-05", expiresOn: "2026-02-01" });
    const overview = await sw.api.cases.byId({ caseId: created.id });
    expect(overview.consentScopesInForce).toEqual(["reporting"]);
    await expectCode(swB.api.cases.consents.withdraw({ consentId: consent.id, version: 0, withdrawnOn: "2026-06-01" }), "NOT_FOUND");
    await sw.api.cases.consents.withdraw({ consentId: consent.id, version: 0, withdrawnOn: "2026-06-01", reason: "guardian asked" });
    expect((await sw.api.cases.byId({ caseId: created.id })).consentScopesInForce).toEqual([]);
    await expectCode(sw.api.cases.consents.withdraw({ consentId: consent.id, version: 1, withdrawnOn: "2026-06-02" }), "CONFLICT");
  });
});

describe("status workflow", () => {
  it("goes intake → active ↔ on_hold, closes on supervisor approval with follow-ups, and reopens", async () => {
    const c = await newCase();
    let version = c.version;
    version = (await sw.api.cases.changeStatus({ caseId: c.id, version, transition: "activate" }))?.version ?? -1;
    version = (await sw.api.cases.changeStatus({ caseId: c.id, version, transition: "hold", reason: "client travelling" }))?.version ?? -1;
    version = (await sw.api.cases.changeStatus({ caseId: c.id, version, transition: "resume" }))?.version ?? -1;
    version = (await sw.api.cases.requestClosure({ caseId: c.id, version, reason: "goals_achieved" }))?.version ?? -1;
    await expectCode(sw.api.cases.requestClosure({ caseId: c.id, version, reason: "goals_achieved" }), "CONFLICT");
    await expectCode(supervisor.api.cases.decideClosure({ caseId: c.id, version, decision: "return" }), "BAD_REQUEST");
    version = (await supervisor.api.cases.decideClosure({ caseId: c.id, version, decision: "return", comment: "add a legal goal first" }))?.version ?? -1;
    expect((await sw.api.cases.byId({ caseId: c.id })).status).toBe("active");
    version = (await sw.api.cases.requestClosure({ caseId: c.id, version, reason: "goals_achieved" }))?.version ?? -1;
    const closed = await supervisor.api.cases.decideClosure({ caseId: c.id, version, decision: "approve", comment: "well done" });
    expect(closed?.status).toBe("closed");
    const overview = await sw.api.cases.byId({ caseId: c.id });
    expect(overview.followUpDates).toHaveLength(2);
    expect(overview.closureReason).toBe("goals_achieved");
    const reopened = await sw.api.cases.reopen({ caseId: c.id, version: overview.version, reason: "new threats reported" });
    expect(reopened?.status).toBe("active");
    const actions = (await sw.api.cases.history({ caseId: c.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["case.activate", "case.hold", "case.resume", "case.closure_requested", "case.closure_returned", "case.closed", "case.reopened"]));
  });

  it("refuses each illegal transition with CONFLICT and leaves the case as it was", async () => {
    const c = await newCase();
    await expectCode(sw.api.cases.changeStatus({ caseId: c.id, version: c.version, transition: "hold" }), "CONFLICT");
    await expectCode(sw.api.cases.changeStatus({ caseId: c.id, version: c.version, transition: "resume" }), "CONFLICT");
    await expectCode(sw.api.cases.reopen({ caseId: c.id, version: c.version, reason: "not closed" }), "CONFLICT");
    await expectCode(supervisor.api.cases.decideClosure({ caseId: c.id, version: c.version, decision: "approve" }), "CONFLICT");
    const active = await sw.api.cases.changeStatus({ caseId: c.id, version: c.version, transition: "activate" });
    await expectCode(sw.api.cases.changeStatus({ caseId: c.id, version: active?.version ?? 0, transition: "activate" }), "CONFLICT");
    expect((await sw.api.cases.byId({ caseId: c.id })).status).toBe("active");
  });
});

describe("case list", () => {
  it("lists my cases and team cases with search, filters and keyset pages that never repeat or skip", async () => {
    const alias = `Listy${Date.now()}`;
    for (let i = 0; i < 7; i++) await newCase({ client: { ...intake().client, alias: `${alias}-${i}` }, riskLevel: i % 2 ? "low" : "critical" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await sw.api.cases.list({ scope: "mine", search: alias, limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.alias));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `${alias}-${i}`).sort());

    const critical = await supervisor.api.cases.list({ scope: "team", search: alias, riskLevel: ["critical"] });
    expect(critical.items).toHaveLength(4);
    const byRisk = await supervisor.api.cases.list({ scope: "team", search: alias, sort: "risk_desc", limit: 5 });
    expect(byRisk.items.slice(0, 4).every((item) => item.riskLevel === "critical")).toBe(true);
    const next = await supervisor.api.cases.list({ scope: "team", search: alias, sort: "risk_desc", limit: 5, cursor: byRisk.nextCursor ?? "" });
    expect(next.items).toHaveLength(2);
    const byNumber = await sw.api.cases.list({ scope: "mine", search: critical.items[0]?.caseNumber ?? "" });
    expect(byNumber.items).toHaveLength(1);
    await expectCode(sw.api.cases.list({ scope: "team" }), "FORBIDDEN");
    expect((await supervisorB.api.cases.list({ scope: "team", search: alias })).items).toEqual([]);
    await expectCode(sw.api.cases.list({ scope: "mine", cursor: "not-a-cursor" }), "BAD_REQUEST");
  });
});

// Last: moving the clock ends every session of this file.
describe("break-glass expiry", () => {
  it("ends the emergency access after an hour", async () => {
    await expect(swB.api.cases.byId({ caseId: breakGlassCaseId })).resolves.toMatchObject({ access: "break_glass" });
    t.advanceClock(61 * 60_000);
    const swBAgain = await t.signInAgain(swB.user.id);
    await expectCode(swBAgain.cases.byId({ caseId: breakGlassCaseId }), "NOT_FOUND");
  });
});
