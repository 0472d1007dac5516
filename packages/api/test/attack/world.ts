/**
 * The world the attack suite calls every procedure in: agency A with the callers' team, another team
 * and a third team for strangers; agency B. Each of the three places has its own care team and one
 * case carrying one of each entity, and `fresh` helpers that make a new copy of an entity for a call
 * that would consume it. Everything is made through the API by the place's own people, except users
 * (factories) and follow-up dates (set directly: the clock is not moved by months here).
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { cases, desc, eq, riskFlags, screeningResults, sessions } from "@lentera/db";
import { makeAgency, makeTeam, makeUser } from "@lentera/db/testing";
import { addDays, localDate, RECOVERY_INSTRUMENT, type Role } from "@lentera/domain";
import { createTestApi, type TestApi } from "../../src/testing";
import { hashPassword } from "../../src/auth/passwords";
import { completeDraft, noRisk, phqAnswers } from "../sessions-fixture";

export type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;
export const ROLES = ["social_worker", "counselor", "supervisor", "admin", "anonymous"] as const;
export type CallerRole = (typeof ROLES)[number];
export const TARGETS = ["own", "otherTeam", "otherAgency"] as const;
export type TargetName = (typeof TARGETS)[number];

export const ZONE = "Asia/Jakarta";
const HOUR = 3_600_000;
export const SIGN_IN_PASSWORD = "correct horse battery staple 9";

async function placeIn(t: TestApi, agencyId: string, teamId: string, admin: Actor) {
  const sw = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamId] });
  const counselor = await t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [teamId] });
  const supervisor = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamId] });
  // A social worker of a third team of the same agency: breaks the glass without being a caller.
  const stranger = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [(await makeTeam(t.db, agencyId)).id] });
  // The legal name of every case of the place: it must never reach anyone outside it.
  const legalName = `Sinta Wulandari ${randomUUID().slice(0, 6)}`;
  return { agencyId, teamId, sw, counselor, supervisor, admin, stranger, legalName };
}
export type Place = Awaited<ReturnType<typeof placeIn>>;

/** Everything made on a place's behalf, by its own people. */
function helpers(env: Env, p: Place) {
  const { t, today, nextSlot } = env;
  async function newCase() {
    const alias = `Melati ${randomUUID().slice(0, 6)}`;
    const created = await p.sw.api.cases.create({
      client: { alias, estimatedAge: 15, sex: "female", address: { country: "ID", province: null } },
      identity: { legalName: p.legalName },
      harmTypes: ["sextortion"],
      referralSource: "hotline",
      riskLevel: "high",
    });
    const assigned = await p.supervisor.api.cases.assignCareTeam({
      caseId: created.id,
      version: created.version,
      primarySocialWorkerId: p.sw.user.id,
      counselorIds: [p.counselor.user.id],
    });
    return { caseId: created.id, caseNumber: created.caseNumber, alias, version: assigned.version };
  }
  const versionOf = async (caseId: string) => (await p.supervisor.api.cases.byId({ caseId })).version;
  async function draftPlan(caseId: string) {
    const goalKey = randomUUID();
    const draft = await p.sw.api.plans.startDraft({ caseId });
    const saved = await p.sw.api.plans.saveDraft({ versionId: draft.id, version: draft.version, goals: [{ key: goalKey, domain: "social", title: "Back at school" }] });
    return { versionId: saved.id, version: saved.version, goalKey };
  }
  async function submittedPlan(caseId: string) {
    const draft = await draftPlan(caseId);
    const submitted = await p.sw.api.plans.submit({ versionId: draft.versionId, version: draft.version });
    return { ...draft, version: submitted.version };
  }
  async function appointment(caseId: string) {
    const startsAt = nextSlot();
    const booked = await p.sw.api.appointments.book({
      caseId,
      staffUserId: p.counselor.user.id,
      kind: "counseling",
      mode: "in_person",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
    });
    return { appointmentId: booked.id, version: booked.version };
  }
  async function note(caseId: string, over: Parameters<typeof completeDraft>[3] = {}) {
    const { noteId } = await p.counselor.api.sessions.start({ caseId });
    const saved = await p.counselor.api.sessions.save(completeDraft(noteId, 0, today(), over));
    return { noteId, version: saved.version };
  }
  async function signedNote(caseId: string) {
    // A positive PHQ-A with item 9: a screening for the supervisor to review.
    const draft = await note(caseId, { screenings: [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: phqAnswers([2, 2, 2, 2, 2, 2, 0, 0, 1]) }] });
    await p.counselor.api.sessions.sign({ noteId: draft.noteId, version: draft.version });
    const [screening] = await t.db.select({ id: screeningResults.id }).from(screeningResults).where(eq(screeningResults.noteId, draft.noteId));
    return { noteId: draft.noteId, screeningId: screening?.id ?? "" };
  }
  async function flag() {
    const { caseId } = await newCase();
    await note(caseId, { riskCheck: { answers: { ...noRisk(), exploiter_contact: true } } });
    const [open] = await t.db.select({ id: riskFlags.id, version: riskFlags.version }).from(riskFlags).where(eq(riskFlags.caseId, caseId));
    return { caseId, flagId: open?.id ?? "", version: open?.version ?? 0 };
  }
  async function milestone(caseId: string) {
    const made = await p.sw.api.milestones.add({ caseId, customTitle: `Joined a choir ${randomUUID().slice(0, 4)}`, domain: "community" });
    return { milestoneId: made.id, version: made.version };
  }
  async function consent(caseId: string, scope: "referral" | "services" = "services") {
    const made = await p.sw.api.cases.consents.record({ caseId, scope, givenBy: "guardian", givenOn: addDays(today(), -10) });
    return { consentId: made.id, version: made.version };
  }
  async function partner() {
    return p.admin.api.partners.create({ name: `Clinic ${randomUUID().slice(0, 6)}`, kind: "legal_aid", services: ["legal_aid"] });
  }
  async function referral(caseId: string, partnerId: string) {
    const sent = await p.sw.api.referrals.send({
      caseId,
      partnerId,
      services: ["legal_aid"],
      reason: "Needs a lawyer for the police report",
      urgency: "soon",
      shared: ["alias"],
    });
    return { referralId: sent.id, version: sent.version };
  }
  async function item(caseId: string) {
    const made = await p.sw.api.onlineHarm.recordItem({
      caseId,
      kind: "intimate_image",
      platformKind: "social_media",
      platformName: "PhotoShare",
      locator: `https://photoshare.example/p/${randomUUID()}`,
      foundOn: today(),
      foundBy: "survivor",
    });
    return { itemId: made.id };
  }
  async function takedown(caseId: string) {
    const { itemId } = await item(caseId);
    const made = await p.sw.api.onlineHarm.requestTakedown({ itemId, channel: "platform_report_form", reportedOn: today(), reference: "TS-1" });
    return { itemId, takedownId: made.takedown.id, version: made.takedown.version };
  }
  async function assessment(caseId: string) {
    const saved = await p.counselor.api.outcomes.save({
      caseId,
      assessmentId: null,
      version: 0,
      instrumentCode: RECOVERY_INSTRUMENT.code,
      instrumentVersion: RECOVERY_INSTRUMENT.version,
      timepoint: "ad_hoc",
      assessedOn: today(),
      answers: {},
    });
    return { assessmentId: saved.id, version: saved.version };
  }
  async function closedCase() {
    const made = await newCase();
    await p.sw.api.cases.requestClosure({ caseId: made.caseId, version: made.version, reason: "goals_achieved" });
    await p.supervisor.api.cases.decideClosure({ caseId: made.caseId, version: await versionOf(made.caseId), decision: "approve" });
    // The first follow-up is due today (the real schedule is months away).
    const dueOn = today();
    await t.db.update(cases).set({ followUpDates: [dueOn, addDays(dueOn, 180)] }).where(eq(cases.id, made.caseId));
    return { caseId: made.caseId, version: await versionOf(made.caseId), dueOn };
  }
  async function closureRequested() {
    const made = await newCase();
    await p.sw.api.cases.requestClosure({ caseId: made.caseId, version: made.version, reason: "goals_achieved" });
    return { caseId: made.caseId, version: await versionOf(made.caseId) };
  }
  async function grant() {
    const made = await newCase();
    const granted = await p.stranger.api.cases.breakGlass({ caseNumber: made.caseNumber, reason: "Hotline call at night, child in danger" });
    return { caseId: made.caseId, grantId: granted?.id ?? "" };
  }
  async function user(roles: Role[] = ["social_worker"]) {
    const made = await makeUser(t.db, { agencyId: p.agencyId, roles, teamIds: [p.teamId] });
    return { userId: made.id, version: made.version };
  }
  async function team() {
    const made = await makeTeam(t.db, p.agencyId);
    return { teamId: made.id, version: made.version };
  }
  return {
    newCase,
    versionOf,
    draftPlan,
    submittedPlan,
    appointment,
    note,
    signedNote,
    flag,
    milestone,
    consent,
    partner,
    referral,
    item,
    takedown,
    assessment,
    closedCase,
    closureRequested,
    grant,
    user,
    team,
  };
}
export type Fresh = ReturnType<typeof helpers>;

