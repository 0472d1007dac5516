/**
 * What every procedure of the router promises each role for each target: the authorization matrix's
 * one table (test/attack/matrix.test.ts walks the router and fails on a procedure declared here that
 * no longer exists, and on one that exists and is not declared here).
 *
 * scope, and the targets each expectation string lists in order:
 *   case   own case (the caller on its care team, or supervising its team) · another team's case in
 *          the same agency · another agency's case
 *   team   the caller's team · another team of the agency · a team of another agency (filters)
 *   agency a record of the caller's agency · the same kind of record of another agency
 *   none   no target: the caller's own agency and self
 * expect: five words, one per caller — social worker, counselor, supervisor, admin (all of agency A,
 * team A), anonymous — each one letter per target: A allowed (passes the gate; a later domain refusal
 * such as CONFLICT or BAD_REQUEST from a business rule counts as allowed), U UNAUTHORIZED,
 * F FORBIDDEN, N NOT_FOUND.
 *
 * input builds a VALID input for that target (zod runs before the services' access checks, so random
 * input would not reach the gate); calls that a success would consume get a fresh entity.
 */
import { randomUUID } from "node:crypto";
import { agencies, eq } from "@lentera/db";
import { addDays, RECOVERY_INSTRUMENT } from "@lentera/domain";
import { completeDraft } from "../sessions-fixture";
import type { AttackWorld, CallerRole, Fresh, Place, Stock, TargetName } from "./world";

export type Scope = "case" | "team" | "agency" | "none";
export const SCOPE_TARGETS: Record<Scope, readonly TargetName[]> = {
  case: ["own", "otherTeam", "otherAgency"],
  team: ["own", "otherTeam", "otherAgency"],
  agency: ["own", "otherAgency"],
  none: ["own"],
};

export interface CallEnv {
  w: AttackWorld;
  role: CallerRole;
  target: TargetName;
  /** The target place's shared entities, its people, and makers of fresh copies. */
  s: Stock;
  p: Place;
  fresh: Fresh;
}

export interface Declaration {
  scope: Scope;
  expect: string;
  input?: (env: CallEnv) => unknown;
  /** The call ends the caller's session: run it on a session of its own. */
  ownSession?: true;
  /** The call may lock the caller out (wrong codes): run it as a new user of the same role and team. */
  ownUser?: true;
}

const unique = () => randomUUID().slice(0, 8);
const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const caseOf = ({ s }: CallEnv) => ({ caseId: s.caseId });
const range = ({ w }: CallEnv) => ({ from: new Date(w.now().getTime() - 7 * 86_400_000), to: new Date(w.now().getTime() + 21 * 86_400_000) });
const dashboardFilter = ({ w, p }: CallEnv) => ({ teamId: p.teamId, from: addDays(w.today(), -90), to: w.today() });

/** A new case of the target place: its id and version (for calls that change the case itself). */
async function freshCase(env: CallEnv) {
  const made = await env.fresh.newCase();
  return { caseId: made.caseId, version: made.version };
}

