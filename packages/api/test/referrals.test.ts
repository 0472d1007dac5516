import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, auditEvents, cases, clients, eq, referrals } from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import { addDays, utcDate, type ConsentScope } from "@lentera/domain";
import { createTestApi, type TestApi } from "../src/testing";
import { domainCause, expectCode } from "./expect-error";

let t: TestApi;
type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;
let sw: Actor; // primary social worker, team A
let swSameTeam: Actor; // team A, not on the care team
let counselor: Actor; // team A, on the care team
let supervisor: Actor; // supervises team A
let supervisorB: Actor; // supervises team B
let admin: Actor;
let outsider: Actor; // a supervisor of an agency with no link
// The receiving agency on the same installation.
let receiverSupervisor: Actor;
let receiverSw: Actor;
let receiverCounselor: Actor;
let receiverAdmin: Actor;
let receiverTeamId: string;
let receiverOtherTeamId: string;
let receiverAgencyId: string;
let receiverAgencyName: string;
let senderAgencyName: string;
let outsidePartnerId: string;
let linkedPartnerId: string;

const LEGAL_NAME = "Sinta Wulandari Referral";
const past = () => addDays(utcDate(new Date()), -30);

async function newCase(consents: ConsentScope[] = []) {
  const alias = `Ref ${randomUUID().slice(0, 6)}`;
  const created = await sw.api.cases.create({
    client: { alias, estimatedAge: 15, sex: "female", languages: ["id"], address: { country: "ID", province: null } },
    identity: { legalName: LEGAL_NAME, phone: "+62 812 0000 1111", streetAddress: "Jl. Melati 5" },
    harmTypes: ["sextortion"],
    referralSource: "hotline",
    riskLevel: "high",
  });
  await supervisor.api.cases.assignCareTeam({
    caseId: created.id,
    version: created.version,
    primarySocialWorkerId: sw.user.id,
    counselorIds: [counselor.user.id],
  });
  for (const scope of consents) {
    await sw.api.cases.consents.record({ caseId: created.id, scope, givenBy: "guardian", givenOn: past() });
  }
  return { caseId: created.id, alias, caseNumber: created.caseNumber };
}

const sendInput = (caseId: string, partnerId: string, over: Record<string, unknown> = {}) => ({
  caseId,
  partnerId,
  services: ["legal_aid" as const],
  reason: "Needs a lawyer for the police report",
  urgency: "soon" as const,
  shared: ["alias" as const, "age_group" as const, "sex" as const, "harm_types" as const, "risk_level" as const],
  ...over,
});

beforeAll(async () => {
  t = await createTestApi();
  const agency = await makeAgency(t.db, { country: "ID" });
  senderAgencyName = agency.name;
  const teamA = (await makeTeam(t.db, agency.id)).id;
  const teamB = (await makeTeam(t.db, agency.id)).id;
  sw = await t.signedInUser({ agencyId: agency.id, roles: ["social_worker"], teamIds: [teamA] });
  swSameTeam = await t.signedInUser({ agencyId: agency.id, roles: ["social_worker"], teamIds: [teamA] });
  counselor = await t.signedInUser({ agencyId: agency.id, roles: ["counselor"], teamIds: [teamA] });
  supervisor = await t.signedInUser({ agencyId: agency.id, roles: ["supervisor"], teamIds: [teamA] });
  supervisorB = await t.signedInUser({ agencyId: agency.id, roles: ["supervisor"], teamIds: [teamB] });
  admin = await t.signedInUser({ agencyId: agency.id, roles: ["admin"] });
  const other = await makeAgency(t.db);
  outsider = await t.signedInUser({ agencyId: other.id, roles: ["supervisor"], teamIds: [(await makeTeam(t.db, other.id)).id] });

  const receiver = await makeAgency(t.db, { country: "ID" });
  receiverAgencyId = receiver.id;
  receiverAgencyName = receiver.name;
  receiverTeamId = (await makeTeam(t.db, receiver.id)).id;
  receiverOtherTeamId = (await makeTeam(t.db, receiver.id)).id;
  receiverSupervisor = await t.signedInUser({ agencyId: receiver.id, roles: ["supervisor"], teamIds: [receiverTeamId] });
  receiverSw = await t.signedInUser({ agencyId: receiver.id, roles: ["social_worker"], teamIds: [receiverTeamId] });
  receiverCounselor = await t.signedInUser({ agencyId: receiver.id, roles: ["counselor"], teamIds: [receiverTeamId] });
  receiverAdmin = await t.signedInUser({ agencyId: receiver.id, roles: ["admin"] });

  outsidePartnerId = (
    await supervisor.api.partners.create({
      name: `LBH Apik ${randomUUID().slice(0, 4)}`,
      kind: "legal_aid",
      services: ["legal_aid", "prosecution_support"],
      regions: ["DKI Jakarta"],
      contact: { person: "Ibu Ratna", phone: "+62 21 555 0101", email: "intake@lbh.example.org" },
    })
  ).id;
  linkedPartnerId = (
    await supervisor.api.partners.create({ name: `Shelter ${randomUUID().slice(0, 4)}`, kind: "shelter", services: ["shelter"], linkedAgencyId: receiver.id })
  ).id;
});
afterAll(() => t.close());

