import { z } from "zod";
import { isoDate } from "../fields";
import { ROLES } from "../roles";
import { CASE_STATUSES, CLOSURE_REASONS, HARM_TYPES, REFERRAL_SOURCES, RISK_LEVELS, SEXES } from "../cases/vocabulary";
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES } from "../appointments/vocabulary";
import { MILESTONE_DOMAINS, MILESTONE_STATUSES } from "../milestones/vocabulary";
import { REFERRAL_STATUSES } from "../referrals/vocabulary";
import { LEGAL_STAGES, PLATFORM_KINDS } from "../online-harm/vocabulary";
import {
  AGE_GROUPS,
  DASHBOARD_LISTS,
  EXPORT_FORMATS,
  MAX_REPORT_PERIOD_DAYS,
  OUTCOME_CHANGES,
  STATISTIC_DIMENSIONS,
  TAKEDOWN_LIST_STATES,
} from "./vocabulary";

const person = z.object({ id: z.uuid(), name: z.string() });
const count = z.number().int().nonnegative();

/* ---- Inputs ---- */

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * What every dashboard, list and statistics request is scoped by. `agencyWide` asks for every team
 * (only for a role the agency granted it); otherwise the teams the user supervises. `teamId` narrows
 * to one of those teams; `workerId` to the cases on whose care team that worker is. The period
 * (inclusive, the agency's calendar days) applies to the figures that count events in time: new and
 * closed cases per month, time to first session and to plan approval (cases opened in it), the
 * no-show rate, sessions per counselor; the rest are counted as of today.
 */
export const dashboardFilterInput = z
  .object({
    agencyWide: z.boolean().default(false),
    teamId: z.uuid().optional(),
    workerId: z.uuid().optional(),
    from: isoDate,
    to: isoDate,
  })
  .refine((filter) => filter.from <= filter.to, { error: "validation.periodOrder", path: ["to"] })
  .refine((filter) => daysBetween(filter.from, filter.to) <= MAX_REPORT_PERIOD_DAYS, { error: "validation.periodTooLong", path: ["from"] });
export type DashboardFilter = z.output<typeof dashboardFilterInput>;

/** Which part of a figure a drill-down list shows (each list reads only the parameters it names). */
export const dashboardListParams = z
  .object({
    /** caseload, overdue_reviews: the primary social worker ("unassigned": none); outcomes_missing: the staff member; sessions: the counselor. */
    personId: z.union([z.uuid(), z.literal("unassigned")]).optional(),
    /** cases: the status (absent: the open cases). */
    status: z.enum(CASE_STATUSES).optional(),
    /** caseload, cases: the risk level. */
    riskLevel: z.enum(RISK_LEVELS).optional(),
    /** cases: the harm type. */
    harmType: z.enum(HARM_TYPES).optional(),
    /** opened, closed: the month (YYYY-MM). */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "validation.month" }).optional(),
    /** appointments_week: the status. */
    appointmentStatus: z.enum(APPOINTMENT_STATUSES).optional(),
    /** milestones: domain and status. */
    milestoneDomain: z.enum(MILESTONE_DOMAINS).optional(),
    milestoneStatus: z.enum(MILESTONE_STATUSES).optional(),
    /** outcome_change: the instrument, its domain and the direction. */
    instrumentCode: z.string().max(40).optional(),
    outcomeDomain: z.string().max(40).optional(),
    change: z.enum(OUTCOME_CHANGES).optional(),
    /** referrals: the referral's status and the partner it was sent to. */
    referralStatus: z.enum(REFERRAL_STATUSES).optional(),
    partnerId: z.uuid().optional(),
    /** takedowns: every item with a request (reported, the default) or those whose latest request is removed. */
    takedownState: z.enum(TAKEDOWN_LIST_STATES).optional(),
    /** legal_stage: the stage of the case's legal process (absent: every case with one). */
    legalStage: z.enum(LEGAL_STAGES).optional(),
  })
  .strict();
export type DashboardListParams = z.output<typeof dashboardListParams>;

