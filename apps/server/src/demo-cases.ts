/**
 * One demo case with a few months of history, written through the real API (so it has its audit
 * trail, encrypted identity and computed review dates like any other case): an intake assessment
 * with two domains at risk, a plan approved four months ago, progress reviews (one goal's review
 * now overdue), and a later assessment that shows which domains improved. It lets a person who
 * starts the app see a plan in force, an overdue review and scores over time at once, and a signed
 * counseling session that raised a risk flag.
 */
import { randomUUID } from "node:crypto";
import { appRouter, createCallerFactory, createContext, type ApiDeps, type SessionCookieJar } from "@lentera/api";
import { DEMO_PASSWORD } from "@lentera/db";
import { addDays, DEFAULT_TIME_ZONE, PHQ_A, RECOVERY_INSTRUMENT, tomorrowIn, utcDate, type GoalInput } from "@lentera/domain";

const createCaller = createCallerFactory(appRouter);

class MemoryCookieJar implements SessionCookieJar {
  token: string | null = null;
  set(token: string) {
    this.token = token;
  }
  clear() {
    this.token = null;
  }
}


/** Every item of the recovery instrument answered `value`, with some items answered otherwise. */
function answers(value: number, overrides: Record<string, number>) {
  const all = RECOVERY_INSTRUMENT.domains.flatMap((domain) => domain.items.map((item) => [item.id, value] as const));
  return { ...Object.fromEntries(all), ...overrides };
}