describe("the consent gate", () => {
  it("refuses a referral without the referral consent in force, to the care team and to a supervisor without a reason", async () => {
    const { caseId } = await newCase(["services"]);
    const refused = await expectCode(sw.api.referrals.send(sendInput(caseId, outsidePartnerId)), "FORBIDDEN");
    expect(domainCause(refused).reason).toBe("referral_consent_required");
    // A social worker cannot override, even stating a reason.
    const override = await expectCode(sw.api.referrals.send(sendInput(caseId, outsidePartnerId, { overrideReason: "Urgent" })), "FORBIDDEN");
    expect(domainCause(override).reason).toBe("referral_consent_required");
    await expectCode(counselor.api.referrals.send(sendInput(caseId, outsidePartnerId, { overrideReason: "Urgent" })), "FORBIDDEN");
    const noReason = await expectCode(supervisor.api.referrals.send(sendInput(caseId, outsidePartnerId)), "BAD_REQUEST");
    expect(domainCause(noReason).reason).toBe("referral_consent_required");
    expect(await sw.api.referrals.byCase({ caseId })).toEqual([]);
  });

  it("a withdrawn or expired referral consent is not in force", async () => {
    const { caseId } = await newCase();
    const consent = await sw.api.cases.consents.record({ caseId, scope: "referral", givenBy: "guardian", givenOn: past(), expiresOn: addDays(past(), 5) });
    expect(consent?.id).toBeDefined();
    await expectCode(sw.api.referrals.send(sendInput(caseId, outsidePartnerId)), "FORBIDDEN");
  });

  it("the team's supervisor overrides with a reason: audited, kept on the referral and shown on the case", async () => {
    const { caseId } = await newCase();
    const sent = await supervisor.api.referrals.send(sendInput(caseId, outsidePartnerId, { overrideReason: "Child in danger tonight; guardian unreachable" }));
    expect(sent).toMatchObject({ status: "sent", version: 0, receiverCaseId: null });
    const [summary] = await sw.api.referrals.byCase({ caseId });
    expect(summary).toMatchObject({
      id: sent.id,
      caseId,
      status: "sent",
      overrideReason: "Child in danger tonight; guardian unreachable",
      sentBy: { id: supervisor.user.id },
      partner: { id: outsidePartnerId, kind: "legal_aid", linkedAgency: false },
    });
    const [row] = await t.db.select().from(referrals).where(eq(referrals.id, sent.id));
    expect(row).toMatchObject({ overrideBy: supervisor.user.id, overrideReason: "Child in danger tonight; guardian unreachable" });
    const events = await t.auditForCase(caseId);
    expect(events.find((e) => e.action === "referral.consent_overridden")?.details).toEqual({ reason: "Child in danger tonight; guardian unreachable" });
    expect(events.find((e) => e.action === "referral.sent")?.details).toMatchObject({ consentOverride: true });
    const history = await sw.api.cases.history({ caseId });
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(["referral.sent", "referral.consent_overridden"]));
    // Another team's supervisor cannot reach the case at all.
    await expectCode(supervisorB.api.referrals.send(sendInput(caseId, outsidePartnerId, { overrideReason: "x" })), "NOT_FOUND");
  });

  it("sends with the referral consent; identity only with the information-sharing consent", async () => {
    const { caseId, alias } = await newCase(["referral"]);
    const refused = await expectCode(
      sw.api.referrals.send(sendInput(caseId, outsidePartnerId, { shared: ["alias", "identity"] })),
      "FORBIDDEN",
    );
    expect(domainCause(refused).reason).toBe("information_sharing_consent_required");
    const sent = await sw.api.referrals.send(sendInput(caseId, outsidePartnerId));
    expect(sent.status).toBe("sent");
    const audit = (await t.auditForCase(caseId)).find((e) => e.action === "referral.sent");
    expect(audit?.details).toMatchObject({ sharedFields: ["alias", "age_group", "sex", "harm_types", "risk_level"], consentOverride: false });
    expect(JSON.stringify(audit)).not.toContain(alias);

    await sw.api.cases.consents.record({ caseId, scope: "information_sharing", givenBy: "guardian", givenOn: past() });
    t.advanceClock(60_000);
    const withIdentity = await sw.api.referrals.send(sendInput(caseId, outsidePartnerId, { shared: ["alias", "identity", "plan_goals"] }));
    const [row] = await t.db.select({ shared: referrals.shared }).from(referrals).where(eq(referrals.id, withIdentity.id));
    expect(row?.shared).not.toContain(alias);
    expect(row?.shared).not.toContain("Sinta");
    expect(row?.shared).not.toContain("Melati");
    const letter = await sw.api.referrals.letter({ referralId: withIdentity.id });
    expect(letter).toMatchObject({
      agency: { name: senderAgencyName },
      partner: { kind: "legal_aid", services: ["legal_aid", "prosecution_support"], contact: { person: "Ibu Ratna", phone: "+62 21 555 0101", website: null } },
      services: ["legal_aid"],
      urgency: "soon",
      shared: { alias, identity: { legalName: LEGAL_NAME, phone: "+62 812 0000 1111", address: "Jl. Melati 5" }, plan_goals: [] },
      sentBy: { id: sw.user.id },
    });
    const letterAudit = (await t.auditForCase(caseId)).find((e) => e.action === "referral.letter_exported");
    expect(letterAudit?.details).toMatchObject({ identity: true });
    expect(JSON.stringify(letterAudit)).not.toContain(LEGAL_NAME);
    // Newest first.
    expect((await sw.api.referrals.byCase({ caseId })).map((r) => r.id)).toEqual([withIdentity.id, sent.id]);
  });

  it("refuses an inactive or unknown partner", async () => {
    const { caseId } = await newCase(["referral"]);
    const partner = await supervisor.api.partners.create({ name: `Closed ${randomUUID().slice(0, 4)}`, kind: "health" });
    await supervisor.api.partners.update({ ...partner, partnerId: partner.id, linkedAgencyId: null, active: false });
    expect(domainCause(await expectCode(sw.api.referrals.send(sendInput(caseId, partner.id)), "BAD_REQUEST")).reason).toBe("partner_inactive");
    expect(domainCause(await expectCode(sw.api.referrals.send(sendInput(caseId, randomUUID())), "BAD_REQUEST")).reason).toBe("partner_unknown");
  });
});

