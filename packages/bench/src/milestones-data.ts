/**
 * Reintegration milestones for one generated case, with the history of every change, and the
 * outcomes of its post-closure follow-ups.
 *
 * Milestones: 3 to 8 per case (more for an older case), mostly from the default catalog weighted to
 * the case's situation (school for a child, work for a young adult, online safety where images were
 * shared, housing and family where the child was trafficked; legal ones less often, more after a
 * police referral), about one in ten with a custom title. Each is added as `planned` (as the API
 * adds it) and lives through the case: work starts, and it is achieved after about its kind's usual
 * time (sooner or later, or never), so older and closed cases have more achieved. About 10% of
 * achievements do not hold (`regressed`, with a note, the achievement kept in the history), some are
 * taken up again; about 5% are set aside as not applicable, and at closure about half of what is
 * still open. Targets are set near the usual time, so a slow milestone passes its target still
 * open (My work: milestones past target) unless the worker has moved it (about 60% of those, in the
 * last two months). Every change is an event by the case's social worker, in
 * increasing time and by the transitions the domain allows. Where the agency requires verification,
 * the team's supervisor verifies most achievements within two weeks, rejects about 5% (back to
 * `in_progress`), and leaves the recent ones and about 2% of older ones waiting (My work: milestones
 * to verify). Events are final rows: the table refuses UPDATE and DELETE.
 *
 * Follow-ups: for a closed case, an outcome for most of its follow-up dates that have come, recorded
 * by the social worker on the day or within three weeks; about half of those due in the last 30
 * days and a few older ones are left unrecorded (My work: follow-ups due). None reopens the case
 * (the case stays closed in the data set).
 */
import type { Faker } from "@faker-js/faker";
import type { caseMilestones, followUpOutcomes, milestoneEvents } from "@lentera/db";
import {
  DEFAULT_MILESTONE_CATALOG,
  type DefaultMilestoneKey,
  type FollowUpOutcome,
  type HarmType,
  type MilestoneDomain,
  type MilestoneEventKind,
  type MilestoneStatus,
  OPEN_MILESTONE_STATUSES,
  type PlanDomain,
  type ReferralSource,
} from "@lentera/domain";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
/** 08:00 at UTC+7, as in appointments-data.ts. */
const WORKDAY_START_UTC_HOUR = 1;
const WORKDAY_HOURS = 8;
const MIN_MILESTONES = 3;
const MAX_MILESTONES = 8;

export type MilestoneRow = typeof caseMilestones.$inferInsert;
export type MilestoneEventRow = typeof milestoneEvents.$inferInsert;
export type FollowUpOutcomeRow = typeof followUpOutcomes.$inferInsert;

export interface MilestoneRows {
  milestones: MilestoneRow[];
  /** Insert after `milestones` (they reference them). */
  events: MilestoneEventRow[];
  followUps: FollowUpOutcomeRow[];
}

export const emptyMilestoneRows = (): MilestoneRows => ({ milestones: [], events: [], followUps: [] });

export interface MilestoneCase {
  agencyId: string;
  caseId: string;
  workerId: string;
  supervisorId: string;
  openedAt: Date;
  /** Closure, or null while the case is open. */
  closedAt: Date | null;
  now: Date;
  /** Still in intake: milestones are planned, nothing is reached yet. */
  intakeOnly: boolean;
  /** The client's age when the case opened, in years, if known. */
  age: number | null;
  harmTypes: readonly HarmType[];
  referralSource: ReferralSource;
  /** The agency's setting: an achievement awaits a supervisor's verification. */
  verificationRequired: boolean;
  /** Plan goals a milestone may show progress on, each from the day its plan version was drafted. */
  goals: readonly { key: string; domain: PlanDomain; from: Date }[];
}

export interface FollowUpCase {
  agencyId: string;
  caseId: string;
  workerId: string;
  /** `cases.follow_up_dates` (YYYY-MM-DD), set at closure. */
  dueDates: readonly string[];
  now: Date;
}

/** How long a kind of milestone usually takes from being added to being reached, in days. */
const USUAL_DAYS: Record<DefaultMilestoneKey, number> = {
  returned_to_family: 120,
  kinship_or_foster_placement: 90,
  enrolled_in_school: 60,
  attending_school_regularly: 150,
  completed_school_level: 365,
  vocational_training: 120,
  first_income: 240,
  stable_job: 400,
  safe_stable_housing: 150,
  treatment_completed: 180,
  statement_given: 45,
  legal_case_filed: 150,
  verdict_reached: 450,
  restitution_received: 600,
  joined_community_group: 90,
  peer_support: 120,
  harmful_content_reported: 14,
  harmful_content_taken_down: 60,
  accounts_secured: 21,
};

