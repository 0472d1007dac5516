/** The agency, people, cases and helpers the milestone tests share. */
import { randomUUID } from "node:crypto";
import { agencies, auditEvents, caseMilestones, cases, count, eq, milestoneEvents } from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import { addDays, utcDate } from "@lentera/domain";
import { createTestApi, type TestApi } from "../src/testing";

export type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;

export const DAY = 24 * 60 * 60 * 1000;

export async function milestoneWorld() {
  const t = await createTestApi();
  const agency = await makeAgency(t.db, { country: "ID" });
  const teamA = (await makeTeam(t.db, agency.id)).id;
  const teamB = (await makeTeam(t.db, agency.id)).id;
  const agencyId = agency.id;
  const sw = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  const swSameTeam = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  const counselor = await t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [teamA] });
  const supervisor = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamA] });
  const supervisor2 = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamA] });
  const supervisorB = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamB] });
  const admin = await t.signedInUser({ agencyId, roles: ["admin"] });
  const other = await makeAgency(t.db);
  const outsider = await t.signedInUser({ agencyId: other.id, roles: ["supervisor"], teamIds: [(await makeTeam(t.db, other.id)).id] });

  /** A case of team A: `sw` its primary social worker, `counselor` its counselor. */
  async function newCase() {
    const created = await sw.api.cases.create({
      client: { alias: `Mawar ${randomUUID().slice(0, 6)}`, estimatedAge: 16, sex: "female", address: { country: "ID", province: null } },
      identity: { legalName: "Sinta Wulandari" },
      harmTypes: ["online_prostitution"],
      referralSource: "hotline",
      riskLevel: "high",
    });
    await supervisor.api.cases.assignCareTeam({
      caseId: created.id,
      version: created.version,
      primarySocialWorkerId: sw.user.id,
      counselorIds: [counselor.user.id],
    });
    return { caseId: created.id, caseNumber: created.caseNumber };
  }

  /** A draft plan with one goal; returns its key. */
  async function planGoal(caseId: string) {
    const key = randomUUID();
    const draft = await sw.api.plans.startDraft({ caseId });
    await sw.api.plans.saveDraft({ versionId: draft.id, version: draft.version, goals: [{ key, domain: "social", title: "Back at school" }] });
    return key;
  }

  async function closeCase(caseId: string) {
    await t.db.update(cases).set({ status: "closed", closedAt: t.deps.clock() }).where(eq(cases.id, caseId));
  }

  /** The agency's verification setting, set directly (the settings procedure has its own test). */
  async function requireVerification(required: boolean) {
    await t.db.update(agencies).set({ milestoneVerificationRequired: required }).where(eq(agencies.id, agencyId));
  }

  /** A planned milestone from the catalog ("enrolled in school" unless told). */
  function addPlanned(caseId: string, who: Actor = sw, catalogKey = "enrolled_in_school") {
    return who.api.milestones.add({ caseId, catalogKey });
  }

  /** A milestone marked achieved by `who` on `achievedOn` (yesterday unless told). */
  async function achieved(caseId: string, who: Actor = sw, achievedOn = daysFromToday(-1)) {
    const planned = await addPlanned(caseId, who);
    return who.api.milestones.changeStatus({ milestoneId: planned.id, version: planned.version, status: "achieved", achievedOn });
  }

  /** A calendar date `days` from today (UTC). */
  function daysFromToday(days: number) {
    return addDays(utcDate(t.deps.clock()), days);
  }

  /** What a refused change must leave untouched: the row, the events, the audit trail. */
  async function snapshot(milestoneId: string) {
    const [row] = await t.db.select().from(caseMilestones).where(eq(caseMilestones.id, milestoneId));
    const [events] = await t.db.select({ n: count() }).from(milestoneEvents).where(eq(milestoneEvents.milestoneId, milestoneId));
    const [audits] = await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, milestoneId));
    return { row, events: events?.n, audits: audits?.n };
  }

  return {
    t,
    agencyId,
    otherAgencyId: other.id,
    teamA,
    sw,
    swSameTeam,
    counselor,
    supervisor,
    supervisor2,
    supervisorB,
    admin,
    outsider,
    newCase,
    planGoal,
    closeCase,
    requireVerification,
    addPlanned,
    achieved,
    daysFromToday,
    snapshot,
  };
}

export type MilestoneWorld = Awaited<ReturnType<typeof milestoneWorld>>;