describe("an outside partner's answer, recorded by the sender", () => {
  it("moves through the transitions in order, refuses them out of order and a stale version", async () => {
    const { caseId } = await newCase(["referral"]);
    const sent = await sw.api.referrals.send(sendInput(caseId, outsidePartnerId));
    const early = await expectCode(sw.api.referrals.decide({ referralId: sent.id, version: 0, status: "completed" }), "CONFLICT");
    expect(domainCause(early).reason).toBe("referral_transition");
    const accepted = await sw.api.referrals.decide({ referralId: sent.id, version: 0, status: "accepted", feedback: "First meeting on Monday" });
    expect(accepted).toMatchObject({ status: "accepted", version: 1, receiverCaseId: null });
    const stale = await expectCode(counselor.api.referrals.decide({ referralId: sent.id, version: 0, status: "completed" }), "CONFLICT");
    expect(domainCause(stale).reason).toBe("stale_version");
    await expectCode(sw.api.referrals.decide({ referralId: sent.id, version: 1, status: "declined" }), "CONFLICT");
    await supervisor.api.referrals.decide({ referralId: sent.id, version: 1, status: "completed", feedback: "Report filed" });
    const [summary] = await sw.api.referrals.byCase({ caseId });
    expect(summary).toMatchObject({ status: "completed", feedback: "Report filed" });
    expect(summary?.decidedAt).toBeInstanceOf(Date);
    expect(summary?.completedAt).toBeInstanceOf(Date);
    await expectCode(sw.api.referrals.decide({ referralId: sent.id, version: 2, status: "withdrawn" }), "CONFLICT");
    const actions = (await t.auditForCase(caseId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["referral.accepted", "referral.completed"]));
  });

  it("the sender withdraws; a withdrawn referral goes nowhere", async () => {
    const { caseId } = await newCase(["referral"]);
    const sent = await sw.api.referrals.send(sendInput(caseId, outsidePartnerId));
    await sw.api.referrals.decide({ referralId: sent.id, version: 0, status: "withdrawn" });
    await expectCode(sw.api.referrals.decide({ referralId: sent.id, version: 1, status: "accepted" }), "CONFLICT");
  });
});