/** The shared entities of a place's case: read by every call, consumed by none. */
async function stock(env: Env, p: Place) {
  const fresh = helpers(env, p);
  const c = await fresh.newCase();
  const plan = await fresh.submittedPlan(c.caseId);
  await p.supervisor.api.plans.decide({ versionId: plan.versionId, version: plan.version, decision: "approve" });
  await fresh.consent(c.caseId, "referral");
  const partner = await fresh.partner();
  const referral = await fresh.referral(c.caseId, partner.id);
  const signed = await fresh.signedNote(c.caseId);
  const item = await fresh.item(c.caseId);
  const milestone = await fresh.milestone(c.caseId);
  const appointment = await fresh.appointment(c.caseId);
  const [notification] = (await p.supervisor.api.notifications.list()).items ?? [];
  return {
    ...c,
    planVersionId: plan.versionId,
    goalKey: plan.goalKey,
    partnerId: partner.id,
    partnerVersion: partner.version,
    referralId: referral.referralId,
    noteId: signed.noteId,
    screeningId: signed.screeningId,
    itemId: item.itemId,
    milestoneId: milestone.milestoneId,
    appointmentId: appointment.appointmentId,
    notificationId: (notification as { id?: string } | undefined)?.id ?? randomUUID(),
  };
}
export type Stock = Awaited<ReturnType<typeof stock>>;