export const dashboardListInput = z.object({
  filter: dashboardFilterInput,
  list: z.enum(DASHBOARD_LISTS),
  params: dashboardListParams.default({}),
  page: z.number().int().min(0).max(10_000).default(0),
});
export type DashboardListInput = z.input<typeof dashboardListInput>;

export const exportListInput = dashboardListInput.omit({ page: true }).extend({ format: z.enum(EXPORT_FORMATS) });

export const statisticsInput = z.object({ filter: dashboardFilterInput });
export const exportStatisticsInput = statisticsInput;

/* ---- Outputs. tRPC's .output() strips every key not named here. ---- */

const byRisk = z.object(Object.fromEntries(RISK_LEVELS.map((level) => [level, count])) as Record<(typeof RISK_LEVELS)[number], typeof count>);
const median = z.object({
  /** Cases opened in the period. */
  cases: count,
  /** Of those, the ones that reached the event (a first session, an approved plan). */
  reached: count,
  /** Whole days from opening (the agency's day) to the event, over the cases that reached it; null when none did. */
  medianDays: z.number().nullable(),
});

export const dashboardSchema = z.object({
  /** What the filter selects can come from: the teams in reach and their members, for the filter's choices. */
  reach: z.enum(["agency", "teams"]),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  workers: z.array(person.extend({ roles: z.array(z.enum(ROLES)) })),
  /** Today in the agency's zone, and the week the appointment figures count (Monday to Sunday). */
  today: isoDate,
  week: z.object({ from: isoDate, to: isoDate }),
  noContactDays: z.number().int(),

  /** Open (not closed) cases per primary social worker (null: unassigned), with their risk mix; the largest caseload first. */
  caseload: z.array(z.object({ worker: person.nullable(), open: count, byRisk })),
  /** Every case in scope by status. */
  casesByStatus: z.object(Object.fromEntries(CASE_STATUSES.map((status) => [status, count])) as Record<(typeof CASE_STATUSES)[number], typeof count>),
  /** Open cases by risk level, and per harm type (a case counts once in each of its types). */
  casesByRisk: byRisk,
  casesByHarm: z.object(Object.fromEntries(HARM_TYPES.map((harm) => [harm, count])) as Record<(typeof HARM_TYPES)[number], typeof count>),
  /** Every month the period touches, oldest first: cases opened and closed in it. */
  monthly: z.array(z.object({ month: z.string(), opened: count, closed: count })),
  timeToFirstSession: median,
  timeToPlanApproval: median,
  /** Plan versions submitted and closure requests pending. */
  waiting: z.object({ plans: count, closures: count }),
  /**
   * Per worker, the most overdue first: open cases of which they are the primary social worker with
   * a goal review overdue, and appointments booked with them that ended with no outcome. Workers
   * with nothing overdue are left out; totals over everyone.
   */
  overdue: z.object({
    totalReviews: count,
    totalOutcomesMissing: count,
    byWorker: z.array(z.object({ worker: person.nullable(), overdueReviews: count, outcomesMissing: count })),
  }),
  /** Appointments starting this week by status, and in the period: attended vs no-show (rate = no-show / both; null without either). */
  appointmentsThisWeek: z.object(Object.fromEntries(APPOINTMENT_STATUSES.map((status) => [status, count])) as Record<(typeof APPOINTMENT_STATUSES)[number], typeof count>),
  noShows: z.object({ attended: count, noShow: count, rate: z.number().nullable() }),
  /** Session notes dated in the period, per counselor, the busiest first. */
  sessionsPerCounselor: z.array(z.object({ counselor: person, sessions: count, signed: count })),
  openFlags: count,
  /** Milestones by domain (not_applicable left out): how many in each status; attainment = achieved / all. */
  milestonesByDomain: z.array(
    z.object({
      domain: z.enum(MILESTONE_DOMAINS),
      planned: count,
      inProgress: count,
      achieved: count,
      regressed: count,
      total: count,
    }),
  ),
  /**
   * For each instrument domain: the cases whose latest completed assessment after the completed
   * intake one scored higher (improved), the same or lower (worsened) than at intake.
   */
  outcomeChange: z.array(
    z.object({ instrumentCode: z.string(), domain: z.string(), improved: count, stayed: count, worsened: count }),
  ),
  /** Open cases with no attended appointment and no session in the agency's no-contact days. */
  noContact: count,
  /**
   * Referrals sent in the period (sent_at) from the cases in scope: by their status now, and per
   * partner (sent = all of them, accepted = those accepted or completed, completed), the most sent
   * first. `accepted` = those with an acceptance (accepted or completed); medianDaysToAcceptance =
   * whole days in the agency's zone from sending to the decision, over them (null: none).
   */
  referrals: z.object({
    byStatus: z.object(Object.fromEntries(REFERRAL_STATUSES.map((status) => [status, count])) as Record<(typeof REFERRAL_STATUSES)[number], typeof count>),
    byPartner: z.array(z.object({ partner: z.object({ id: z.uuid(), name: z.string() }), sent: count, accepted: count, completed: count })),
    accepted: count,
    medianDaysToAcceptance: z.number().nullable(),
  }),
  /**
   * Items found online on the cases in scope, whatever the period (not bound to it: an item stays
   * counted until the case leaves scope). itemsReported = items with at least one takedown request;
   * itemsRemoved = those whose latest request (reported_on, then created) is removed;
   * medianDaysToRemoval = days from the first request's reported_on to that removal's status_on,
   * over the removed items (null: none).
   */
  takedowns: z.object({ itemsReported: count, itemsRemoved: count, medianDaysToRemoval: z.number().nullable() }),
  /** Cases in scope with a legal process, by the stage it is at now (not bound to the period). */
  legalStages: z.object(Object.fromEntries(LEGAL_STAGES.map((stage) => [stage, count])) as Record<(typeof LEGAL_STAGES)[number], typeof count>),
});
export type Dashboard = z.output<typeof dashboardSchema>;

