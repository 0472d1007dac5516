/**
 * A small agency for the activity and outcome figures, written straight into the tables so every
 * day and instant is the test's choice: two teams, cases opened on chosen days, session notes,
 * plan versions, appointments, milestones and outcome assessments. The clock is fixed at
 * Wednesday 2026-03-18 12:00 in Jakarta (UTC+7), so this week is Monday 16 to Sunday 22 March.
 */
import { randomUUID } from "node:crypto";
import {
  appointments,
  caseCareTeam,
  caseMilestones,
  cases,
  clients,
  eq,
  outcomeAssessments,
  rebuildOutcomeChanges,
  planVersions,
  sessionNotes,
  users,
} from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import {
  startOfLocalDay,
  type AppointmentKind,
  type AppointmentStatus,
  type AssessmentTimepoint,
  type DashboardFilter,
  type MilestoneDomain,
  type MilestoneStatus,
  type PlanVersionStatus,
} from "@lentera/domain";
import { createContext, type SessionUser } from "../src/context";
import type { AuthedContext } from "../src/trpc";
import { loadSession } from "../src/auth/sessions";
import { createTestApi, TestCookieJar, type TestApi } from "../src/testing";

export const ZONE = "Asia/Jakarta";
export const TODAY = "2026-03-18";
const NOW = new Date("2026-03-18T05:00:00Z"); // 12:00 in Jakarta
/** The sealed body every note gets: it must never come out of a dashboard. */
export const NOTE_BODY = "SEALED-NOTE-BODY-must-not-leak";

/** The instant of a local day and time in the agency's zone ("2026-01-05", "10:00"). */
export function local(day: string, time = "10:00"): Date {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(startOfLocalDay(day, ZONE).getTime() + (hours * 60 + minutes) * 60_000);
}

type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;

/** The id of the one row an insert returned. */
async function idOf(inserted: Promise<{ id: string }[]>): Promise<string> {
  const [row] = await inserted;
  if (!row) throw new Error("nothing inserted");
  return row.id;
}

