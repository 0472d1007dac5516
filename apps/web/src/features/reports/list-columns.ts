/**
 * What each drill-down list's columns are called and how their cells read, shared by the table on
 * screen and the exports (so a download says exactly what the page said). Pure: words come from
 * the `t` function passed in.
 */
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUSES,
  CLOSURE_REASONS,
  DASHBOARD_LIST_COLUMNS,
  LEGAL_STAGES,
  MILESTONE_STATUSES,
  NOTE_STATUSES,
  OUTCOME_CHANGES,
  REFERRAL_STATUSES,
  RISK_FLAG_KINDS,
  TAKEDOWN_STATUSES,
  type DashboardList,
  type DashboardListRow,
} from "@lentera/domain";

export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type ListColumn = (typeof DASHBOARD_LIST_COLUMNS)[DashboardList][number];

/** The cells every list starts with. */
export const CASE_NUMBER_HEADER = "reports.column.caseNumber";
export const ALIAS_HEADER = "reports.column.alias";

/** The columns that mean the same in every list. */
const SHARED_HEADERS = {
  status: "reports.column.status",
  riskLevel: "reports.column.riskLevel",
  worker: "reports.column.worker",
} as const;

/**
 * `on`, `value`, `code` and `person` mean what the list says (dashboardListRowSchema): their
 * headers are named per list. A list names every such column it shows (catalog-keys.test.ts).
 */
const LIST_HEADERS: Record<DashboardList, Partial<Record<"on" | "value" | "code" | "person", string>>> = {
  caseload: { on: "reports.column.openedOn" },
  cases: { on: "reports.column.openedOn" },
  opened: { on: "reports.column.openedOn" },
  closed: { on: "reports.column.closedOn", code: "reports.column.closureReason" },
  first_session: { on: "reports.column.openedOn", value: "reports.column.daysToFirstSession" },
  plan_approval: { on: "reports.column.openedOn", value: "reports.column.daysToPlanApproval" },
  plans_waiting: { on: "reports.column.submittedOn", person: "reports.column.submittedBy" },
  closures_waiting: { on: "reports.column.requestedOn", code: "reports.column.closureReason", person: "reports.column.requestedBy" },
  overdue_reviews: { on: "reports.column.reviewDueOn", value: "reports.column.daysOverdue" },
  outcomes_missing: { on: "reports.column.appointmentOn", code: "reports.column.appointmentKind", person: "reports.column.staff" },
  appointments_week: { on: "reports.column.appointmentOn", code: "reports.column.appointmentStatus", person: "reports.column.staff" },
  no_shows: { on: "reports.column.appointmentOn", code: "reports.column.appointmentKind", person: "reports.column.staff" },
  sessions: { on: "reports.column.sessionOn", value: "reports.column.minutes", code: "reports.column.noteStatus", person: "reports.column.counselor" },
  open_flags: { on: "reports.column.raisedOn", code: "reports.column.flagReason" },
  milestones: { code: "reports.column.milestoneStatus", on: "reports.column.milestoneOn" },
  outcome_change: { code: "reports.column.outcomeChange", on: "reports.column.assessedOn", value: "reports.column.scoreChange" },
  no_contact: { on: "reports.column.lastContactOn", value: "reports.column.daysWithoutContact" },
  referrals: { on: "reports.column.sentOn", code: "reports.column.referralStatus", value: "reports.column.daysToAcceptance" },
  takedowns: { on: "reports.column.firstReportedOn", code: "reports.column.takedownStatus", value: "reports.column.daysToRemoval" },
  legal_stage: { code: "reports.column.legalStage", on: "reports.column.stageOn" },
};

/** The catalog key of a column's header in a list. */
export function headerKey(list: DashboardList, column: ListColumn): string {
  if (column === "status" || column === "riskLevel" || column === "worker") return SHARED_HEADERS[column];
  return LIST_HEADERS[list][column] ?? `reports.column.${column}`;
}

export function listColumns(list: DashboardList): readonly ListColumn[] {
  return DASHBOARD_LIST_COLUMNS[list];
}

/**
 * The vocabularies a list's `code` can come from, each with the catalog prefix that words it. The
 * appointment lists accept a kind or a status (the two never share a code), so the page reads
 * right whichever the server sends.
 */
const APPOINTMENT_CODES = [
  { codes: APPOINTMENT_KINDS, prefix: "appointments.kind." },
  { codes: APPOINTMENT_STATUSES, prefix: "appointments.status." },
] as const;
const CODE_VOCABULARIES: Partial<Record<DashboardList, readonly { codes: readonly string[]; prefix: string }[]>> = {
  closed: [{ codes: CLOSURE_REASONS, prefix: "cases.closureReason." }],
  closures_waiting: [{ codes: CLOSURE_REASONS, prefix: "cases.closureReason." }],
  outcomes_missing: APPOINTMENT_CODES,
  appointments_week: APPOINTMENT_CODES,
  no_shows: APPOINTMENT_CODES,
  sessions: [{ codes: NOTE_STATUSES, prefix: "reports.noteStatus." }],
  open_flags: [{ codes: RISK_FLAG_KINDS, prefix: "sessions.flagKind." }],
  milestones: [{ codes: MILESTONE_STATUSES, prefix: "milestones.status." }],
  outcome_change: [{ codes: OUTCOME_CHANGES, prefix: "reports.change." }],
  referrals: [{ codes: REFERRAL_STATUSES, prefix: "dashboard.referralStatus." }],
  takedowns: [{ codes: TAKEDOWN_STATUSES, prefix: "dashboard.takedownStatus." }],
  legal_stage: [{ codes: LEGAL_STAGES, prefix: "dashboard.legalStage." }],
};

/** Every catalog key a list's codes can be worded with (for the catalog test). */
export function codeKeys(list: DashboardList): string[] {
  return (CODE_VOCABULARIES[list] ?? []).flatMap(({ codes, prefix }) => codes.map((code) => `${prefix}${code}`));
}

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * A row's code in words. A flag may carry several reasons ("self_harm,unsafe_home"); a code no
 * vocabulary knows is shown as it came rather than hidden.
 */
export function codeText(list: DashboardList, code: string, t: Translate): string {
  const vocabularies = CODE_VOCABULARIES[list] ?? [];
  const parts = code
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  return parts
    .map((part, index) => {
      const vocabulary = vocabularies.find(({ codes }) => codes.includes(part));
      if (!vocabulary) return part;
      const words = t(`${vocabulary.prefix}${part}`);
      // Some words are made for the middle of a sentence ("thoughts of self-harm"); a cell starts with a capital.
      return index === 0 ? upperFirst(words) : words;
    })
    .join(", ");
}

/** A cell as data: text, a number, or nothing. `on` stays YYYY-MM-DD (the page formats it; files keep it sortable). */
export type CellValue = string | number | null;

export function cellValue(list: DashboardList, column: ListColumn, row: DashboardListRow, t: Translate): CellValue {
  switch (column) {
    case "status":
      return t(`cases.status.${row.status}`);
    case "riskLevel":
      return t(`cases.risk.${row.riskLevel}`);
    case "worker":
      return row.worker?.name ?? t("reports.list.unassigned");
    case "person":
      return row.person?.name ?? null;
    case "on":
      return row.on;
    case "value":
      return row.value;
    case "code":
      return row.code === null ? null : codeText(list, row.code, t);
  }
}

/** Numbers line up on the right, in the table and the spreadsheet alike. */
export function isNumberColumn(column: ListColumn): boolean {
  return column === "value";
}
