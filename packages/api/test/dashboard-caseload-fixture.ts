/**
 * A small agency for the dashboard's case figures, built through the API with the clock moved
 * forward event by event, so the plans module keeps review dates, the workflow sets opening and
 * closing instants, sessions raise flags — as in real use. Times are UTC; Jakarta is UTC+7.
 *
 * Team A: Ana and Budi (social workers), Dian (counselor), Sri (supervisor). Team B: Citra (social
 * worker), Eka (counselor), Tono (supervisor). The agency grants supervisors the agency-wide view.
 * The clock ends at 2026-03-20 10:00 in Jakarta: today is 20 March, the no-contact window (14 days)
 * starts on 7 March, reviews are due 30 days after a plan's approval.
 *
 * | case | team | primary | risk     | harm types              | opened (local)  | now       | what else                                                                  |
 * | C1   | A    | Ana     | high     | grooming, sextortion    | 2025-12-10      | active    | plan approved 5 Jan (review due 4 Feb: overdue); attended 10 Mar; Ana's 19 Mar appointment without outcome; a future one; an acknowledged flag |
 * | C2   | A    | Ana     | critical | csam                    | 2026-01-15      | active    | no-show 12 Mar; Dian's 18 Mar appointment without outcome; no contact       |
 * | C3   | A    | Budi    | medium   | ncii                    | 2026-02-01 01:00 (31 Jan UTC) | intake | session 15 Mar raising an open flag                       |
 * | C4   | A    | Budi    | low      | grooming                | 2026-02-10      | on_hold   | plan approved 1 Mar (due 31 Mar); closure pending; attended 6 Mar: no contact since |
 * | C5   | A    | —       | medium   | other                   | 2026-03-02      | intake    | registered by the supervisor: no primary social worker; no contact        |
 * | C6   | A    | Ana     | medium   | online_prostitution     | 2026-01-20      | closed 25 Feb | plan approved 21 Jan (cleared on closing)                             |
 * | C7   | A    | Budi    | high     | trafficking, grooming   | 2026-02-20      | active    | plan submitted 5 Mar; attended 16 Mar                                      |
 * | C8   | B    | Citra   | critical | sextortion              | 2026-01-08      | active    | plan approved 10 Jan (due 9 Feb: overdue); session 20 Feb raising an open flag; no contact since |
 * | C9   | B    | Citra   | low      | ncii                    | 2025-11-20      | closed 25 Jan |                                                                      |
 * | C10  | B    | Citra   | medium   | grooming                | 2026-02-28 00:30 (27 Feb UTC) | intake | plan submitted 5 Mar; Citra's 19 Mar appointment without outcome; no contact |
 */
import { randomUUID } from "node:crypto";
import { and, cases, eq, isNull, riskFlags, users } from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import type { DashboardFilter, HarmType, RiskLevel } from "@lentera/domain";
import { createContext } from "../src/context";
import type { AuthedContext } from "../src/trpc";
import { loadSession } from "../src/auth/sessions";
import { createTestApi, TestCookieJar, type TestApi } from "../src/testing";
import { completeDraft, noRisk } from "./sessions-fixture";

export const ZONE = "Asia/Jakarta";
export const TODAY = "2026-03-20";
export const NOW = new Date("2026-03-20T03:00:00Z");
const MINUTE = 60_000;

export type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;
export type CaseName = "C1" | "C2" | "C3" | "C4" | "C5" | "C6" | "C7" | "C8" | "C9" | "C10";