export async function activityWorld() {
  const t = await createTestApi({ sessionIdleMinutes: 60 * 24 * 1000, sessionAbsoluteHours: 24 * 1000 });
  t.advanceClock(NOW.getTime() - t.deps.clock().getTime());
  // Social workers may hold the agency-wide view here (the sessions list must still carry no content).
  const agency = await makeAgency(t.db, { country: "ID", timeZone: ZONE, agencyWideDashboardRoles: ["social_worker"] });
  const agencyId = agency.id;
  const teamA = (await makeTeam(t.db, agencyId, "Team A")).id;
  const teamB = (await makeTeam(t.db, agencyId, "Team B")).id;

  async function member(roles: SessionUser["roles"], teamIds: string[], name: string): Promise<Actor> {
    const actor = await t.signedInUser({ agencyId, roles, teamIds });
    await t.db.update(users).set({ displayName: name }).where(eq(users.id, actor.user.id));
    return { ...actor, user: { ...actor.user, displayName: name } };
  }
  const supervisor = await member(["supervisor"], [teamA, teamB], "Supervisor Both");
  const supervisorB = await member(["supervisor"], [teamB], "Supervisor B");
  const sw1 = await member(["social_worker"], [teamA], "Worker Satu");
  const sw2 = await member(["social_worker"], [teamA], "Worker Dua");
  const swB = await member(["social_worker"], [teamB], "Worker Bee");
  const co1 = await member(["counselor"], [teamA], "Counselor Ani");
  const co2 = await member(["counselor"], [teamA], "Counselor Budi");
  const coB = await member(["counselor"], [teamB], "Counselor Citra");
  const admin = await member(["admin"], [], "Admin");
  const otherAgency = await makeAgency(t.db, { timeZone: ZONE });
  const outsider = await t.signedInUser({ agencyId: otherAgency.id, roles: ["supervisor"], teamIds: [(await makeTeam(t.db, otherAgency.id)).id] });

  let caseCount = 0;
  /** A case (and its client) opened at `openedAt`, with its primary social worker and counselors on the care team. */
  async function makeCase(input: { team: string; primary: Actor; counselors?: Actor[]; openedAt: Date }) {
    caseCount += 1;
    const caseNumber = `ACT-2026-${String(caseCount).padStart(6, "0")}`;
    const clientId = await idOf(
      t.db
        .insert(clients)
        .values({ agencyId, alias: `Alias ${caseCount}`, sex: "female", country: "ID", identityCiphertext: "v1.test.not-real" })
        .returning({ id: clients.id }),
    );
    const caseId = await idOf(
      t.db
        .insert(cases)
        .values({
          agencyId,
          teamId: input.team,
          clientId,
          caseNumber,
          status: "active",
          riskLevel: "medium",
          harmTypes: ["grooming"],
          referralSource: "school",
          primarySocialWorkerId: input.primary.user.id,
          openedAt: input.openedAt,
          createdBy: input.primary.user.id,
        })
        .returning({ id: cases.id }),
    );
    await t.db.insert(caseCareTeam).values([
      { caseId, userId: input.primary.user.id, agencyId, role: "primary_social_worker", caseOpenedAt: input.openedAt },
      ...(input.counselors ?? []).map((counselor) => ({ caseId, userId: counselor.user.id, agencyId, role: "counselor" as const, caseOpenedAt: input.openedAt })),
    ]);
    return { caseId, caseNumber };
  }

  /** A session note dated `day` (signed: signed by its counselor). */
  async function note(caseId: string, counselor: Actor, day: string, status: "draft" | "signed", durationMinutes = 50) {
    return idOf(
      t.db
        .insert(sessionNotes)
        .values({
          agencyId,
          caseId,
          counselorId: counselor.user.id,
          sessionDate: day,
          durationMinutes,
          modality: "in_person",
          format: "dap",
          body: NOTE_BODY,
          status,
          ...(status === "signed" ? { signedBy: counselor.user.id, signedAt: local(day, "18:00") } : {}),
        })
        .returning({ id: sessionNotes.id }),
    );
  }

  /** A plan version; approved and superseded ones carry their approval instant. */
  async function plan(caseId: string, by: Actor, number: number, status: PlanVersionStatus, approvedAt: Date | null = null) {
    return idOf(
      t.db
        .insert(planVersions)
        .values({ agencyId, caseId, number, status, draftedBy: by.user.id, lastEditedBy: by.user.id, approvedAt })
        .returning({ id: planVersions.id }),
    );
  }

  async function appointment(caseId: string, staff: Actor, startsAt: Date, status: AppointmentStatus, kind: AppointmentKind = "counseling") {
    return idOf(
      t.db
        .insert(appointments)
        .values({
          agencyId,
          caseId,
          staffUserId: staff.user.id,
          kind,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 45 * 60_000),
          status,
          cancelReason: status === "cancelled" ? "Family travelling" : null,
          outcomeRecordedAt: status === "attended" || status === "no_show" ? new Date(startsAt.getTime() + 60 * 60_000) : null,
          outcomeRecordedBy: status === "attended" || status === "no_show" ? staff.user.id : null,
          createdBy: staff.user.id,
        })
        .returning({ id: appointments.id }),
    );
  }

  async function milestone(caseId: string, domain: MilestoneDomain, status: MilestoneStatus, day: string | null = null) {
    return idOf(
      t.db
        .insert(caseMilestones)
        .values({
          agencyId,
          caseId,
          customTitle: `${domain} ${status}`,
          domain,
          status,
          achievedOn: status === "achieved" ? day : null,
          targetDate: status === "achieved" ? null : day,
          createdBy: sw1.user.id,
        })
        .returning({ id: caseMilestones.id }),
    );
  }

  /** An assessment with its domain scores (null: the domain had no answer); completed at `completedAt` or 18:00 that day. */
  async function assessment(
    caseId: string,
    instrumentCode: string,
    timepoint: AssessmentTimepoint,
    assessedOn: string,
    scores: Record<string, number | null>,
    options: { status?: "draft" | "completed"; completedAt?: Date } = {},
  ) {
    const status = options.status ?? "completed";
    const id = await idOf(
      t.db
        .insert(outcomeAssessments)
        .values({
          agencyId,
          caseId,
          instrumentCode,
          instrumentVersion: 1,
          timepoint,
          assessedOn,
          status,
          domainScores: Object.entries(scores).map(([domain, score]) => ({ domain, score, answered: score === null ? 0 : 2, items: 2, band: null, atRisk: null })),
          assessedBy: sw1.user.id,
          completedAt: status === "completed" ? (options.completedAt ?? local(assessedOn, "18:00")) : null,
        })
        .returning({ id: outcomeAssessments.id }),
    );
    // As the API does when it completes an assessment: the dashboard reads the change from here.
    if (status === "completed") await rebuildOutcomeChanges(t.db, caseId, instrumentCode);
    return id;
  }

  /** The context a procedure of `who` runs with, for calling services directly (their raw output). */
  async function contextOf(who: Actor): Promise<AuthedContext> {
    const ctx = createContext(t.deps, { requestId: randomUUID(), ip: "127.0.0.1", sessionToken: who.token, cookies: new TestCookieJar() });
    const session = await loadSession(ctx, who.token);
    if (!session) throw new Error("no session");
    return { ...ctx, user: session.user, sessionTokenHash: session.tokenHash };
  }

  const filter = (over: Partial<DashboardFilter> = {}): DashboardFilter => ({ agencyWide: false, from: "2026-01-01", to: TODAY, ...over });

  return {
    t,
    agencyId,
    teamA,
    teamB,
    supervisor,
    supervisorB,
    sw1,
    sw2,
    swB,
    co1,
    co2,
    coB,
    admin,
    outsider,
    makeCase,
    note,
    plan,
    appointment,
    milestone,
    assessment,
    contextOf,
    filter,
  };
}

export type ActivityWorld = Awaited<ReturnType<typeof activityWorld>>;