/**
 * One row of a drill-down list: the case and the list's own facts. `alias` is null where the viewer
 * may not open the case (an agency-wide viewer outside its team); `on` and `value`/`code` mean what
 * the list says (DASHBOARD_LIST_COLUMNS).
 */
export const dashboardListRowSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  alias: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  riskLevel: z.enum(RISK_LEVELS),
  worker: person.nullable(),
  /** The list's date (YYYY-MM-DD): opened or closed on, due on, appointment or session day… */
  on: z.string().nullable(),
  /** The list's number: days to the event, days without contact… */
  value: z.number().nullable(),
  /** The list's code: appointment kind or status, milestone status, outcome change… */
  code: z.string().nullable(),
  /** Who the row is about when not the primary social worker: the staff member, the counselor. */
  person: person.nullable(),
  /** A row about a record inside the case (an appointment, a plan version…), for the link. */
  targetId: z.uuid().nullable(),
});
export type DashboardListRow = z.output<typeof dashboardListRowSchema>;

export const dashboardListSchema = z.object({ rows: z.array(dashboardListRowSchema), total: count, page: z.number().int() });
export const exportListSchema = z.object({ rows: z.array(dashboardListRowSchema), total: count, truncated: z.boolean() });

/** Which of a row's fields each list shows, in order after the case number and alias (the web's columns and the export's). */
export const DASHBOARD_LIST_COLUMNS: Record<(typeof DASHBOARD_LISTS)[number], readonly ("status" | "riskLevel" | "worker" | "on" | "value" | "code" | "person")[]> = {
  caseload: ["riskLevel", "status", "worker", "on"],
  cases: ["status", "riskLevel", "worker", "on"],
  opened: ["on", "status", "riskLevel", "worker"],
  closed: ["on", "riskLevel", "worker", "code"],
  first_session: ["on", "value", "worker"],
  plan_approval: ["on", "value", "worker"],
  plans_waiting: ["on", "worker", "person"],
  closures_waiting: ["on", "code", "worker", "person"],
  overdue_reviews: ["on", "value", "worker", "riskLevel"],
  outcomes_missing: ["on", "code", "person", "worker"],
  appointments_week: ["on", "code", "person", "worker"],
  no_shows: ["on", "code", "person", "worker"],
  sessions: ["on", "value", "code", "person"],
  open_flags: ["on", "code", "riskLevel", "worker"],
  milestones: ["code", "on", "worker", "riskLevel"],
  outcome_change: ["code", "on", "value", "worker"],
  no_contact: ["on", "value", "worker", "riskLevel"],
  referrals: ["on", "code", "value", "worker"],
  takedowns: ["on", "code", "value", "worker"],
  legal_stage: ["code", "on", "worker", "riskLevel"],
};

