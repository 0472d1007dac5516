/** The agency, people, case and helpers the session-note tests share. */
import { randomUUID } from "node:crypto";
import { cases, eq } from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import { localDate, PHQ_A, RISK_CHECK_ITEMS, type SaveSessionNoteInput } from "@lentera/domain";
import { createTestApi, type TestApi } from "../src/testing";

export type Actor = Awaited<ReturnType<TestApi["signedInUser"]>>;

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const ZONE = "Asia/Jakarta";

export async function sessionWorld() {
  const t = await createTestApi();
  const agency = await makeAgency(t.db, { country: "ID", timeZone: ZONE });
  const teamA = (await makeTeam(t.db, agency.id)).id;
  const teamB = (await makeTeam(t.db, agency.id)).id;
  const agencyId = agency.id;
  const sw = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  const swSameTeam = await t.signedInUser({ agencyId, roles: ["social_worker"], teamIds: [teamA] });
  const counselor = await t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [teamA] });
  const counselor2 = await t.signedInUser({ agencyId, roles: ["counselor"], teamIds: [teamA] });
  const supervisor = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamA] });
  const supervisorB = await t.signedInUser({ agencyId, roles: ["supervisor"], teamIds: [teamB] });
  const admin = await t.signedInUser({ agencyId, roles: ["admin"] });
  const other = await makeAgency(t.db);
  const outsider = await t.signedInUser({ agencyId: other.id, roles: ["supervisor"], teamIds: [(await makeTeam(t.db, other.id)).id] });

  /** A case of team A: `sw` its primary social worker, `counselor` and `counselor2` its counselors. */
  async function newCase() {
    const created = await sw.api.cases.create({
      client: { alias: `Melati ${randomUUID().slice(0, 6)}`, estimatedAge: 15, sex: "female", address: { country: "ID", province: null } },
      identity: { legalName: "Sinta Wulandari" },
      harmTypes: ["sextortion"],
      referralSource: "hotline",
      riskLevel: "high",
    });
    await supervisor.api.cases.assignCareTeam({
      caseId: created.id,
      version: created.version,
      primarySocialWorkerId: sw.user.id,
      counselorIds: [counselor.user.id, counselor2.user.id],
    });
    return created.id;
  }

  /** A draft plan with two goals; returns their keys. */
  async function planGoals(caseId: string) {
    const keys = [randomUUID(), randomUUID()] as const;
    const draft = await sw.api.plans.startDraft({ caseId });
    await sw.api.plans.saveDraft({
      versionId: draft.id,
      version: draft.version,
      goals: [
        { key: keys[0], domain: "psychological", title: "Sleeps through most nights" },
        { key: keys[1], domain: "social", title: "Back at school" },
      ],
    });
    return keys;
  }

  /** A counseling appointment of `staff`, starting `offsetMs` from now, `minutes` long. */
  async function appointment(caseId: string, staff: Actor, offsetMs: number, minutes = 45, mode: "in_person" | "phone" | "video" = "video") {
    const startsAt = new Date(t.deps.clock().getTime() + offsetMs);
    return sw.api.appointments.book({
      caseId,
      staffUserId: staff.user.id,
      kind: "counseling",
      mode,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    });
  }

  /** Today in the agency's zone. */
  const today = () => localDate(t.deps.clock(), ZONE);

  async function closeCase(caseId: string) {
    await t.db.update(cases).set({ status: "closed", closedAt: t.deps.clock() }).where(eq(cases.id, caseId));
  }

  /** A draft started by `who` (the counselor by default) and saved complete, ready to sign. */
  async function savedDraft(caseId: string, who: Actor = counselor, over: Partial<SaveSessionNoteInput> = {}) {
    const { noteId } = await who.api.sessions.start({ caseId });
    const saved = await who.api.sessions.save(completeDraft(noteId, 0, today(), over));
    return { noteId, version: saved.version, saved };
  }

  /** A signed note written by `who`. */
  async function signedNote(caseId: string, who: Actor = counselor, over: Partial<SaveSessionNoteInput> = {}) {
    const draft = await savedDraft(caseId, who, over);
    const signed = await who.api.sessions.sign({ noteId: draft.noteId, version: draft.version });
    return { noteId: draft.noteId, signed };
  }

  return {
    t,
    agencyId,
    teamA,
    sw,
    swSameTeam,
    counselor,
    counselor2,
    supervisor,
    supervisorB,
    admin,
    outsider,
    newCase,
    planGoals,
    appointment,
    today,
    closeCase,
    savedDraft,
    signedNote,
  };
}

export type SessionWorld = Awaited<ReturnType<typeof sessionWorld>>;

export const PHRASE = "she said the man from the game chat wrote to her again";

/** Every risk-check item answered "no". */
export const noRisk = () => Object.fromEntries(RISK_CHECK_ITEMS.map((item) => [item, false]));

/** PHQ-A answers by item, in the definition's order. */
export function phqAnswers(values: readonly number[]): Record<string, number> {
  const answers: Record<string, number> = {};
  values.forEach((value, index) => {
    const item = PHQ_A.items[index];
    if (item) answers[item.id] = value;
  });
  return answers;
}

/** A whole DAP draft that can be signed as it is. */
export function completeDraft(noteId: string, version: number, sessionDate: string, over: Partial<SaveSessionNoteInput> = {}): SaveSessionNoteInput {
  return {
    noteId,
    version,
    sessionDate,
    durationMinutes: 50,
    modality: "in_person",
    format: "dap",
    sections: { data: PHRASE, assessment: "Low mood, engaged.", plan: "Safety plan review next week." },
    interventions: ["psychoeducation", "safety_planning"],
    nextStep: "Meet next Tuesday",
    riskCheck: { answers: noRisk() },
    screenings: [],
    ...over,
  };
}

/** The Postgres SQLSTATE behind an error, through the drivers' wrappers. */
export function sqlStateOf(error: unknown): string | null {
  let current: unknown = error;
  while (current && typeof current === "object") {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Awaits a statement that the database must refuse; returns its SQLSTATE. */
export async function refusedState(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) throw new Error("the database accepted the statement");
  return sqlStateOf(error);
}