/** How often a kind is tracked, before the case's situation: education, family and online safety most, legal least. */
const BASE_WEIGHT: Record<DefaultMilestoneKey, number> = {
  returned_to_family: 9,
  kinship_or_foster_placement: 3,
  enrolled_in_school: 10,
  attending_school_regularly: 9,
  completed_school_level: 5,
  vocational_training: 5,
  first_income: 3,
  stable_job: 2,
  safe_stable_housing: 4,
  treatment_completed: 4,
  statement_given: 2.5,
  legal_case_filed: 1.5,
  verdict_reached: 1,
  restitution_received: 0.5,
  joined_community_group: 5,
  peer_support: 6,
  harmful_content_reported: 9,
  harmful_content_taken_down: 7,
  accounts_secured: 9,
};

/** Milestones agencies track that the default catalog does not name. */
const CUSTOM_MILESTONES: readonly { title: string; domain: MilestoneDomain; days: number }[] = [
  { title: "Birth certificate obtained", domain: "legal", days: 120 },
  { title: "National ID card issued", domain: "legal", days: 90 },
  { title: "Opened a savings account", domain: "livelihood", days: 60 },
  { title: "Reconnected with an older sibling", domain: "family", days: 120 },
  { title: "Joined the school's art club", domain: "community", days: 60 },
  { title: "Health insurance card active", domain: "health", days: 60 },
  { title: "New phone number kept private", domain: "online_safety", days: 14 },
  { title: "Completed a digital safety workshop", domain: "online_safety", days: 45 },
  { title: "Passed the equivalency exam", domain: "education", days: 300 },
  { title: "Moved to a boarding school", domain: "housing", days: 90 },
];

/** The plan domains whose goals a milestone of a domain can show progress on (the generated goals are in the core domains). */
const GOAL_DOMAINS: Record<MilestoneDomain, readonly PlanDomain[]> = {
  family: ["social"],
  education: ["social", "education"],
  livelihood: ["social", "economic"],
  housing: ["social", "safety"],
  health: ["physical"],
  legal: ["legal"],
  community: ["social"],
  online_safety: ["safety"],
};

const EVIDENCE: Record<MilestoneDomain, readonly string[]> = {
  family: ["Home visit: living with her mother and grandmother", "Family meeting held; placement agreed by the social office"],
  education: ["Enrolment letter from the school seen", "Attendance record from the homeroom teacher", "Report card copied to the file"],
  livelihood: ["Training certificate seen", "First payslip seen", "Employer confirmed by phone"],
  housing: ["Home visit: safe room, lock on the door", "Rental agreement in the guardian's name"],
  health: ["Discharge summary from the clinic", "Last dose confirmed by the health centre"],
  legal: ["Police report number recorded", "Court summons seen", "Decision letter from the court", "Transfer receipt seen"],
  community: ["Group leader confirmed attendance", "Attended three meetings in a row"],
  online_safety: ["Platform report reference recorded", "Takedown confirmation from the platform", "Two-step sign-in set on all accounts"],
};
const REGRESSION_NOTES = [
  "Stopped attending after moving house",
  "Contact with the exploiter resumed",
  "Placement broke down; back at the shelter",
  "Lost the job after two months",
  "Content reappeared on another site",
  "Family conflict; left home again",
];
const NOT_APPLICABLE_NOTES = ["The client chose not to pursue this", "No longer relevant after the family moved", "Referred to another agency for this"];
const AT_CLOSURE_NOTE = "Case closed before this was reached";
const REJECTION_NOTES = ["Please attach the school's letter first", "Evidence not clear yet; confirm at the next home visit"];
const FOLLOW_UP_NOTES = [
  "Living at home, attending school",
  "Guardian reports she is doing well",
  "Some conflict at home; advised to call the hotline",
  "Phone number no longer active",
  "Working at the market with her aunt",
];
const FOLLOW_UP_WEIGHTS: readonly (readonly [FollowUpOutcome, number])[] = [
  ["doing_well", 60],
  ["some_concerns", 20],
  ["serious_concerns", 7],
  ["not_reached", 13],
];