export const expectations: Record<string, Declaration> = {
  // auth
  "auth.signIn": { scope: "none", expect: "A A A A A", input: ({ w }) => ({ email: w.signInUser.email, password: "correct horse battery staple 9" }) },
  "auth.signOut": { scope: "none", expect: "A A A A U", ownSession: true },
  "auth.me": { scope: "none", expect: "A A A A U" },
  "auth.updatePreferences": { scope: "none", expect: "A A A A U", input: () => ({ locale: "en" }) },
  // Two-factor: the matrix's sessions are complete (no code owed), so the second step is not theirs;
  // wrong codes count towards the lockout, hence a user of their own.
  "auth.verifySecondFactor": { scope: "none", expect: "F F F F U", input: () => ({ code: "123456" }), ownUser: true },
  "auth.twoFactor.status": { scope: "none", expect: "A A A A U" },
  "auth.twoFactor.beginEnrolment": { scope: "none", expect: "A A A A U", ownUser: true },
  "auth.twoFactor.confirmEnrolment": { scope: "none", expect: "A A A A U", input: () => ({ code: "123456" }), ownUser: true },
  "auth.twoFactor.regenerateRecoveryCodes": { scope: "none", expect: "A A A A U", input: () => ({ code: "123456" }), ownUser: true },
  "auth.twoFactor.disable": { scope: "none", expect: "A A F F U", input: () => ({ code: "123456" }), ownUser: true },
  // One's own sessions: another of one's own, or another agency's user's (never reachable).
  "auth.sessions.list": { scope: "none", expect: "A A A A U" },
  "auth.sessions.end": {
    scope: "agency",
    expect: "AN AN AN AN UU",
    input: async ({ w, role, target, p }) => ({
      sessionId: await w.extraSession(target === "own" && role !== "anonymous" ? w.callers[role].user.id : p.sw.user.id),
    }),
  },
  "auth.sessions.endOthers": { scope: "none", expect: "A A A A U" },

  // admin
  "admin.users.list": { scope: "none", expect: "F F F A U" },
  "admin.users.create": {
    scope: "none",
    expect: "F F F A U",
    input: () => ({ email: `new-${unique()}@example.org`, displayName: "New Worker", password: `Lentera-${randomUUID()}`, roles: ["social_worker"] }),
  },
  "admin.users.update": { scope: "agency", expect: "FF FF FF AN UU", input: async ({ fresh }) => ({ ...(await fresh.user()), displayName: "Renamed Worker" }) },
  "admin.users.deactivate": { scope: "agency", expect: "FF FF FF AN UU", input: ({ fresh }) => fresh.user() },
  "admin.users.reactivate": { scope: "agency", expect: "FF FF FF AN UU", input: ({ fresh }) => fresh.user() },
  "admin.teams.list": { scope: "none", expect: "F F F A U" },
  "admin.teams.create": { scope: "none", expect: "F F F A U", input: () => ({ name: `Team ${unique()}` }) },
  "admin.teams.rename": { scope: "agency", expect: "FF FF FF AN UU", input: async ({ fresh }) => ({ ...(await fresh.team()), name: `Renamed ${unique()}` }) },
  "admin.users.endSessions": { scope: "agency", expect: "FF FF FF AN UU", input: async ({ fresh }) => ({ userId: (await fresh.user()).userId }) },
  "admin.retention.preview": { scope: "none", expect: "F F F A U" },
  "admin.retention.run": { scope: "none", expect: "F F F A U" },
  "admin.settings.get": { scope: "none", expect: "F F F A U" },
  "admin.settings.update": {
    scope: "none",
    expect: "F F F A U",
    // The agency's settings as they are: a success changes nothing a later call depends on.
    input: async ({ w }) => {
      const [row] = await w.t.db.select().from(agencies).where(eq(agencies.id, w.agencyA.id));
      if (!row) throw new Error("no agency");
      return { optionalPlanDomains: row.optionalPlanDomains, allowPlanSelfApproval: row.allowPlanSelfApproval, reviewIntervalDays: row.reviewIntervalDays, version: row.version };
    },
  },

  // cases
  "cases.create": {
    scope: "none",
    expect: "A F A F U",
    input: () => ({
      client: { alias: `Anggrek ${unique()}`, estimatedAge: 15, sex: "female", address: { country: "ID", province: null } },
      identity: { legalName: "Ani Rahayu" },
      harmTypes: ["grooming"],
      referralSource: "school",
      riskLevel: "medium",
    }),
  },
  // The legal name of the target's cases: a possible duplicate elsewhere must not be named.
  "cases.checkDuplicates": { scope: "case", expect: "AAA FFF AAA FFF UUU", input: ({ p }) => ({ legalName: p.legalName }) },
  "cases.list": { scope: "team", expect: "FFF FFF AAA FFF UUU", input: ({ p }) => ({ scope: "team", workerId: p.sw.user.id }) },
  "cases.byId": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "cases.revealIdentity": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "cases.history": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "cases.update": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: async (env) => ({ ...(await freshCase(env)), riskLevel: "critical" }) },
  "cases.changeStatus": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: async (env) => ({ ...(await freshCase(env)), transition: "activate" }) },
  "cases.requestClosure": { scope: "case", expect: "ANN ANN FNN NNN UUU", input: async (env) => ({ ...(await freshCase(env)), reason: "goals_achieved" }) },
  "cases.decideClosure": { scope: "case", expect: "FNN FNN ANN NNN UUU", input: async ({ fresh }) => ({ ...(await fresh.closureRequested()), decision: "approve" }) },
  "cases.reopen": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: async ({ fresh }) => {
      const closed = await fresh.closedCase();
      return { caseId: closed.caseId, version: closed.version, reason: "New contact from the exploiter" };
    },
  },
  "cases.careTeamCandidates": { scope: "case", expect: "FNN FNN ANN NNN UUU", input: caseOf },
  "cases.assignCareTeam": {
    scope: "case",
    expect: "FNN FNN ANN NNN UUU",
    input: async (env) => {
      const made = await freshCase(env);
      return { caseId: made.caseId, version: made.version, primarySocialWorkerId: env.p.sw.user.id, counselorIds: [env.p.counselor.user.id] };
    },
  },
  // Another team's case is the point of breaking the glass; another agency's is out of reach.
  "cases.breakGlass": { scope: "case", expect: "AAN AAN AAN FFF UUU", input: async ({ fresh }) => ({ caseNumber: (await fresh.newCase()).caseNumber, reason: "Hotline call at night, child in danger" }) },
  "cases.breakGlassList": { scope: "none", expect: "F F A F U", input: () => ({}) },
  "cases.reviewBreakGlass": { scope: "case", expect: "FFF FFF ANN FFF UUU", input: async ({ fresh }) => ({ grantId: (await fresh.grant()).grantId }) },
  "cases.consents.record": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: ({ s, w }) => ({ caseId: s.caseId, scope: "services", givenBy: "client", givenOn: w.today() }) },
  "cases.consents.withdraw": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: async ({ s, fresh, w }) => ({ ...(await fresh.consent(s.caseId)), withdrawnOn: w.today(), reason: "Changed her mind" }),
  },

  // plans
  "plans.byCase": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "plans.version": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: ({ s }) => ({ versionId: s.planVersionId }) },
  "plans.ownerOptions": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "plans.startDraft": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "plans.saveDraft": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: async (env) => {
      const draft = await env.fresh.draftPlan((await freshCase(env)).caseId);
      return { versionId: draft.versionId, version: draft.version, goals: [{ key: draft.goalKey, domain: "social", title: "Back at school four days" }] };
    },
  },
  "plans.submit": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: async (env) => {
      const draft = await env.fresh.draftPlan((await freshCase(env)).caseId);
      return { versionId: draft.versionId, version: draft.version };
    },
  },
  "plans.decide": {
    scope: "case",
    expect: "FNN FNN ANN NNN UUU",
    input: async (env) => {
      const plan = await env.fresh.submittedPlan((await freshCase(env)).caseId);
      return { versionId: plan.versionId, version: plan.version, decision: "approve", comment: "Good plan" };
    },
  },
  "plans.recordReview": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: ({ s, w }) => ({ caseId: s.caseId, goalKey: s.goalKey, reviewedOn: w.today(), progress: 50, note: "Attends school" }) },
  "plans.overdueReviews": { scope: "none", expect: "A A A A U", input: () => ({ limit: 50 }) },

  // outcomes
  "outcomes.instruments": { scope: "none", expect: "A A A A U" },
  "outcomes.createInstrument": {
    scope: "none",
    expect: "F F F A U",
    input: () => ({ definition: { ...RECOVERY_INSTRUMENT, code: `own-${letters()}`, domains: RECOVERY_INSTRUMENT.domains.slice(0, 1) } }),
  },
  "outcomes.byCase": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "outcomes.save": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: ({ s, w }) => ({
      caseId: s.caseId,
      assessmentId: null,
      version: 0,
      instrumentCode: RECOVERY_INSTRUMENT.code,
      instrumentVersion: RECOVERY_INSTRUMENT.version,
      timepoint: "ad_hoc",
      assessedOn: w.today(),
      answers: {},
    }),
  },
  "outcomes.complete": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: ({ s, fresh }) => fresh.assessment(s.caseId) },

  // partners (organization data of an agency)
  "partners.list": { scope: "none", expect: "A A A A U", input: () => ({ includeInactive: true }) },
  "partners.create": { scope: "none", expect: "F F A A U", input: () => ({ name: `Clinic ${unique()}`, kind: "health", services: ["medical_care"] }) },
  "partners.update": {
    scope: "agency",
    expect: "FF FF AN AN UU",
    input: async ({ fresh }) => {
      const made = await fresh.partner();
      return { partnerId: made.id, version: made.version, active: true, name: `${made.name} renamed`, kind: made.kind, services: made.services };
    },
  },
  "partners.agencies": { scope: "none", expect: "F F A A U" },

  // appointments
  "appointments.book": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: ({ s, p, w }) => {
      const startsAt = w.nextSlot();
      return { caseId: s.caseId, staffUserId: p.counselor.user.id, kind: "counseling", mode: "video", startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000) };
    },
  },
  "appointments.bookSeries": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: ({ s, p, w }) => {
      const startsAt = w.nextSlot();
      return { caseId: s.caseId, staffUserId: p.counselor.user.id, kind: "counseling", startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), frequency: "biweekly", count: 2 };
    },
  },
  "appointments.update": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: async ({ s, fresh }) => ({ ...(await fresh.appointment(s.caseId)), place: "Office room 2" }) },
  "appointments.updateSeries": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: async ({ s, p, fresh }) => ({ ...(await fresh.appointment(s.caseId)), staffUserId: p.counselor.user.id }) },
  "appointments.cancel": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: async ({ s, fresh }) => ({ ...(await fresh.appointment(s.caseId)), reason: "The family moved" }) },
  "appointments.reschedule": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: async ({ s, fresh, w }) => {
      const made = await fresh.appointment(s.caseId);
      const startsAt = w.nextSlot();
      return { appointmentId: made.appointmentId, version: made.version, startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000) };
    },
  },
  "appointments.recordOutcome": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: async ({ s, fresh }) => ({ ...(await fresh.appointment(s.caseId)), outcome: "attended" }) },
  "appointments.byCase": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "appointments.calendar": { scope: "team", expect: "AAA AAA AAA AAA UUU", input: (env) => ({ ...range(env), staffUserId: env.p.counselor.user.id }) },
  "appointments.overdueOutcomes": { scope: "none", expect: "A A A A U" },
  "appointments.noShowRates": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: (env) => ({ ...range(env), caseId: env.s.caseId }) },
  "appointments.staffOptions": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "appointments.reminders": { scope: "none", expect: "A A A A U" },
  "appointments.feed.create": { scope: "none", expect: "A A A A U" },
  "appointments.feed.revoke": { scope: "none", expect: "A A A A U" },

  // counseling sessions
  "sessions.instruments": { scope: "none", expect: "A A A A U" },
  "sessions.byCase": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "sessions.get": { scope: "case", expect: "FNN ANN ANN NNN UUU", input: ({ s }) => ({ noteId: s.noteId }) },
  "sessions.start": { scope: "case", expect: "FNN ANN FNN NNN UUU", input: caseOf },
  "sessions.save": {
    scope: "case",
    expect: "FNN ANN FNN NNN UUU",
    input: async ({ s, fresh, w }) => {
      const note = await fresh.note(s.caseId);
      return completeDraft(note.noteId, note.version, w.today());
    },
  },
  "sessions.sign": { scope: "case", expect: "FNN ANN FNN NNN UUU", input: ({ s, fresh }) => fresh.note(s.caseId) },
  "sessions.discard": { scope: "case", expect: "FNN ANN FNN NNN UUU", input: ({ s, fresh }) => fresh.note(s.caseId) },
  "sessions.addAddendum": { scope: "case", expect: "FNN ANN ANN NNN UUU", input: ({ s }) => ({ noteId: s.noteId, body: "Correction: the session lasted 40 minutes." }) },
  "sessions.screeningHistory": { scope: "case", expect: "FNN ANN ANN NNN UUU", input: caseOf },

  // supervision
  "supervision.queue": { scope: "none", expect: "F F A F U" },
  "supervision.flagsByCase": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "supervision.acknowledgeFlag": {
    scope: "case",
    expect: "FNN FNN ANN NNN UUU",
    input: async ({ fresh }) => {
      const flag = await fresh.flag();
      return { flagId: flag.flagId, version: flag.version, actionTaken: "Safety plan meeting today" };
    },
  },
  "supervision.reviewScreening": { scope: "case", expect: "FNN FNN ANN NNN UUU", input: ({ s }) => ({ screeningId: s.screeningId, note: "Discussed with the counselor" }) },

  // notifications: the caller's own only (the services filter on the caller's id)
  "notifications.list": { scope: "none", expect: "A A A A U" },
  "notifications.markRead": { scope: "none", expect: "A A A A U", input: ({ s }) => ({ ids: [s.notificationId] }) },

  // milestones
  "milestones.catalog": { scope: "none", expect: "A A A A U" },
  "milestones.addCatalogEntry": { scope: "none", expect: "F F A A U", input: () => ({ key: letters(), domain: "community", label: { en: "Joined a club", id: "Bergabung klub", vi: "Tham gia câu lạc bộ" } }) },
  "milestones.byCase": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "milestones.add": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: ({ s }) => ({ caseId: s.caseId, customTitle: `Choir ${unique()}`, domain: "community" }) },
  "milestones.update": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: async ({ s, fresh }) => ({ ...(await fresh.milestone(s.caseId)), evidenceNote: "Letter from the choir" }) },
  "milestones.changeStatus": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: async ({ s, fresh }) => ({ ...(await fresh.milestone(s.caseId)), status: "in_progress" }) },
  "milestones.verify": { scope: "case", expect: "FNN FNN ANN NNN UUU", input: async ({ s, fresh }) => ({ ...(await fresh.milestone(s.caseId)), decision: "verify" }) },

  // timeline, my work, follow-ups
  "timeline.byCase": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "myWork.get": { scope: "none", expect: "A A A A U" },
  "myWork.counts": { scope: "none", expect: "A A A A U" },
  "followUps.byCase": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "followUps.record": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: async ({ fresh }) => {
      const closed = await fresh.closedCase();
      return { caseId: closed.caseId, dueOn: closed.dueOn, outcome: "doing_well", note: "Back at school" };
    },
  },

  // dashboard, exports and statistics (the filter names a team)
  "dashboard.get": { scope: "team", expect: "FFF FFF AFF FFF UUU", input: (env) => ({ filter: dashboardFilter(env) }) },
  "dashboard.list": { scope: "team", expect: "FFF FFF AFF FFF UUU", input: (env) => ({ filter: dashboardFilter(env), list: "caseload" }) },
  "dashboard.exportList": { scope: "team", expect: "FFF FFF AFF FFF UUU", input: (env) => ({ filter: dashboardFilter(env), list: "caseload", format: "csv" }) },
  "dashboard.statistics": { scope: "team", expect: "FFF FFF AFF FFF UUU", input: (env) => ({ filter: dashboardFilter(env) }) },
  "dashboard.exportStatistics": { scope: "team", expect: "FFF FFF AFF FFF UUU", input: (env) => ({ filter: dashboardFilter(env) }) },
  "dashboard.caseSummary": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },

  // referrals
  "referrals.send": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: ({ s }) => ({ caseId: s.caseId, partnerId: s.partnerId, services: ["legal_aid"], reason: "Needs a lawyer", urgency: "routine" }),
  },
  "referrals.byCase": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "referrals.decide": {
    scope: "case",
    expect: "ANN ANN ANN NNN UUU",
    input: async ({ s, fresh }) => ({ ...(await fresh.referral(s.caseId, s.partnerId)), status: "withdrawn", feedback: "Sent by mistake" }),
  },
  "referrals.incoming": { scope: "none", expect: "A F A F U" },
  "referrals.letter": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: ({ s }) => ({ referralId: s.referralId }) },

  // the online-harm record
  "onlineHarm.byCase": { scope: "case", expect: "ANN ANN FNN NNN UUU", input: caseOf },
  "onlineHarm.counts": { scope: "case", expect: "ANN ANN ANN NNN UUU", input: caseOf },
  "onlineHarm.recordItem": {
    scope: "case",
    expect: "ANN ANN FNN NNN UUU",
    input: ({ s, w }) => ({
      caseId: s.caseId,
      kind: "profile",
      platformKind: "forum",
      platformName: "Forum",
      locator: `https://forum.example/u/${unique()}`,
      foundOn: w.today(),
      foundBy: "survivor",
    }),
  },
  "onlineHarm.requestTakedown": {
    scope: "case",
    expect: "ANN ANN FNN NNN UUU",
    input: async ({ s, fresh, w }) => ({ itemId: (await fresh.item(s.caseId)).itemId, channel: "trusted_flagger", reportedOn: w.today(), reference: null }),
  },
  "onlineHarm.updateTakedown": {
    scope: "case",
    expect: "ANN ANN FNN NNN UUU",
    input: async ({ s, fresh, w }) => {
      const made = await fresh.takedown(s.caseId);
      return { takedownId: made.takedownId, version: made.version, status: "removed", on: w.today() };
    },
  },
  "onlineHarm.recordEvidence": {
    scope: "case",
    expect: "ANN ANN FNN NNN UUU",
    input: ({ s, w }) => ({ caseId: s.caseId, kind: "collected", description: "Screenshot of the profile", sha256: "a".repeat(64), on: w.today() }),
  },
  "onlineHarm.saveLegalProcess": {
    scope: "case",
    expect: "ANN ANN FNN NNN UUU",
    input: async (env) => ({ caseId: (await freshCase(env)).caseId, version: 0, stage: "reported", stageOn: env.w.today() }),
  },

  // the audit viewer: a filter naming the target's case
  "audit.list": { scope: "case", expect: "FFF FFF AAA AAA UUU", input: ({ s }) => ({ filter: { caseNumber: s.caseNumber }, limit: 20 }) },
  "audit.export": { scope: "case", expect: "FFF FFF AAA AAA UUU", input: ({ s }) => ({ filter: { caseNumber: s.caseNumber } }) },

  // data-subject rights
  "dataRights.exportClientData": { scope: "case", expect: "ANN ANN FNN NNN UUU", input: caseOf },

  "system.ping": { scope: "none", expect: "A A A A U" },
};