export async function seedDemoCases(deps: ApiDeps): Promise<void> {
  const now = deps.clock();
  /** The API as `email`, signed in on `daysAgo` days before today (its clock stays on that day). */
  async function as(email: string, daysAgo: number) {
    const at = new Date(now.getTime() - daysAgo * 24 * 60 * 60 * 1000);
    const clocked: ApiDeps = { ...deps, clock: () => at };
    const jar = new MemoryCookieJar();
    const request = { requestId: randomUUID(), ip: "127.0.0.1", cookies: jar };
    await createCaller(createContext(clocked, { ...request, sessionToken: null })).auth.signIn({ email, password: DEMO_PASSWORD });
    return { api: createCaller(createContext(clocked, { ...request, sessionToken: jar.token })), today: utcDate(at) };
  }

  // The demo agency asks a supervisor to verify achieved milestones (the supervisor's My work shows one).
  const admin = await as("admin@example.org", 131);
  const settings = await admin.api.admin.settings.get();
  await admin.api.admin.settings.update({
    optionalPlanDomains: settings.optionalPlanDomains,
    allowPlanSelfApproval: settings.allowPlanSelfApproval,
    reviewIntervalDays: settings.reviewIntervalDays,
    version: settings.version,
    milestoneVerificationRequired: true,
  });

  const worker = await as("social.worker@example.org", 130);
  const created = await worker.api.cases.create({
    client: { alias: "Ani", estimatedAge: 15, sex: "female", languages: ["Bahasa Indonesia"], address: { country: "ID", province: "Jawa Barat" } },
    identity: { legalName: "Ani Demo Rahayu" },
    harmTypes: ["sextortion", "online_sexual_exploitation"],
    referralSource: "hotline",
    riskLevel: "high",
    riskConcerns: "Threats to share images if she stops sending them.",
  });
  const caseId = created.id;
  // Her mother consented for her at intake (she is 15), to services and to the processing of her data.
  for (const scope of ["services", "data_processing"] as const) {
    await worker.api.cases.consents.record({ caseId, scope, givenBy: "guardian", givenOn: worker.today });
  }
  const supervisor = await as("supervisor@example.org", 130);
  const counselorId = (await supervisor.api.cases.careTeamCandidates({ caseId })).find((user) => user.roles.includes("counselor"))?.id;
  const overview = await supervisor.api.cases.byId({ caseId });
  await supervisor.api.cases.assignCareTeam({
    caseId,
    version: overview.version,
    primarySocialWorkerId: overview.careTeam.find((member) => member.role === "primary_social_worker")?.userId ?? "",
    counselorIds: counselorId ? [counselorId] : [],
  });
  const afterTeam = await worker.api.cases.byId({ caseId });
  await worker.api.cases.changeStatus({ caseId, version: afterTeam.version, transition: "activate" });

  // Intake assessment: safety and mental wellbeing at risk.
  const intake = await as("social.worker@example.org", 125);
  const intakeAnswers = answers(3, { safe_from_exploiters: 1, safe_home: 2, safe_online: 1, copes_with_distress: 1, self_worth: 2, daily_routine: 2 });
  const draft = await intake.api.outcomes.save({
    caseId, assessmentId: null, version: 0, instrumentCode: RECOVERY_INSTRUMENT.code, instrumentVersion: RECOVERY_INSTRUMENT.version,
    timepoint: "intake", assessedOn: intake.today, answers: intakeAnswers,
  });
  await intake.api.outcomes.complete({ assessmentId: draft.id, version: draft.version });

  // The plan: goals in the three core domains that cover both at-risk domains.
  const goals: GoalInput[] = [
    { key: randomUUID(), domain: "physical", title: "Completes the health check and dental treatment", outcomeDomain: "physical_wellbeing",
      baseline: "Toothache, has not seen a doctor in two years", target: "Treatment completed", targetDate: addDays(intake.today, 120),
      interventions: [{ type: "medical_care", providerName: "Puskesmas Harapan", frequency: "monthly" }] },
    { key: randomUUID(), domain: "psychological", title: "Sleeps through most nights and manages panic", outcomeDomain: "mental_wellbeing",
      baseline: "Wakes most nights, panic when her phone rings", target: "Sleeps 5+ nights a week", status: "in_progress",
      interventions: [{ type: "counseling", providerName: null, frequency: "weekly" }] },
    { key: randomUUID(), domain: "social", title: "Safe from contact with the exploiter, at home and online", outcomeDomain: "safety",
      baseline: "Exploiter still messages her", target: "Accounts secured, no contact for three months",
      interventions: [{ type: "online_safety", providerName: null, frequency: "fortnightly" }] },
    { key: randomUUID(), domain: "social", title: "Back at school four days a week", outcomeDomain: "education_livelihood",
      baseline: "Stopped attending after the images were shared", target: "Attends 4 days a week", targetDate: addDays(intake.today, 180) },
  ];
  const started = await intake.api.plans.startDraft({ caseId });
  const saved = await intake.api.plans.saveDraft({ versionId: started.id, version: started.version, goals });
  const submitted = await intake.api.plans.submit({ versionId: started.id, version: saved.version });
  const approver = await as("supervisor@example.org", 122);
  await approver.api.plans.decide({ versionId: started.id, version: submitted.version, decision: "approve", comment: "Good plan. Start counseling this week." });

  // Reviews two months in; the physical goal was never reviewed, so its review is now overdue.
  const review = await as("social.worker@example.org", 60);
  const [, psychological, safety, school] = goals;
  for (const [goal, progress, note] of [
    [psychological, 30, "Sleeping better on counseling days."],
    [safety, 50, "New phone number; accounts secured with the online-safety worker."],
    [school, 40, "Attends two days a week."],
  ] as const) {
    if (goal) await review.api.plans.recordReview({ caseId, goalKey: goal.key, reviewedOn: review.today, progress, note });
  }
  const later = await as("social.worker@example.org", 5);
  if (school) await later.api.plans.recordReview({ caseId, goalKey: school.key, reviewedOn: later.today, progress: 70, note: "Attends school 4 days a week." });

  // A later assessment: safety and mental wellbeing improved.
  const laterAnswers = answers(3, { safe_from_exploiters: 3, safe_home: 3, safe_online: 3, copes_with_distress: 2, self_worth: 3, daily_routine: 3, learning: 4 });
  const second = await later.api.outcomes.save({
    caseId, assessmentId: null, version: 0, instrumentCode: RECOVERY_INSTRUMENT.code, instrumentVersion: RECOVERY_INSTRUMENT.version,
    timepoint: "ad_hoc", assessedOn: later.today, answers: laterAnswers,
  });
  await later.api.outcomes.complete({ assessmentId: second.id, version: second.version });

  // Counseling with the counselor: last week (attended), two days ago (outcome not recorded yet),
  // and tomorrow at 10:00 in the agency's zone (the demo agency keeps the default zone).
  if (counselorId && psychological) {
    const hour = 60 * 60 * 1000;
    const tomorrow = tomorrowIn(now, DEFAULT_TIME_ZONE).from.getTime() + 10 * hour;
    const counseling = (startsAt: number) => ({
      caseId, staffUserId: counselorId, kind: "counseling" as const, mode: "in_person" as const, place: "Counseling room 2",
      startsAt: new Date(startsAt), endsAt: new Date(startsAt + hour), goalKeys: [psychological.key],
    });
    const booker = await as("social.worker@example.org", 8);
    const lastWeek = await booker.api.appointments.book(counseling(tomorrow - 8 * 24 * hour));
    await booker.api.appointments.book(counseling(tomorrow - 3 * 24 * hour));
    await booker.api.appointments.book(counseling(tomorrow));
    const counselor = await as("counselor@example.org", 6);
    await counselor.api.appointments.recordOutcome({ appointmentId: lastWeek.id, version: lastWeek.version, outcome: "attended" });
    await logDemoSession(counselor.api, caseId, lastWeek.id, psychological.key);
  }

  await trackDemoMilestones(as, caseId, school?.key ?? null);
  // Two nights ago a worker of the other team answered the hotline and opened Ani's case.
  const nightShift = await as("social.worker2@example.org", 2);
  await nightShift.api.cases.breakGlass({ caseNumber: created.caseNumber, reason: "Hotline call at night: Ani said the man was outside her house." });
  await seedClosedCase(as);
}