/** The day in the agencies' time zone (Asia/Jakarta, the default, and Hanoi: both UTC+7). */
const localDay = (instant: number) => new Date(instant + 7 * HOUR).toISOString().slice(0, 10);
/** The instant a local day (UTC+7) begins. */
const dayStart = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) - 7 * HOUR;
const pick = <T>(local: Faker, weights: readonly (readonly [T, number])[]) =>
  local.helpers.weightedArrayElement(weights.map(([value, weight]) => ({ value, weight })));
/** A working hour (UTC+7) on the day of `instant`. */
const workingHour = (local: Faker, instant: number) =>
  Math.floor(instant / DAY) * DAY + (WORKDAY_START_UTC_HOUR + local.number.int({ min: 0, max: WORKDAY_HOURS - 1 })) * HOUR + local.number.int({ min: 0, max: 59 }) * MINUTE;
const days = (local: Faker, min: number, max: number) => local.number.float({ min, max }) * DAY;

/** The weight of each catalog kind for this case's situation. */
function weightsFor(input: MilestoneCase): Map<DefaultMilestoneKey, number> {
  const harms = new Set(input.harmTypes);
  const imageHarm = harms.has("ncii") || harms.has("sextortion") || harms.has("csam");
  const displaced = harms.has("trafficking") || harms.has("online_prostitution");
  const adult = input.age !== null && input.age >= 18;
  const young = input.age !== null && input.age < 15;
  const weights = new Map<DefaultMilestoneKey, number>();
  for (const entry of DEFAULT_MILESTONE_CATALOG) {
    let weight = BASE_WEIGHT[entry.key];
    if (entry.domain === "education") weight *= adult ? 0.3 : 1;
    if (entry.domain === "livelihood") weight *= adult ? 3 : young ? 0.2 : 1;
    if (entry.domain === "online_safety") weight *= imageHarm ? 1.6 : 1;
    if (entry.domain === "housing" || entry.domain === "family") weight *= displaced ? 1.8 : 1;
    if (entry.domain === "legal") weight *= (displaced ? 1.5 : 1) * (input.referralSource === "police" ? 2 : 1);
    weights.set(entry.key, weight);
  }
  return weights;
}

interface Pick {
  catalogKey: DefaultMilestoneKey | null;
  customTitle: string | null;
  domain: MilestoneDomain;
  usualDays: number;
  /** The place in its domain's sequence (enrolled before attending before completed): added in that order. */
  rank: number;
}

const RANK = new Map<string, number>(
  DEFAULT_MILESTONE_CATALOG.map((entry) => [entry.key, DEFAULT_MILESTONE_CATALOG.filter((other) => other.domain === entry.domain).indexOf(entry)]),
);

function picksFor(local: Faker, input: MilestoneCase, count: number): Pick[] {
  const remaining = [...weightsFor(input)];
  const customs = [...CUSTOM_MILESTONES];
  const picks: Pick[] = [];
  for (let n = 0; n < count; n++) {
    if (local.datatype.boolean(0.1) && customs.length > 0) {
      const [custom] = customs.splice(local.number.int({ min: 0, max: customs.length - 1 }), 1);
      if (custom) picks.push({ catalogKey: null, customTitle: custom.title, domain: custom.domain, usualDays: custom.days, rank: 0 });
      continue;
    }
    const key = local.helpers.weightedArrayElement(remaining.map(([value, weight]) => ({ value, weight })));
    remaining.splice(remaining.findIndex(([value]) => value === key), 1);
    const entry = DEFAULT_MILESTONE_CATALOG.find((candidate) => candidate.key === key);
    if (entry) picks.push({ catalogKey: entry.key, customTitle: null, domain: entry.domain, usualDays: USUAL_DAYS[entry.key], rank: RANK.get(entry.key) ?? 0 });
  }
  // Stable: kinds of the same rank keep their drawn order.
  return picks.sort((a, b) => a.rank - b.rank);
}