/* ---- Anonymized statistics ---- */

/** A count as published: null is "fewer than 5" (SMALL_CELL_THRESHOLD), never a real value. */
const published = count.nullable();

export const statisticsSchema = z.object({
  from: isoDate,
  to: isoDate,
  /** Cases opened in the period whose consent covers reporting today, and those left out for lack of it. */
  includedCases: published,
  excludedCases: published,
  /**
   * One breakdown per dimension; keys are codes (months YYYY-MM, province codes as stored). Harm types
   * overlap: a case counts in each. takedown_platform_kind counts takedown requests (not cases) on the
   * included cases by the item's platform kind: no total to add up to.
   */
  breakdowns: z.array(
    z.object({
      dimension: z.enum(STATISTIC_DIMENSIONS),
      cells: z.array(z.object({ key: z.string(), count: published })),
    }),
  ),
});
export type Statistics = z.output<typeof statisticsSchema>;
export const STATISTIC_KEYS = {
  age_group: AGE_GROUPS,
  sex: SEXES,
  harm_type: HARM_TYPES,
  referral_source: REFERRAL_SOURCES,
  takedown_platform_kind: PLATFORM_KINDS,
} as const;

/* ---- Case summary for a case conference (the PDF is drawn in the browser from this) ---- */

export const caseSummarySchema = z.object({
  generatedAt: z.date(),
  case: z.object({
    id: z.uuid(),
    caseNumber: z.string(),
    alias: z.string(),
    status: z.enum(CASE_STATUSES),
    riskLevel: z.enum(RISK_LEVELS),
    harmTypes: z.array(z.enum(HARM_TYPES)),
    referralSource: z.enum(REFERRAL_SOURCES),
    openedOn: isoDate,
    closedOn: isoDate.nullable(),
    closureReason: z.enum(CLOSURE_REASONS).nullable(),
    team: z.string(),
    ageGroup: z.enum(AGE_GROUPS),
    sex: z.enum(SEXES),
  }),
  /** Identifying data: only for the care team; null for everyone else (a supervisor off the care team, break-glass). */
  identity: z
    .object({
      legalName: z.string(),
      birthDate: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
    })
    .nullable(),
  careTeam: z.array(z.object({ name: z.string(), role: z.string() })),
  consentsInForce: z.array(z.string()),
  /** The plan in force: its goals with status and the latest review. */
  plan: z
    .object({
      number: z.number().int(),
      approvedOn: isoDate.nullable(),
      goals: z.array(
        z.object({ domain: z.string(), title: z.string(), status: z.string(), targetDate: z.string().nullable(), lastReview: z.string().nullable() }),
      ),
    })
    .nullable(),
  /** Latest completed assessment per instrument, each domain's score beside its intake score. */
  outcomes: z.array(
    z.object({
      instrumentCode: z.string(),
      assessedOn: isoDate,
      domains: z.array(z.object({ domain: z.string(), score: z.number().nullable(), intakeScore: z.number().nullable() })),
    }),
  ),
  /** Exactly one of catalogKey (worded by the web) and customTitle is set; `on`: achieved or target date. */
  milestones: z.array(
    z.object({ domain: z.enum(MILESTONE_DOMAINS), catalogKey: z.string().nullable(), customTitle: z.string().nullable(), status: z.enum(MILESTONE_STATUSES), on: z.string().nullable() }),
  ),
  /** Appointments of the last 90 days and the next 30 (no notes, no places). */
  appointments: z.array(z.object({ kind: z.enum(APPOINTMENT_KINDS), on: isoDate, status: z.enum(APPOINTMENT_STATUSES), staff: z.string() })),
  /** Counseling: how many sessions, the last one's day (never what was said). */
  sessions: z.object({ count, lastOn: isoDate.nullable() }),
  openFlags: count,
});
export type CaseSummary = z.output<typeof caseSummarySchema>;