type SignedIn = (email: string, daysAgo: number) => Promise<{ api: ReturnType<typeof createCaller>; today: string }>;

/**
 * Ani's milestones: enrolled in school (achieved and verified), attending regularly (achieved five
 * days ago, awaiting the supervisor's verification) and the images taken down (still in progress,
 * past its target date: on the social worker's My work).
 */
async function trackDemoMilestones(as: SignedIn, caseId: string, schoolGoalKey: string | null) {
  const start = await as("social.worker@example.org", 120);
  const add = (catalogKey: string, targetDaysAgo: number) =>
    start.api.milestones.add({ caseId, catalogKey, targetDate: addDays(start.today, 120 - targetDaysAgo), goalKey: catalogKey.includes("school") ? schoolGoalKey : null });
  const enrolled = await add("enrolled_in_school", 60);
  const attending = await add("attending_school_regularly", 10);
  const takenDown = await add("harmful_content_taken_down", 10);
  await start.api.milestones.changeStatus({ milestoneId: takenDown.id, version: takenDown.version, status: "in_progress", note: "Reported to the platform with the police unit." });

  const enrolling = await as("social.worker@example.org", 62);
  const achieved = await enrolling.api.milestones.changeStatus({
    milestoneId: enrolled.id, version: enrolled.version, status: "achieved", achievedOn: enrolling.today, note: "Enrolment letter from SMP Negeri 3 seen.",
  });
  const verifier = await as("supervisor@example.org", 60);
  await verifier.api.milestones.verify({ milestoneId: achieved.id, version: achieved.version, decision: "verify" });

  const attendingNow = await as("social.worker@example.org", 5);
  await attendingNow.api.milestones.changeStatus({
    milestoneId: attending.id, version: attending.version, status: "achieved", achievedOn: attendingNow.today, note: "Attendance register: four days a week for a month.",
  });
}

/**
 * A case closed seven months ago (goals achieved): its six-month follow-up visit is due and shows
 * on the social worker's My work.
 */
async function seedClosedCase(as: SignedIn) {
  const worker = await as("social.worker@example.org", 260);
  const created = await worker.api.cases.create({
    client: { alias: "Sari", estimatedAge: 17, sex: "female", languages: ["Bahasa Indonesia"], address: { country: "ID", province: "Jawa Barat" } },
    identity: { legalName: "Sari Demo Lestari" },
    harmTypes: ["ncii"],
    referralSource: "police",
    riskLevel: "medium",
  });
  const active = await worker.api.cases.changeStatus({ caseId: created.id, version: created.version, transition: "activate" });
  const closing = await as("social.worker@example.org", 215);
  const requested = await closing.api.cases.requestClosure({ caseId: created.id, version: active.version, reason: "goals_achieved", note: "Back at school, images removed, family supportive." });
  const decider = await as("supervisor@example.org", 214);
  await decider.api.cases.decideClosure({ caseId: created.id, version: requested.version, decision: "approve", comment: "Well done." });
}

/**
 * Last week's session, signed: a DAP note with a PHQ-A in the positive band and a risk check that
 * found renewed contact from the exploiter. The supervisor's queue shows the open risk flag and
 * the positive screen; the social worker sees only that the session took place.
 */
async function logDemoSession(api: ReturnType<typeof createCaller>, caseId: string, appointmentId: string, goalKey: string) {
  const { noteId } = await api.sessions.start({ caseId, appointmentId });
  const note = await api.sessions.get({ noteId });
  const phqA = PHQ_A.items.map((item, index) => [item.id, [2, 1, 2, 1, 2, 1, 1, 1, 0][index] ?? 0] as const);
  const saved = await api.sessions.save({
    noteId,
    version: note.version,
    sessionDate: note.sessionDate,
    durationMinutes: note.durationMinutes,
    modality: note.modality,
    format: "dap",
    sections: {
      data: "Ani was quiet at first. She said a new account messaged her twice this week asking for photos; she did not answer.",
      assessment: "Low mood and poor sleep since the messages (PHQ-A 11). No thoughts of self-harm. She knew what to do and told her mother.",
      plan: "Report the account with the online-safety worker; practise the grounding exercise before sleep; next session in one week.",
    },
    goalKeys: [goalKey],
    interventions: ["online_safety", "relaxation_grounding", "safety_planning"],
    nextStep: "Report the new account with the online-safety worker this week.",
    riskCheck: {
      answers: { self_harm: false, suicidal_thoughts: false, exploiter_contact: true, unsafe_home: false, other: false },
      otherDetail: null,
    },
    screenings: [{ instrumentCode: PHQ_A.code, instrumentVersion: PHQ_A.version, answers: Object.fromEntries(phqA) }],
  });
  await api.sessions.sign({ noteId, version: saved.version });
}