export function milestoneRowsFor(local: Faker, input: MilestoneCase, into: MilestoneRows): void {
  const opened = input.openedAt.getTime();
  const until = (input.closedAt ?? input.now).getTime();
  const now = input.now.getTime();
  const life = until - opened;
  if (life <= HOUR) return;

  // Older cases track more; one still in intake has its first few planned.
  const count = input.intakeOnly
    ? MIN_MILESTONES
    : Math.max(MIN_MILESTONES, Math.min(MAX_MILESTONES, Math.round(MIN_MILESTONES + (5 * life) / (2.5 * YEAR) + local.number.float({ min: -1, max: 1 }))));
  const picks = picksFor(local, input, count);
  // Most are added in the first months (with the first plan), the rest as the case goes on.
  const addedAt = picks
    .map(() => opened + DAY + Math.max(0, life - 2 * DAY) * 0.8 * local.number.float({ min: 0, max: 1 }) ** 1.6)
    .sort((a, b) => a - b)
    .map((instant) => Math.min(until - HOUR, Math.max(opened + HOUR, workingHour(local, instant))));

  picks.forEach((milestone, index) => {
    const id = local.string.uuid();
    const createdAt = addedAt[index] ?? opened + HOUR;
    const usual = milestone.usualDays * DAY;
    const events: MilestoneEventRow[] = [];
    // Changed by the closures below (an object, so that the compiler does not narrow it away).
    const state: { status: MilestoneStatus; last: number; achievedOn: string | null; everAchieved: boolean; verified: { by: string; at: number } | null } = {
      status: "planned",
      last: createdAt,
      achievedOn: null,
      everAchieved: false,
      verified: null,
    };
    const event = (kind: MilestoneEventKind, to: MilestoneStatus, at: number, extra: { note?: string; achievedOn?: string | null; actorId?: string } = {}) => {
      events.push({
        agencyId: input.agencyId,
        caseId: input.caseId,
        milestoneId: id,
        kind,
        fromStatus: events.length === 0 ? null : state.status,
        toStatus: to,
        achievedOn: extra.achievedOn ?? null,
        note: extra.note ?? null,
        actorId: extra.actorId ?? input.workerId,
        occurredAt: new Date(at),
      });
      state.status = to;
      state.last = at;
    };
    /** A change by the social worker at about `wanted`, if it comes before the case's end (closure or now). */
    const change = (to: MilestoneStatus, wanted: number, note?: string): boolean => {
      const at = Math.max(workingHour(local, wanted), state.last + MINUTE);
      if (at > until) return false;
      // Reached on the day it is recorded or a few days before (never before the previous change).
      state.achievedOn = to === "achieved" ? localDay(Math.max(state.last, at - days(local, 0, 5))) : null;
      state.everAchieved ||= to === "achieved";
      state.verified = null;
      event("status", to, at, { note, achievedOn: state.achievedOn });
      return true;
    };

    event("status", "planned", createdAt);
    const targetDate = localDay(createdAt + usual * local.number.float({ min: 0.8, max: 1.3 }));
    // When it would be reached (null: not in this case's life), started, or set aside.
    const speed = pick(local, [["usual", 60], ["slow", 25], ["never", 15]] as const);
    let achieveAt: number | null =
      input.intakeOnly || speed === "never" ? null : createdAt + usual * (speed === "usual" ? local.number.float({ min: 0.5, max: 1.2 }) : local.number.float({ min: 1.2, max: 2.5 }));
    const startAt = local.datatype.boolean(0.85) ? createdAt + usual * local.number.float({ min: 0.05, max: 0.4 }) : null;
    const dropAt = local.datatype.boolean(0.05) ? createdAt + usual * local.number.float({ min: 0.2, max: 1.5 }) : null;

    const simulate = () => {
      if (startAt !== null && (achieveAt === null || startAt < achieveAt) && (dropAt === null || startAt < dropAt)) {
        if (!change("in_progress", startAt)) return;
      }
      if (dropAt !== null && (achieveAt === null || dropAt < achieveAt)) {
        change("not_applicable", dropAt, local.helpers.arrayElement(NOT_APPLICABLE_NOTES));
        return;
      }
      for (let cycle = 0; achieveAt !== null && cycle < 3; cycle++) {
        if (!change("achieved", achieveAt)) return;
        const achievedAt = state.last;
        achieveAt = null;
        const regressAt = local.datatype.boolean(0.1) ? achievedAt + days(local, 30, 365) : null;
        if (input.verificationRequired && local.datatype.boolean(0.98)) {
          // The supervisor decides within two weeks (also after closure), before any regression.
          const decideAt = Math.max(workingHour(local, achievedAt + days(local, 1, 14)), state.last + MINUTE);
          if (decideAt <= now && (regressAt === null || decideAt < regressAt)) {
            if (local.datatype.boolean(0.05)) {
              // The event keeps the date that was claimed (as the API writes it).
              event("verification_rejected", "in_progress", decideAt, { note: local.helpers.arrayElement(REJECTION_NOTES), achievedOn: state.achievedOn, actorId: input.supervisorId });
              state.achievedOn = null;
              if (local.datatype.boolean(0.7)) achieveAt = decideAt + days(local, 14, 90);
              continue;
            }
            event("verified", "achieved", decideAt, { achievedOn: state.achievedOn, actorId: input.supervisorId });
            state.verified = { by: input.supervisorId, at: decideAt };
          }
        }
        if (regressAt === null || !change("regressed", regressAt, local.helpers.arrayElement(REGRESSION_NOTES))) return;
        if (local.datatype.boolean(0.4)) {
          const backAt = regressAt + days(local, 14, 120);
          if (!change("in_progress", backAt)) return;
          if (local.datatype.boolean(0.5)) achieveAt = backAt + days(local, 30, 240);
        }
      }
    };
    simulate();

    // At closure, about half of what is still open is set aside.
    if (input.closedAt && (OPEN_MILESTONE_STATUSES as readonly MilestoneStatus[]).includes(state.status) && local.datatype.boolean(0.5)) {
      const at = Math.max(state.last + MINUTE, until - days(local, 0, 3));
      if (at <= until) event("status", "not_applicable", at, { note: AT_CLOSURE_NOTE });
    }

    // A target that passed while the milestone is still worked on is often moved (an edit, not a
    // status change: a new version without an event); the rest stay past their target on My work.
    const open = (OPEN_MILESTONE_STATUSES as readonly MilestoneStatus[]).includes(state.status);
    let target = targetDate;
    let updatedAt = state.last;
    let edits = 0;
    if (!input.closedAt && open && targetDate < localDay(now) && local.datatype.boolean(0.6)) {
      const movedAt = Math.max(state.last + MINUTE, Math.min(now - MINUTE, workingHour(local, now - days(local, 0, 60))));
      if (movedAt < now) {
        target = localDay(movedAt + days(local, 30, 150));
        updatedAt = movedAt;
        edits = 1;
      }
    }

    const achieved = state.status === "achieved";
    const goals = input.goals.filter((goal) => goal.from.getTime() <= createdAt && GOAL_DOMAINS[milestone.domain].includes(goal.domain));
    const goalKey = goals.length > 0 && local.datatype.boolean(0.4) ? local.helpers.arrayElement(goals).key : null;
    const evidence = state.everAchieved ? local.datatype.boolean(0.75) : local.datatype.boolean(0.1);
    into.milestones.push({
      id,
      agencyId: input.agencyId,
      caseId: input.caseId,
      catalogKey: milestone.catalogKey,
      customTitle: milestone.customTitle,
      domain: milestone.domain,
      status: state.status,
      targetDate: target,
      achievedOn: achieved ? state.achievedOn : null,
      evidenceNote: evidence ? local.helpers.arrayElement(EVIDENCE[milestone.domain]) : null,
      goalKey,
      verificationRequired: achieved && input.verificationRequired,
      verifiedBy: achieved && state.verified ? state.verified.by : null,
      verifiedAt: achieved && state.verified ? new Date(state.verified.at) : null,
      createdBy: input.workerId,
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
      // One version per change after the first event, and per edit (the API's saveMilestone).
      version: events.length - 1 + edits,
    });
    into.events.push(...events);
  });
}

/** The outcomes of a closed case's follow-ups that have come: most recorded, some still due. */
export function followUpRowsFor(local: Faker, input: FollowUpCase, into: MilestoneRows): void {
  const now = input.now.getTime();
  const today = localDay(now);
  for (const dueOn of input.dueDates) {
    if (dueOn > today) continue;
    const recent = now - dayStart(dueOn) < 30 * DAY;
    if (local.datatype.boolean(recent ? 0.45 : 0.06)) continue;
    const due = dayStart(dueOn);
    const wanted = workingHour(local, due + 7 * HOUR + days(local, 0, recent ? 10 : 20));
    const recordedAt = Math.max(due, Math.min(wanted, now - MINUTE));
    const outcome = pick(local, FOLLOW_UP_WEIGHTS);
    into.followUps.push({
      agencyId: input.agencyId,
      caseId: input.caseId,
      dueOn,
      outcome,
      note: local.datatype.boolean(0.6) ? local.helpers.arrayElement(FOLLOW_UP_NOTES) : null,
      reopened: false,
      recordedBy: input.workerId,
      recordedAt: new Date(recordedAt),
    });
  }
}