describe("a referral to another agency on this installation", () => {
  it("reaches the receiver's intake without the sender's case; accepting opens the receiver's own linked case", async () => {
    const { caseId, alias, caseNumber } = await newCase(["referral", "information_sharing"]);
    const sent = await sw.api.referrals.send(sendInput(caseId, linkedPartnerId, { shared: ["alias", "age_group", "sex", "languages", "harm_types", "risk_level", "identity"] }));
    const [stored] = await t.db.select().from(referrals).where(eq(referrals.id, sent.id));
    expect(stored?.receiverAgencyId).toBe(receiverAgencyId);
    expect(stored?.shared).not.toContain(alias);
    expect(stored?.shared).not.toContain(LEGAL_NAME);

    // The sender cannot decide for the receiver, and no letter for a linked agency.
    expect(domainCause(await expectCode(sw.api.referrals.decide({ referralId: sent.id, version: 0, status: "accepted" }), "FORBIDDEN")).reason).toBe("receiver_decides");
    await expectCode(sw.api.referrals.letter({ referralId: sent.id }), "BAD_REQUEST");

    const incoming = await receiverSupervisor.api.referrals.incoming();
    const found = incoming.find((r) => r.id === sent.id);
    expect(found).toMatchObject({
      fromAgency: senderAgencyName,
      status: "sent",
      receiverCaseId: null,
      shared: { alias, age_group: "15-17", sex: "female", languages: ["id"], harm_types: ["sextortion"], risk_level: "high", identity: { legalName: LEGAL_NAME } },
    });
    const serialized = JSON.stringify(incoming);
    expect(serialized).not.toContain(caseId);
    expect(serialized).not.toContain(caseNumber);
    expect(Object.keys(found ?? {})).not.toContain("caseId");
    expect((await receiverSw.api.referrals.incoming()).map((r) => r.id)).toContain(sent.id);
    await expectCode(receiverCounselor.api.referrals.incoming(), "FORBIDDEN");
    await expectCode(receiverAdmin.api.referrals.incoming(), "FORBIDDEN");
    expect((await outsider.api.referrals.incoming()).map((r) => r.id)).not.toContain(sent.id);
    expect((await supervisor.api.referrals.incoming()).map((r) => r.id)).not.toContain(sent.id);

    // The receiver cannot withdraw, needs a team of its own, and only one its user belongs to.
    expect(domainCause(await expectCode(receiverSupervisor.api.referrals.decide({ referralId: sent.id, version: 0, status: "withdrawn" }), "FORBIDDEN")).reason).toBe("sender_withdraws");
    expect(domainCause(await expectCode(receiverSupervisor.api.referrals.decide({ referralId: sent.id, version: 0, status: "accepted" }), "BAD_REQUEST")).reason).toBe("team_required");
    await expectCode(receiverSupervisor.api.referrals.decide({ referralId: sent.id, version: 0, status: "accepted", teamId: randomUUID() }), "BAD_REQUEST");
    await expectCode(receiverSupervisor.api.referrals.decide({ referralId: sent.id, version: 0, status: "accepted", teamId: receiverOtherTeamId }), "BAD_REQUEST");
    await expectCode(receiverCounselor.api.referrals.decide({ referralId: sent.id, version: 0, status: "accepted", teamId: receiverTeamId }), "NOT_FOUND");
    await expectCode(outsider.api.referrals.decide({ referralId: sent.id, version: 0, status: "accepted", teamId: receiverTeamId }), "NOT_FOUND");
    // Nothing half-done by the refused attempts.
    expect((await t.db.select().from(cases).where(eq(cases.agencyId, receiverAgencyId))).length).toBe(0);

    const accepted = await receiverSupervisor.api.referrals.decide({ referralId: sent.id, version: 0, status: "accepted", teamId: receiverTeamId, feedback: "Bed available" });
    expect(accepted.status).toBe("accepted");
    const receiverCaseId = accepted.receiverCaseId;
    expect(receiverCaseId).toBeTruthy();
    const [linked] = await t.db.select().from(cases).where(eq(cases.id, receiverCaseId ?? ""));
    expect(linked).toMatchObject({ agencyId: receiverAgencyId, teamId: receiverTeamId, referralSource: "ngo", riskLevel: "high", harmTypes: ["sextortion"], status: "intake" });
    expect(linked?.caseNumber).not.toBe(caseNumber);
    const [client] = await t.db.select().from(clients).where(eq(clients.id, linked?.clientId ?? ""));
    expect(client).toMatchObject({ alias, sex: "female", estimatedAge: 15, languages: ["id"], agencyId: receiverAgencyId });
    const opened = await receiverSupervisor.api.cases.byId({ caseId: receiverCaseId ?? "" });
    expect(opened.caseNumber).toBe(linked?.caseNumber);
    expect((await receiverSupervisor.api.cases.revealIdentity({ caseId: receiverCaseId ?? "" })).legalName).toBe(LEGAL_NAME);
    expect((await receiverSupervisor.api.referrals.incoming()).find((r) => r.id === sent.id)).toMatchObject({ status: "accepted", receiverCaseId, feedback: "Bed available", version: 1 });

    // Every read of the receiver still answers NOT_FOUND on the sender's case.
    for (const receiver of [receiverSupervisor, receiverSw, receiverCounselor, receiverAdmin]) {
      const api = receiver.api;
      await expectCode(api.cases.byId({ caseId }), "NOT_FOUND");
      await expectCode(api.cases.history({ caseId }), "NOT_FOUND");
      await expectCode(api.cases.revealIdentity({ caseId }), "NOT_FOUND");
      await expectCode(api.plans.byCase({ caseId }), "NOT_FOUND");
      await expectCode(api.sessions.byCase({ caseId }), "NOT_FOUND");
      await expectCode(api.appointments.byCase({ caseId }), "NOT_FOUND");
      await expectCode(api.milestones.byCase({ caseId }), "NOT_FOUND");
      await expectCode(api.timeline.byCase({ caseId }), "NOT_FOUND");
      await expectCode(api.referrals.byCase({ caseId }), "NOT_FOUND");
      await expectCode(api.dashboard.caseSummary({ caseId }), "NOT_FOUND");
      await expectCode(api.cases.consents.record({ caseId, scope: "services", givenBy: "client", givenOn: past() }), "NOT_FOUND");
      await expectCode(api.referrals.send(sendInput(caseId, linkedPartnerId)), "NOT_FOUND");
    }
    const listed = await receiverSupervisor.api.cases.list({ scope: "team" });
    expect(JSON.stringify(listed)).not.toContain(caseId);

    // The sender sees the status and the feedback, never the receiver's case.
    const [summary] = await sw.api.referrals.byCase({ caseId });
    expect(summary).toMatchObject({ status: "accepted", feedback: "Bed available", partner: { linkedAgency: true } });
    expect(JSON.stringify(summary)).not.toContain(receiverCaseId);
    const senderEvents = await t.auditForCase(caseId);
    const acceptedEvent = senderEvents.find((e) => e.action === "referral.accepted");
    expect(acceptedEvent).toBeDefined();
    expect(JSON.stringify(acceptedEvent)).not.toContain(receiverCaseId);
    expect(acceptedEvent?.actorUserId).toBeNull();
    const receiverEvents = await t.auditForCase(receiverCaseId ?? "");
    expect(receiverEvents.map((e) => e.action)).toEqual(expect.arrayContaining(["case.created", "referral.accepted"]));
    expect(receiverEvents.every((e) => e.agencyId === receiverAgencyId)).toBe(true);
    expect(JSON.stringify(receiverEvents)).not.toContain(caseId);

    // Completion is the receiver's; the sender sees it.
    await expectCode(receiverSw.api.referrals.decide({ referralId: sent.id, version: 0, status: "completed" }), "CONFLICT");
    await receiverSw.api.referrals.decide({ referralId: sent.id, version: 1, status: "completed", feedback: "Moved to kinship care" });
    expect((await sw.api.referrals.byCase({ caseId }))[0]).toMatchObject({ status: "completed", feedback: "Moved to kinship care" });
    const received = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, sent.id), eq(auditEvents.agencyId, receiverAgencyId)));
    expect(received.map((e) => e.action)).toEqual(expect.arrayContaining(["referral.received", "referral.accepted", "referral.completed"]));
    void receiverAgencyName;
  });

  it("a decline by the receiver opens nothing; the sender may withdraw a sent one", async () => {
    const { caseId } = await newCase(["referral"]);
    const declined = await sw.api.referrals.send(sendInput(caseId, linkedPartnerId));
    await receiverSw.api.referrals.decide({ referralId: declined.id, version: 0, status: "declined", feedback: "No places" });
    expect((await sw.api.referrals.byCase({ caseId })).find((r) => r.id === declined.id)).toMatchObject({ status: "declined", feedback: "No places" });
    const withdrawn = await sw.api.referrals.send(sendInput(caseId, linkedPartnerId));
    await supervisor.api.referrals.decide({ referralId: withdrawn.id, version: 0, status: "withdrawn" });
    expect((await receiverSupervisor.api.referrals.incoming()).find((r) => r.id === withdrawn.id)?.status).toBe("withdrawn");
    await expectCode(receiverSupervisor.api.referrals.decide({ referralId: withdrawn.id, version: 1, status: "accepted", teamId: receiverTeamId }), "CONFLICT");
  });
});