interface Env {
  t: TestApi;
  today: () => string;
  nextSlot: () => Date;
}

export async function attackWorld() {
  const t = await createTestApi({ sessionIdleMinutes: 60 * 24, sessionAbsoluteHours: 24 * 30 });
  const agencyA = await makeAgency(t.db, { country: "ID", timeZone: ZONE });
  const agencyB = await makeAgency(t.db, { country: "ID", timeZone: ZONE });
  const teamA = await makeTeam(t.db, agencyA.id);
  const teamB = await makeTeam(t.db, agencyA.id);
  const teamX = await makeTeam(t.db, agencyB.id);
  const adminA = await t.signedInUser({ agencyId: agencyA.id, roles: ["admin"] });
  const adminB = await t.signedInUser({ agencyId: agencyB.id, roles: ["admin"] });
  const places: Record<TargetName, Place> = {
    own: await placeIn(t, agencyA.id, teamA.id, adminA),
    otherTeam: await placeIn(t, agencyA.id, teamB.id, adminA),
    otherAgency: await placeIn(t, agencyB.id, teamX.id, adminB),
  };
  const own = places.own;
  const callers: Record<Exclude<CallerRole, "anonymous">, Actor> = {
    social_worker: own.sw,
    counselor: own.counselor,
    supervisor: own.supervisor,
    admin: own.admin,
  };
  // One user who signs in with a password (sign-in is public; the matrix calls it as everyone).
  const signInUser = await makeUser(t.db, { agencyId: agencyA.id, roles: ["social_worker"], passwordHash: await hashPassword(SIGN_IN_PASSWORD) });

  const now = () => t.deps.clock();
  const today = () => localDate(now(), ZONE);
  let slot = 0;
  /** A start time no other appointment of this world uses (an hour apart, from tomorrow). */
  const nextSlot = () => new Date(now().getTime() + 24 * HOUR + slot++ * 2 * HOUR);

  const env: Env = { t, today, nextSlot };
  const stocks = {} as Record<TargetName, Stock>;
  const fresh = {} as Record<TargetName, Fresh>;
  for (const name of TARGETS) {
    fresh[name] = helpers(env, places[name]);
    stocks[name] = await stock(env, places[name]);
  }

  /** A new session of the user, besides the ones it has: its public id. */
  async function extraSession(userId: string) {
    await t.signInAgain(userId);
    const [latest] = await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.createdAt)).limit(1);
    return latest?.id ?? "";
  }

  return { t, agencyA, agencyB, places, callers, stocks, fresh, signInUser, today, now, nextSlot, extraSession };
}

export type AttackWorld = Awaited<ReturnType<typeof attackWorld>>;

/**
 * A cheap fingerprint of everything the world's two agencies hold: per table with an agency_id, its
 * row count and newest writing transaction (xmin), so an insert, an update or a delete all show.
 * The audit trail by its newest id; team memberships through their team; sessions (no agency_id)
 * are left out.
 */
export async function fingerprintQuery(w: Pick<AttackWorld, "t" | "agencyA" | "agencyB">) {
  const rows = await w.t.db.execute<{ table_name: string }>(sql`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'agency_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`);
  const tables = rowsOf<{ table_name: string }>(rows).map((row) => row.table_name);
  const ids = sql`(${w.agencyA.id}::uuid, ${w.agencyB.id}::uuid)`;
  // The audit trail is append-only and the biggest table: its newest id is enough.
  const parts = tables.filter((name) => name !== "audit_events").map(
    (name) => sql`select ${name}::text as t, count(*)::text as n, coalesce(max(xmin::text::bigint), 0)::text as x from ${sql.identifier(name)} where agency_id in ${ids}`,
  );
  parts.push(sql`select 'audit_events', '', coalesce(max(id), 0)::text from audit_events where agency_id in ${ids}`);
  parts.push(sql`select 'agencies', count(*)::text, coalesce(max(xmin::text::bigint), 0)::text from agencies where id in ${ids}`);
  parts.push(
    sql`select 'team_memberships', count(*)::text, coalesce(max(m.xmin::text::bigint), 0)::text from team_memberships m join teams on teams.id = m.team_id where teams.agency_id in ${ids}`,
  );
  const query = sql.join(parts, sql` union all `);
  return async function fingerprint(): Promise<Record<string, string>> {
    const result = await w.t.db.execute<{ t: string; n: string; x: string }>(query);
    return Object.fromEntries(rowsOf<{ t: string; n: string; x: string }>(result).map((row) => [row.t, `${row.n}/${row.x}`]));
  };
}

/** The rows of a raw query, from either driver (postgres.js gives an array, PGlite an object with rows). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((key) => before[key] !== after[key]);
}
