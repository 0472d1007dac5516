/**
 * A realistic, reproducible data set: agencies, teams, users, and cases with encrypted client
 * profiles, care teams, consents and their audit events, spread over three years. Written in
 * multi-row batches, with each case's plan versions, goals, reviews, outcome assessments and
 * appointments, counseling session notes with their screenings, risk flags and addenda, and
 * reintegration milestones with their history and the outcomes of post-closure follow-ups.
 */
import { Faker, id_ID, vi, en, base } from "@faker-js/faker";
import { hashPassword, sealIdentity, type Keyring } from "@lentera/api";
import {
  agencies,
  appointments,
  auditEvents,
  caseCareTeam,
  caseMilestones,
  caseNumberCounters,
  cases,
  clients,
  consents,
  followUpOutcomes,
  goalReviews,
  inArray,
  milestoneEvents,
  notifications,
  outcomeAssessments,
  partners,
  planGoals,
  planInterventions,
  planVersions,
  rebuildAllOutcomeChanges,
  riskFlags,
  screeningResults,
  sessionNoteAddenda,
  sessionNotes,
  sql,
  teamMemberships,
  teams,
  users,
  type Database,
} from "@lentera/db";
import {
  CLOSURE_REASONS,
  DEFAULT_FOLLOW_UP_MONTHS,
  followUpDates,
  formatCaseNumber,
  HARM_TYPES,
  INDONESIA_PROVINCES,
  PARTNER_KINDS,
  REFERRAL_SOURCES,
  VIETNAM_PROVINCES,
  type CaseStatus,
  type RiskLevel,
} from "@lentera/domain";
import { BENCH_PASSWORD } from "./keys";
import { emptyPlanRows, planRowsFor } from "./plans-data";
import { appointmentRowsFor, StaffDiary, type AppointmentRow } from "./appointments-data";
import { emptySessionRows, sessionRowsFor } from "./sessions-data";
import { emptyMilestoneRows, followUpRowsFor, milestoneRowsFor } from "./milestones-data";

export interface GenerateOptions {
  cases: number;
  seed: number;
  keyring: Keyring;
  /** Cases per agency; more cases make more agencies. */
  casesPerAgency?: number;
  now?: Date;
  onProgress?: (done: { cases: number; rows: number }) => void;
}

export interface GeneratedSummary {
  agencies: number;
  teams: number;
  users: number;
  cases: number;
  rows: number;
  sessionNotes: number;
  screeningResults: number;
  riskFlags: number;
  addenda: number;
  milestones: number;
  milestoneEvents: number;
  followUpOutcomes: number;
  /** Agencies whose achievements await a supervisor's verification (every other pair). */
  verifyingAgencies: number;
}

const TEAMS_PER_AGENCY = 5;
const PARTNERS_PER_AGENCY = 12;
const SOCIAL_WORKERS_PER_TEAM = 6;
const COUNSELORS_PER_TEAM = 3;
const BATCH = 500;
const DAY = 86_400_000;

function weighted<T>(faker: Faker, choices: readonly (readonly [T, number])[]): T {
  return faker.helpers.weightedArrayElement(choices.map(([value, weight]) => ({ value, weight })));
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<number> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
  return rows.length;
}