export async function caseloadWorld() {
  const t = await createTestApi({ sessionIdleMinutes: 60 * 24 * 1000, sessionAbsoluteHours: 24 * 1000 });
  const moveTo = (iso: string) => t.advanceClock(new Date(iso).getTime() - t.deps.clock().getTime());
  moveTo("2025-11-01T00:00:00Z");
  const agency = await makeAgency(t.db, {
    country: "ID",
    timeZone: ZONE,
    reviewIntervalDays: 30,
    noContactDays: 14,
    agencyWideDashboardRoles: ["supervisor"],
  });
  const agencyId = agency.id;
  const teamA = (await makeTeam(t.db, agencyId, "Team A")).id;
  const teamB = (await makeTeam(t.db, agencyId, "Team B")).id;

  async function member(roles: Actor["user"]["roles"], teamIds: string[], name: string): Promise<Actor> {
    const actor = await t.signedInUser({ agencyId, roles, teamIds });
    await t.db.update(users).set({ displayName: name }).where(eq(users.id, actor.user.id));
    return { ...actor, user: { ...actor.user, displayName: name } };
  }
  const ana = await member(["social_worker"], [teamA], "Ana");
  const budi = await member(["social_worker"], [teamA], "Budi");
  const dian = await member(["counselor"], [teamA], "Dian");
  const sri = await member(["supervisor"], [teamA], "Sri");
  const citra = await member(["social_worker"], [teamB], "Citra");
  const eka = await member(["counselor"], [teamB], "Eka");
  const tono = await member(["supervisor"], [teamB], "Tono");
  const admin = await member(["admin"], [], "Admin");
  const supervisorOf = (team: string) => (team === teamA ? sri : tono);

  const n = {} as Record<CaseName, string>;
  const ids = {} as Record<CaseName, string>;
  async function versionOf(caseId: string) {
    const [row] = await t.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    if (!row) throw new Error("no such case");
    return row.version;
  }

  /** Registers a case at the clock's time: by its primary social worker (then given its counselors), or by the supervisor (no primary). */
  async function openCase(
    name: CaseName,
    at: string,
    values: { team: string; primary: Actor | null; counselors?: Actor[]; riskLevel: RiskLevel; harmTypes: HarmType[] },
  ) {
    moveTo(at);
    const registrar = values.primary ?? supervisorOf(values.team);
    const created = await registrar.api.cases.create({
      client: { alias: `Alias ${name}`, estimatedAge: 14, sex: "female", address: { country: "ID", province: null } },
      identity: { legalName: `Legal ${randomUUID().slice(0, 6)}` },
      harmTypes: values.harmTypes,
      referralSource: "hotline",
      riskLevel: values.riskLevel,
    });
    if (values.primary && values.counselors?.length) {
      await supervisorOf(values.team).api.cases.assignCareTeam({
        caseId: created.id,
        version: created.version,
        primarySocialWorkerId: values.primary.user.id,
        counselorIds: values.counselors.map((counselor) => counselor.user.id),
      });
    }
    n[name] = created.caseNumber;
    ids[name] = created.id;
    return created.id;
  }

  async function transition(name: CaseName, by: Actor, ...steps: ("activate" | "hold")[]) {
    for (const step of steps) await by.api.cases.changeStatus({ caseId: ids[name], version: await versionOf(ids[name]), transition: step });
  }

  /** A one-goal plan drafted and submitted by `by` at the clock's time; approved by the team's supervisor when `approve`. */
  async function plan(name: CaseName, at: string, by: Actor, team: string, approve: boolean) {
    moveTo(at);
    const draft = await by.api.plans.startDraft({ caseId: ids[name] });
    const saved = await by.api.plans.saveDraft({
      versionId: draft.id,
      version: draft.version,
      goals: [{ key: randomUUID(), domain: "social", title: "Back at school four days a week" }],
    });
    const submitted = await by.api.plans.submit({ versionId: saved.id, version: saved.version });
    if (approve) await supervisorOf(team).api.plans.decide({ versionId: submitted.id, version: submitted.version, decision: "approve" });
    return submitted.id;
  }

  async function requestClosure(name: CaseName, at: string, by: Actor) {
    moveTo(at);
    await by.api.cases.requestClosure({ caseId: ids[name], version: await versionOf(ids[name]), reason: "goals_achieved" });
  }

  async function close(name: CaseName, at: string, by: Actor, team: string) {
    await requestClosure(name, at, by);
    await supervisorOf(team).api.cases.decideClosure({ caseId: ids[name], version: await versionOf(ids[name]), decision: "approve" });
  }

  /** An appointment of `staff` booked by `by` (45 minutes from `startsAt`), its outcome recorded by the staff member when given. */
  async function appointment(name: CaseName, by: Actor, staff: Actor, startsAt: string, outcome?: "attended" | "no_show") {
    const starts = new Date(startsAt);
    const booked = await by.api.appointments.book({
      caseId: ids[name],
      staffUserId: staff.user.id,
      kind: "counseling",
      mode: "in_person",
      startsAt: starts,
      endsAt: new Date(starts.getTime() + 45 * MINUTE),
    });
    if (outcome) await staff.api.appointments.recordOutcome({ appointmentId: booked.id, version: booked.version, outcome });
    return booked.id;
  }

  /** A session note by `counselor` dated `sessionDate` whose risk check raises a flag (exploiter contact); returns the flag. */
  async function flaggedSession(name: CaseName, counselor: Actor, sessionDate: string) {
    const { noteId } = await counselor.api.sessions.start({ caseId: ids[name] });
    await counselor.api.sessions.save(completeDraft(noteId, 0, sessionDate, { riskCheck: { answers: { ...noRisk(), exploiter_contact: true } } }));
    const [flag] = await t.db
      .select({ id: riskFlags.id, version: riskFlags.version })
      .from(riskFlags)
      .where(and(eq(riskFlags.noteId, noteId), isNull(riskFlags.acknowledgedAt)));
    if (!flag) throw new Error("the session raised no flag");
    return flag;
  }

  /* ---- The story, in the clock's order ---- */
  await openCase("C9", "2025-11-20T03:00:00Z", { team: teamB, primary: citra, counselors: [eka], riskLevel: "low", harmTypes: ["ncii"] });
  await openCase("C1", "2025-12-10T03:00:00Z", { team: teamA, primary: ana, counselors: [dian], riskLevel: "high", harmTypes: ["grooming", "sextortion"] });
  await plan("C1", "2026-01-05T03:00:00Z", ana, teamA, true);
  await transition("C1", ana, "activate");
  await openCase("C8", "2026-01-08T03:00:00Z", { team: teamB, primary: citra, counselors: [eka], riskLevel: "critical", harmTypes: ["sextortion"] });
  await transition("C8", citra, "activate");
  await plan("C8", "2026-01-10T03:00:00Z", citra, teamB, true);
  await openCase("C2", "2026-01-15T10:00:00Z", { team: teamA, primary: ana, counselors: [dian], riskLevel: "critical", harmTypes: ["csam"] });
  await transition("C2", ana, "activate");
  await openCase("C6", "2026-01-20T03:00:00Z", { team: teamA, primary: ana, riskLevel: "medium", harmTypes: ["online_prostitution"] });
  await plan("C6", "2026-01-21T03:00:00Z", ana, teamA, true);
  await close("C9", "2026-01-25T03:00:00Z", citra, teamB);
  await openCase("C3", "2026-01-31T18:00:00Z", { team: teamA, primary: budi, counselors: [dian], riskLevel: "medium", harmTypes: ["ncii"] });
  await openCase("C4", "2026-02-10T03:00:00Z", { team: teamA, primary: budi, riskLevel: "low", harmTypes: ["grooming"] });
  await transition("C4", budi, "activate", "hold");
  await openCase("C7", "2026-02-20T03:00:00Z", { team: teamA, primary: budi, riskLevel: "high", harmTypes: ["trafficking", "grooming"] });
  await transition("C7", budi, "activate");
  await close("C6", "2026-02-25T03:00:00Z", ana, teamA);
  await openCase("C10", "2026-02-27T17:30:00Z", { team: teamB, primary: citra, riskLevel: "medium", harmTypes: ["grooming"] });
  await plan("C4", "2026-03-01T03:00:00Z", budi, teamA, true);
  await requestClosure("C4", "2026-03-01T04:00:00Z", budi);
  await openCase("C5", "2026-03-02T03:00:00Z", { team: teamA, primary: null, riskLevel: "medium", harmTypes: ["other"] });
  const planC7 = await plan("C7", "2026-03-05T03:00:00Z", budi, teamA, false);
  const planC10 = await plan("C10", "2026-03-05T04:00:00Z", citra, teamB, false);

  moveTo(NOW.toISOString());
  await appointment("C1", ana, dian, "2026-03-10T02:00:00Z", "attended");
  const missingC1 = await appointment("C1", ana, ana, "2026-03-19T01:00:00Z");
  await appointment("C1", ana, ana, "2026-03-25T02:00:00Z");
  await appointment("C2", ana, ana, "2026-03-12T02:00:00Z", "no_show");
  const missingC2 = await appointment("C2", ana, dian, "2026-03-18T02:00:00Z");
  await appointment("C4", budi, budi, "2026-03-06T02:00:00Z", "attended");
  await appointment("C7", budi, budi, "2026-03-16T02:00:00Z", "attended");
  const missingC10 = await appointment("C10", citra, citra, "2026-03-19T03:00:00Z");
  // Flags: C8's first (a session of 20 Feb written today), then C3's; C1's is acknowledged.
  moveTo("2026-03-20T02:00:00Z");
  const flagC8 = await flaggedSession("C8", eka, "2026-02-20");
  moveTo("2026-03-20T02:30:00Z");
  const flagC3 = await flaggedSession("C3", dian, "2026-03-15");
  const flagC1 = await flaggedSession("C1", dian, "2026-03-19");
  await sri.api.supervision.acknowledgeFlag({ flagId: flagC1.id, version: flagC1.version, actionTaken: "Safety plan agreed with the aunt" });
  moveTo(NOW.toISOString());

  async function contextOf(who: Actor): Promise<AuthedContext> {
    const ctx = createContext(t.deps, { requestId: randomUUID(), ip: "127.0.0.1", sessionToken: who.token, cookies: new TestCookieJar() });
    const loaded = await loadSession(ctx, who.token);
    if (!loaded) throw new Error("no session");
    return { ...ctx, user: loaded.user, sessionTokenHash: loaded.tokenHash };
  }

  const filter = (over: Partial<DashboardFilter> = {}): DashboardFilter => ({ agencyWide: false, from: "2026-01-01", to: "2026-03-31", ...over });

  return {
    t,
    agencyId,
    teamA,
    teamB,
    ana,
    budi,
    dian,
    sri,
    citra,
    eka,
    tono,
    admin,
    n,
    ids,
    targets: { planC7, planC10, missingC1, missingC2, missingC10, flagC3: flagC3.id, flagC8: flagC8.id },
    contextOf,
    filter,
  };
}

export type CaseloadWorld = Awaited<ReturnType<typeof caseloadWorld>>;