describe("every procedure for each role", () => {
  it("send, byCase, decide and letter: the care team and its supervisor; off-team users NOT_FOUND", async () => {
    const { caseId } = await newCase(["referral"]);
    // Care team (social worker, counselor) and the team's supervisor send.
    const bySw = await sw.api.referrals.send(sendInput(caseId, outsidePartnerId));
    const byCounselor = await counselor.api.referrals.send(sendInput(caseId, outsidePartnerId));
    const bySupervisor = await supervisor.api.referrals.send(sendInput(caseId, outsidePartnerId));
    for (const offTeam of [swSameTeam, supervisorB, admin, outsider]) {
      await expectCode(offTeam.api.referrals.send(sendInput(caseId, outsidePartnerId)), "NOT_FOUND");
      await expectCode(offTeam.api.referrals.byCase({ caseId }), "NOT_FOUND");
      await expectCode(offTeam.api.referrals.decide({ referralId: bySw.id, version: 0, status: "withdrawn" }), "NOT_FOUND");
      await expectCode(offTeam.api.referrals.letter({ referralId: bySw.id }), "NOT_FOUND");
    }
    for (const member of [sw, counselor, supervisor]) {
      expect((await member.api.referrals.byCase({ caseId })).map((r) => r.id)).toEqual(expect.arrayContaining([bySw.id, byCounselor.id, bySupervisor.id]));
      expect((await member.api.referrals.letter({ referralId: bySw.id })).referralId).toBe(bySw.id);
    }
    await counselor.api.referrals.decide({ referralId: bySw.id, version: 0, status: "accepted" });
    await supervisor.api.referrals.decide({ referralId: byCounselor.id, version: 0, status: "declined" });
    await sw.api.referrals.decide({ referralId: bySupervisor.id, version: 0, status: "withdrawn" });
    // Incoming: supervisors and social workers of any agency see only their own agency's.
    for (const role of [sw, supervisor, swSameTeam, supervisorB]) {
      expect(await role.api.referrals.incoming()).toEqual([]);
    }
    await expectCode(counselor.api.referrals.incoming(), "FORBIDDEN");
    await expectCode(admin.api.referrals.incoming(), "FORBIDDEN");
  });

  it("a referral of a closed case is refused", async () => {
    const { caseId } = await newCase(["referral"]);
    await t.db.update(cases).set({ status: "closed", closedAt: new Date() }).where(eq(cases.id, caseId));
    expect(domainCause(await expectCode(sw.api.referrals.send(sendInput(caseId, outsidePartnerId)), "BAD_REQUEST")).reason).toBe("case_closed");
  });
});
