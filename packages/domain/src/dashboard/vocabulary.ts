/** The words of the supervisor dashboard, its drill-down lists, exports and anonymized statistics. */

/**
 * The list behind each dashboard figure. A figure and its list are computed from the same SQL
 * condition, so the list's total is always the figure's number.
 */
export const DASHBOARD_LISTS = [
  "caseload", // open cases by primary social worker (and risk level)
  "cases", // cases by status, or open cases by risk level or harm type
  "opened", // cases opened in a month of the period
  "closed", // cases closed in a month of the period
  "first_session", // cases opened in the period: days from opening to the first counseling session
  "plan_approval", // cases opened in the period: days from opening to the first approved plan
  "plans_waiting", // plan versions submitted for approval
  "closures_waiting", // closure requests pending
  "overdue_reviews", // open cases with a goal review overdue, by primary social worker
  "outcomes_missing", // appointments ended with no outcome recorded, by staff member
  "appointments_week", // appointments starting this week (the agency's Monday to Sunday)
  "no_shows", // appointments in the period marked no-show
  "sessions", // session notes dated in the period, by counselor
  "open_flags", // risk flags not yet acknowledged
  "milestones", // milestones by domain and status
  "outcome_change", // cases whose latest assessment improved, stayed or worsened since intake, by domain
  "no_contact", // open cases with no contact in the agency's no-contact days
  "referrals", // referrals sent in the period, by status and partner
  "takedowns", // items found online on the cases in scope, reported or removed
  "legal_stage", // cases in scope by the stage of their legal process
] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

/** How a domain score moved from the intake assessment to the latest later one (higher is better). */
export const OUTCOME_CHANGES = ["improved", "stayed", "worsened"] as const;
export type OutcomeChange = (typeof OUTCOME_CHANGES)[number];

/** Longest period a dashboard or a statistics report covers. */
export const MAX_REPORT_PERIOD_DAYS = 731;
/** Rows in one page of a drill-down list, and at most in one export. */
export const DASHBOARD_LIST_PAGE_SIZE = 50;
export const EXPORT_MAX_ROWS = 10_000;

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Age at the case's opening, in the groups child-protection statistics use. */
export const AGE_GROUPS = ["0-11", "12-14", "15-17", "18-24", "25+", "unknown"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The breakdowns of the anonymized statistics. */
export const STATISTIC_DIMENSIONS = ["month", "harm_type", "age_group", "sex", "province", "referral_source", "takedown_platform_kind"] as const;
export type StatisticDimension = (typeof STATISTIC_DIMENSIONS)[number];

/** Which items a takedowns list shows: every item with a takedown request, or those whose latest request is removed. */
export const TAKEDOWN_LIST_STATES = ["reported", "removed"] as const;
export type TakedownListState = (typeof TAKEDOWN_LIST_STATES)[number];

/** A count below this is shown as "<5" (and never sent by the API). */
export const SMALL_CELL_THRESHOLD = 5;

/** The roles an agency may grant the agency-wide dashboard and statistics (never administrators: no case content). */
export const AGENCY_WIDE_GRANTABLE_ROLES = ["supervisor", "social_worker", "counselor"] as const;
export type AgencyWideGrantableRole = (typeof AGENCY_WIDE_GRANTABLE_ROLES)[number];
