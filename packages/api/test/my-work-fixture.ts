/** The agency, people and helpers the My-work, timeline and follow-up tests share. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { agencies } from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import {
  localDate,
  startOfLocalDay,
  type MilestoneStatus,
  type MyWork,
  type MyWorkItem,
  type MyWorkSectionKey,
  type SaveSessionNoteInput,
} from "@lentera/domain";
import { createTestApi, type TestApi } from "../src/testing";
import { completeDraft } from "./sessions-fixture";

export type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const ZONE = "Asia/Jakarta";

/**
 * A world of its own (a fresh database on PGlite, a new agency on Postgres) whose clock the test may
 * move by months: sessions are made to outlive it.
 */
export async function workWorld(agencyOverrides: Partial<typeof agencies.$inferInsert> = {}) {
  const t = await createTestApi({ sessionIdleMinutes: 60 * 24 * 1000, sessionAbsoluteHours: 24 * 1000 });
  const agency = await makeAgency(t.db, { country: "ID", timeZone: ZONE, reviewIntervalDays: 30, noContactDays: 14, ...agencyOverrides });
  const agencyId = agency.id;
  const teamA = (await makeTeam(t.db, agencyId)).id;
  const teamB = (await makeTeam(t.db, agencyId)).id;
  const sw = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  const swSameTeam = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  const counselor = await t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [teamA] });
  const supervisor = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamA] });
  const swB = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamB] });
  const counselorB = await t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [teamB] });
  const supervisorB = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamB] });
  const admin = await t.signedInUser({ agencyId, roles: ["admin"] });
  const other = await makeAgency(t.db, { timeZone: ZONE });
  const outsider = await t.signedInUser({ agencyId: other.id, roles: ["supervisor", "social_worker"], teamIds: [(await makeTeam(t.db, other.id)).id] });

  const now = () => t.deps.clock();
  const today = () => localDate(now(), ZONE);

  /**
   * A case registered by `owner` (its primary social worker), with `counselors` on its care team;
   * team A's by default (sw, counselor), team B's with swB.
   */
  async function newCase(options: { team?: "A" | "B" } = {}) {
    const teamB_ = options.team === "B";
    const owner = teamB_ ? swB : sw;
    const boss = teamB_ ? supervisorB : supervisor;
    const alias = `Mawar ${randomUUID().slice(0, 6)}`;
    const created = await owner.api.cases.create({
      client: { alias, estimatedAge: 14, sex: "female", address: { country: "ID", province: null } },
      identity: { legalName: "Dewi Lestari" },
      harmTypes: ["grooming"],
      referralSource: "school",
      riskLevel: "medium",
    });
    await boss.api.cases.assignCareTeam({
      caseId: created.id,
      version: created.version,
      primarySocialWorkerId: owner.user.id,
      counselorIds: [(teamB_ ? counselorB : counselor).user.id],
    });
    return { caseId: created.id, caseNumber: created.caseNumber, alias };
  }

  /** The case's current version (for workflow calls). */
  async function versionOf(caseId: string) {
    return (await supervisor.api.cases.byId({ caseId }).catch(() => supervisorB.api.cases.byId({ caseId }))).version;
  }

  /** An appointment of `staff` on the case, starting `offsetMs` from now. */
  async function book(caseId: string, staff: Actor, offsetMs: number, options: { minutes?: number; kind?: "counseling" | "home_visit"; by?: Actor } = {}) {
    const startsAt = new Date(now().getTime() + offsetMs);
    return (options.by ?? sw).api.appointments.book({
      caseId,
      staffUserId: staff.user.id,
      kind: options.kind ?? "counseling",
      mode: "in_person",
      startsAt,
      endsAt: new Date(startsAt.getTime() + (options.minutes ?? 45) * MINUTE),
    });
  }

  /** A draft plan with one goal, submitted by the social worker. */
  async function submittedPlan(caseId: string, by: Actor = sw) {
    const goalKey = randomUUID();
    const draft = await by.api.plans.startDraft({ caseId });
    const saved = await by.api.plans.saveDraft({
      versionId: draft.id,
      version: draft.version,
      goals: [{ key: goalKey, domain: "social", title: "Back at school four days a week" }],
    });
    const submitted = await by.api.plans.submit({ versionId: saved.id, version: saved.version });
    return { versionId: submitted.id, version: submitted.version, goalKey };
  }

  /** A plan in force (submitted by sw, approved by the supervisor). */
  async function planInForce(caseId: string) {
    const plan = await submittedPlan(caseId);
    await supervisor.api.plans.decide({ versionId: plan.versionId, version: plan.version, decision: "approve" });
    return plan;
  }

  /** A draft note started by `who` on its own and saved complete (signable). */
  async function draftNote(caseId: string, who: Actor = counselor, over: Partial<SaveSessionNoteInput> = {}) {
    const { noteId } = await who.api.sessions.start({ caseId });
    const saved = await who.api.sessions.save(completeDraft(noteId, 0, today(), over));
    return { noteId, version: saved.version };
  }

  /** Closes the case through the workflow (request, approval): follow-ups are scheduled. */
  async function closeCase(caseId: string, boss: Actor = supervisor) {
    await sw.api.cases.requestClosure({ caseId, version: await versionOf(caseId), reason: "goals_achieved" });
    return boss.api.cases.decideClosure({ caseId, version: await versionOf(caseId), decision: "approve" });
  }

  /** A milestone from the catalog ("enrolled in school"), added by `by` (sw) through the milestones API. */
  async function addMilestone(caseId: string, values: { targetDate?: string | null; by?: Actor } = {}) {
    return (values.by ?? sw).api.milestones.add({ caseId, catalogKey: "enrolled_in_school", targetDate: values.targetDate ?? null });
  }

  /** Moves a milestone to `status` (achieved today; a note when leaving an achievement). */
  async function setMilestoneStatus(milestone: { id: string; version: number }, status: MilestoneStatus, by: Actor = sw) {
    return by.api.milestones.changeStatus({
      milestoneId: milestone.id,
      version: milestone.version,
      status,
      ...(status === "achieved" ? { achievedOn: today() } : {}),
      note: "Confirmed with the school",
    });
  }

  /** Moves the clock to the next `hour`:00 in the agency's zone (at least a minute ahead). */
  function advanceToLocalHour(hour: number) {
    const start = startOfLocalDay(today(), ZONE).getTime() + hour * HOUR;
    let target = start;
    while (target <= now().getTime() + MINUTE) target += DAY;
    t.advanceClock(target - now().getTime());
  }

  return {
    t,
    agencyId,
    teamA,
    teamB,
    sw,
    swSameTeam,
    counselor,
    supervisor,
    swB,
    counselorB,
    supervisorB,
    admin,
    outsider,
    now,
    today,
    newCase,
    versionOf,
    book,
    submittedPlan,
    planInForce,
    draftNote,
    closeCase,
    addMilestone,
    setMilestoneStatus,
    advanceToLocalHour,
  };
}

export type WorkWorld = Awaited<ReturnType<typeof workWorld>>;

/** The items of one section of a My work (none when the section is not there). */
export function itemsOf(work: MyWork, key: MyWorkSectionKey): MyWorkItem[] {
  return work.sections.find((section) => section.key === key)?.items ?? [];
}

/** The items of `who`'s My work section `key` that are about `caseId`. */
export async function itemsFor(who: Actor, key: MyWorkSectionKey, caseId: string) {
  return itemsOf(await who.api.myWork.get(), key).filter((item) => item.caseId === caseId);
}

/** Nobody but `allowed` sees anything about the case in section `key`; returns nothing. */
export async function onlyTheseSee(key: MyWorkSectionKey, caseId: string, everyone: Actor[], allowed: Actor[]) {
  for (const who of everyone) {
    const items = await itemsFor(who, key, caseId);
    expect(items.length > 0, `${key} for ${who.user.displayName} (${who.user.roles.join(",")})`).toBe(allowed.includes(who));
  }
}