export async function generateDataset(db: Database, options: GenerateOptions): Promise<GeneratedSummary> {
  const now = options.now ?? new Date();
  const perAgency = options.casesPerAgency ?? 25_000;
  const agencyCount = Math.max(1, Math.ceil(options.cases / perAgency));
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const fakers = {
    ID: new Faker({ locale: [id_ID, en, base], seed: options.seed }),
    VN: new Faker({ locale: [vi, en, base], seed: options.seed + 1 }),
  };
  const faker = fakers.ID;
  // Session notes draw from their own generator, so adding them left every earlier table as it was
  // for a given seed.
  const sessionFaker = new Faker({ locale: [en, base], seed: options.seed + 2 });
  // Milestones and follow-ups too (their own stream after the sessions').
  const milestoneFaker = new Faker({ locale: [en, base], seed: options.seed + 3 });
  let rows = 0;
  let casesDone = 0;
  const summary: GeneratedSummary = {
    agencies: 0,
    teams: 0,
    users: 0,
    cases: 0,
    rows: 0,
    sessionNotes: 0,
    screeningResults: 0,
    riskFlags: 0,
    addenda: 0,
    milestones: 0,
    milestoneEvents: 0,
    followUpOutcomes: 0,
    verifyingAgencies: 0,
  };

  for (let a = 0; a < agencyCount; a++) {
    const country = a % 2 === 0 ? ("ID" as const) : ("VN" as const);
    const local = fakers[country];
    const agencyId = faker.string.uuid();
    const prefix = `B${String.fromCharCode(65 + Math.floor(a / 26) % 26)}${String.fromCharCode(65 + (a % 26))}`;
    // Achievements await a supervisor's verification in half the agencies, of both countries: 1, 4, 5, 8, 9 …
    const verification = Math.floor((a + 1) / 2) % 2 === 0;
    // The bench signs its supervisor in with the password alone (bench-cli.ts): no second factor.
    await db.insert(agencies).values({ id: agencyId, name: `Bench agency ${a + 1}`, country, caseNumberPrefix: prefix, milestoneVerificationRequired: verification, requireTwoFactor: false });
    if (verification) summary.verifyingAgencies += 1;
    rows += 1;

    // Teams, each with social workers, counselors and a supervisor; one administrator per agency.
    const agencyTeams = Array.from({ length: TEAMS_PER_AGENCY }, (_, t) => ({ id: faker.string.uuid(), agencyId, name: `Tim ${t + 1}` }));
    await db.insert(teams).values(agencyTeams);
    const staff: { id: string; teamId: string | null; role: "social_worker" | "counselor" | "supervisor" | "admin"; n: number }[] = [];
    agencyTeams.forEach((team, t) => {
      for (let n = 0; n < SOCIAL_WORKERS_PER_TEAM; n++) staff.push({ id: faker.string.uuid(), teamId: team.id, role: "social_worker", n: t * 100 + n });
      for (let n = 0; n < COUNSELORS_PER_TEAM; n++) staff.push({ id: faker.string.uuid(), teamId: team.id, role: "counselor", n: t * 100 + n });
      staff.push({ id: faker.string.uuid(), teamId: team.id, role: "supervisor", n: t * 100 });
    });
    staff.push({ id: faker.string.uuid(), teamId: null, role: "admin", n: 0 });
    await db.insert(users).values(
      staff.map((member) => ({
        id: member.id,
        agencyId,
        email: `${member.role.replace("_", ".")}.${member.n}@${prefix.toLowerCase()}.bench.example.org`,
        displayName: local.person.fullName(),
        passwordHash,
        roles: [member.role],
        locale: country === "ID" ? ("id" as const) : ("vi" as const),
      })),
    );
    await db.insert(teamMemberships).values(
      staff.flatMap((member) => (member.teamId ? [{ teamId: member.teamId, userId: member.id }] : [])),
    );
    const partnerIds = Array.from({ length: PARTNERS_PER_AGENCY }, () => faker.string.uuid());
    await db.insert(partners).values(
      partnerIds.map((id, p) => ({ id, agencyId, name: `${local.company.name()} ${p + 1}`, kind: local.helpers.arrayElement(PARTNER_KINDS) })),
    );
    rows += agencyTeams.length + staff.length * 2 + partnerIds.length;
    summary.agencies += 1;
    summary.teams += agencyTeams.length;
    summary.users += staff.length;

    const agencyCases = Math.min(perAgency, options.cases - casesDone);
    const counters = new Map<number, number>();
    const diary = new StaffDiary();
    for (let start = 0; start < agencyCases; start += BATCH) {
      const size = Math.min(BATCH, agencyCases - start);
      const clientRows: (typeof clients.$inferInsert)[] = [];
      const caseRows: (typeof cases.$inferInsert)[] = [];
      const careRows: (typeof caseCareTeam.$inferInsert)[] = [];
      const consentRows: (typeof consents.$inferInsert)[] = [];
      const auditRows: (typeof auditEvents.$inferInsert)[] = [];
      const planRows = emptyPlanRows();
      const appointmentRows: AppointmentRow[] = [];
      const sessionRows = emptySessionRows();
      const milestoneRows = emptyMilestoneRows();
      for (let i = 0; i < size; i++) {
        const team = local.helpers.arrayElement(agencyTeams);
        const workers = staff.filter((member) => member.teamId === team.id && member.role === "social_worker");
        const counselors = staff.filter((member) => member.teamId === team.id && member.role === "counselor");
        const worker = local.helpers.arrayElement(workers);
        const openedAt = new Date(now.getTime() - local.number.int({ min: 1, max: 3 * 365 }) * DAY - local.number.int({ min: 0, max: DAY }));
        const status = weighted<CaseStatus>(local, [["intake", 8], ["active", 57], ["on_hold", 10], ["closed", 25]]);
        const closedAt = status === "closed" ? new Date(Math.min(now.getTime() - DAY, openedAt.getTime() + local.number.int({ min: 60, max: 700 }) * DAY)) : null;
        const year = openedAt.getUTCFullYear();
        const sequence = (counters.get(year) ?? 0) + 1;
        counters.set(year, sequence);
        const clientId = local.string.uuid();
        const caseId = local.string.uuid();
        const sex = weighted(local, [["female", 82], ["male", 16], ["unknown", 2]] as const);
        const birthDate = local.date.birthdate({ mode: "age", min: 9, max: 24 }).toISOString().slice(0, 10);
        const hasBirthDate = local.datatype.boolean(0.8);
        const legalName = local.person.fullName({ sex: sex === "male" ? "male" : "female" });
        const identity = {
          legalName,
          identityNumbers: local.datatype.boolean(0.6) ? [{ kind: country === "ID" ? ("nik" as const) : ("cccd" as const), number: local.string.numeric(country === "ID" ? 16 : 12) }] : [],
          phone: local.datatype.boolean(0.7) ? local.phone.number() : null,
          email: null,
          villageOrCommune: local.location.street(),
          streetAddress: local.location.streetAddress(),
          guardianName: local.datatype.boolean(0.6) ? local.person.fullName() : null,
          guardianContact: null,
        };
        clientRows.push({
          id: clientId,
          agencyId,
          alias: `${local.person.firstName(sex === "male" ? "male" : "female")} ${local.string.alpha({ length: 1, casing: "upper" })}.`,
          birthDate: hasBirthDate ? birthDate : null,
          estimatedAge: hasBirthDate ? null : local.number.int({ min: 9, max: 24 }),
          sex,
          languages: [country === "ID" ? "Bahasa Indonesia" : "Tiếng Việt"],
          country,
          province: local.helpers.arrayElement(country === "ID" ? INDONESIA_PROVINCES : VIETNAM_PROVINCES),
          regencyCity: country === "ID" ? local.location.city() : null,
          ...sealIdentity(options.keyring, clientId, identity, hasBirthDate ? birthDate : null),
          createdAt: openedAt,
          updatedAt: openedAt,
        });
        const risk = weighted<RiskLevel>(local, [["low", 25], ["medium", 40], ["high", 28], ["critical", 7]]);
        // Drawn in the order the row literal drew them, so every earlier table stays as it was.
        const harmTypes = local.helpers.arrayElements(HARM_TYPES, { min: 1, max: 2 });
        const referralSource = local.helpers.arrayElement(REFERRAL_SOURCES);
        // Set at closure, as the case workflow sets them (DEFAULT_FOLLOW_UP_MONTHS after the closing day).
        const followUps = closedAt ? followUpDates(closedAt, DEFAULT_FOLLOW_UP_MONTHS).map((date) => date.toISOString().slice(0, 10)) : null;
        caseRows.push({
          id: caseId,
          agencyId,
          teamId: team.id,
          clientId,
          caseNumber: formatCaseNumber(prefix, year, sequence),
          status,
          riskLevel: risk,
          harmTypes,
          referralSource,
          riskConcerns: local.datatype.boolean(0.5) ? local.lorem.sentence() : null,
          primarySocialWorkerId: worker.id,
          openedAt,
          closedAt,
          closureReason: closedAt ? local.helpers.arrayElement(CLOSURE_REASONS) : null,
          followUpDates: followUps,
          createdBy: worker.id,
          createdAt: openedAt,
          updatedAt: closedAt ?? openedAt,
        });
        careRows.push({ caseId, userId: worker.id, agencyId, role: "primary_social_worker", addedAt: openedAt, caseOpenedAt: openedAt });
        const counselorId = local.datatype.boolean(0.7) ? local.helpers.arrayElement(counselors).id : null;
        const supervisorId = staff.find((member) => member.teamId === team.id && member.role === "supervisor")?.id ?? worker.id;
        if (counselorId) careRows.push({ caseId, userId: counselorId, agencyId, role: "counselor", addedAt: openedAt, caseOpenedAt: openedAt });
        const givenOn = openedAt.toISOString().slice(0, 10);
        for (const scope of ["services", "data_processing", ...(local.datatype.boolean(0.6) ? (["reporting"] as const) : [])] as const) {
          consentRows.push({ agencyId, caseId, scope, givenBy: birthDate > "2008" ? "guardian" : "client", givenOn, recordedBy: worker.id, createdAt: openedAt });
        }
        auditRows.push({ occurredAt: openedAt, agencyId, actorUserId: worker.id, action: "case.created", entityType: "case", entityId: caseId, caseId });
        const firstVersion = planRows.versions.length;
        const firstGoal = planRows.goals.length;
        planRowsFor(local, {
          agencyId,
          caseId,
          workerId: worker.id,
          supervisorId,
          counselorId,
          partnerIds,
          openedAt,
          until: closedAt ?? now,
          intakeOnly: status === "intake",
          closed: status === "closed",
        }, planRows);
        const firstAppointment = appointmentRows.length;
        appointmentRowsFor(local, diary, { agencyId, caseId, workerId: worker.id, counselorId, openedAt, closedAt, now }, appointmentRows);
        const drafted = new Map(planRows.versions.slice(firstVersion).map((version) => [version.id, version.createdAt ?? openedAt]));
        const goals = planRows.goals.slice(firstGoal).map((goal) => ({ key: goal.goalKey, domain: goal.domain, from: drafted.get(goal.planVersionId) ?? openedAt }));
        sessionRowsFor(sessionFaker, options.keyring, {
          agencyId,
          caseId,
          workerId: worker.id,
          supervisorId,
          counselorId,
          openedAt,
          closedAt,
          now,
          appointments: appointmentRows.slice(firstAppointment),
          goals,
        }, sessionRows);
        milestoneRowsFor(milestoneFaker, {
          agencyId,
          caseId,
          workerId: worker.id,
          supervisorId,
          openedAt,
          closedAt,
          now,
          intakeOnly: status === "intake",
          age: hasBirthDate ? (openedAt.getTime() - Date.parse(birthDate)) / (365.25 * DAY) : (clientRows.at(-1)?.estimatedAge ?? null),
          harmTypes,
          referralSource,
          verificationRequired: verification,
          goals,
        }, milestoneRows);
        if (followUps) followUpRowsFor(milestoneFaker, { agencyId, caseId, workerId: worker.id, dueDates: followUps, now }, milestoneRows);
      }
      await db.insert(clients).values(clientRows);
      await db.insert(cases).values(caseRows);
      rows += clientRows.length + caseRows.length;
      rows += await insertInBatches(careRows, (batch) => db.insert(caseCareTeam).values(batch));
      rows += await insertInBatches(consentRows, (batch) => db.insert(consents).values(batch));
      rows += await insertInBatches(auditRows, (batch) => db.insert(auditEvents).values(batch));
      rows += await insertInBatches(planRows.versions, (batch) => db.insert(planVersions).values(batch));
      rows += await insertInBatches(planRows.goals, (batch) => db.insert(planGoals).values(batch));
      rows += await insertInBatches(planRows.interventions, (batch) => db.insert(planInterventions).values(batch));
      rows += await insertInBatches(planRows.reviews, (batch) => db.insert(goalReviews).values(batch));
      rows += await insertInBatches(planRows.assessments, (batch) => db.insert(outcomeAssessments).values(batch));
      rows += await insertInBatches(planRows.audit, (batch) => db.insert(auditEvents).values(batch));
      rows += await insertInBatches(appointmentRows, (batch) => db.insert(appointments).values(batch));
      // Notes, their screenings while every note is still a draft (a signed note's screenings are
      // locked by a trigger), then the signing of the notes that waited for them.
      rows += await insertInBatches(sessionRows.notes, (batch) => db.insert(sessionNotes).values(batch));
      rows += await insertInBatches(sessionRows.screenings, (batch) => db.insert(screeningResults).values(batch));
      await insertInBatches(sessionRows.signAfterScreening, (ids) =>
        db
          .update(sessionNotes)
          .set({ status: "signed", signedBy: sql`${sessionNotes.counselorId}`, signedAt: sql`${sessionNotes.updatedAt}`, version: sql`${sessionNotes.version} + 1` })
          .where(inArray(sessionNotes.id, ids)),
      );
      rows += await insertInBatches(sessionRows.flags, (batch) => db.insert(riskFlags).values(batch));
      rows += await insertInBatches(sessionRows.notifications, (batch) => db.insert(notifications).values(batch));
      rows += await insertInBatches(sessionRows.addenda, (batch) => db.insert(sessionNoteAddenda).values(batch));
      rows += await insertInBatches(milestoneRows.milestones, (batch) => db.insert(caseMilestones).values(batch));
      rows += await insertInBatches(milestoneRows.events, (batch) => db.insert(milestoneEvents).values(batch));
      rows += await insertInBatches(milestoneRows.followUps, (batch) => db.insert(followUpOutcomes).values(batch));
      summary.sessionNotes += sessionRows.notes.length;
      summary.screeningResults += sessionRows.screenings.length;
      summary.riskFlags += sessionRows.flags.length;
      summary.addenda += sessionRows.addenda.length;
      summary.milestones += milestoneRows.milestones.length;
      summary.milestoneEvents += milestoneRows.events.length;
      summary.followUpOutcomes += milestoneRows.followUps.length;
      casesDone += size;
      options.onProgress?.({ cases: casesDone, rows });
    }
    if (counters.size > 0) {
      await db.insert(caseNumberCounters).values([...counters].map(([year, lastValue]) => ({ agencyId, year, lastValue })));
    }
  }
  // The dashboard's outcome change since intake: the API keeps it as assessments are completed; a
  // bulk load computes it once, from the same query.
  await rebuildAllOutcomeChanges(db);
  summary.cases = casesDone;
  summary.rows = rows;
  return summary;
}
