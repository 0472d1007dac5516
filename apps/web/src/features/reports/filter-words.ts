/**
 * The filter and list parameters a page was opened with, in words ("Period: 1 Jan – 30 Jun",
 * "Risk level: High"), so a printed or shared list says what it is a list of. Pure.
 */
import type { DashboardFilter, DashboardList, DashboardListParams } from "@lentera/domain";
import type { Translate } from "./list-columns";

export interface FilterFact {
  label: string;
  value: string;
}

/** Names the page may know (from the dashboard's teams and workers, the instruments); null when it does not. */
export interface FilterNames {
  team(id: string): string | null;
  person(id: string): string | null;
  instrument(code: string): string | null;
  outcomeDomain(instrumentCode: string | undefined, domain: string): string | null;
  /** A referral partner's name, where the page knows it. */
  partner?: (id: string) => string | null;
}

export interface FilterFormat {
  date(isoDay: string): string;
  month(yearMonth: string): string;
}

/** Whose cases `personId` picks, by list (see dashboardListParams). */
const PERSON_LABELS: Partial<Record<DashboardList, string>> = {
  caseload: "reports.column.worker",
  overdue_reviews: "reports.column.worker",
  outcomes_missing: "reports.column.staff",
  sessions: "reports.column.counselor",
};

export function filterFacts(
  filter: DashboardFilter,
  t: Translate,
  names: Pick<FilterNames, "team" | "person">,
  format: Pick<FilterFormat, "date">,
): FilterFact[] {
  const facts: FilterFact[] = [
    { label: t("reports.filter.period"), value: t("reports.filter.periodValue", { from: format.date(filter.from), to: format.date(filter.to) }) },
    { label: t("reports.filter.scope"), value: t(filter.agencyWide ? "reports.filter.wholeAgency" : "reports.filter.yourTeams") },
  ];
  if (filter.teamId) facts.push({ label: t("reports.filter.team"), value: names.team(filter.teamId) ?? t("reports.filter.oneTeam") });
  if (filter.workerId) facts.push({ label: t("reports.filter.worker"), value: names.person(filter.workerId) ?? t("reports.filter.onePerson") });
  return facts;
}

export function paramFacts(list: DashboardList, params: DashboardListParams, t: Translate, names: FilterNames, format: FilterFormat): FilterFact[] {
  const facts: FilterFact[] = [];
  const add = (label: string, value: string) => facts.push({ label: t(label), value });
  if (params.personId) {
    const who = params.personId === "unassigned" ? t("reports.list.unassigned") : (names.person(params.personId) ?? t("reports.filter.onePerson"));
    add(PERSON_LABELS[list] ?? "reports.filter.person", who);
  }
  if (params.status) add("reports.column.status", t(`cases.status.${params.status}`));
  else if (list === "cases") add("reports.column.status", t("reports.filter.openCases"));
  if (params.riskLevel) add("reports.column.riskLevel", t(`cases.risk.${params.riskLevel}`));
  if (params.harmType) add("reports.filter.harmType", t(`cases.harm.${params.harmType}`));
  if (params.month) add("reports.filter.month", format.month(params.month));
  if (params.appointmentStatus) add("reports.column.appointmentStatus", t(`appointments.status.${params.appointmentStatus}`));
  if (params.milestoneDomain) add("reports.filter.milestoneDomain", t(`milestones.domain.${params.milestoneDomain}`));
  if (params.milestoneStatus) add("reports.column.milestoneStatus", t(`milestones.status.${params.milestoneStatus}`));
  if (params.instrumentCode) add("reports.filter.instrument", names.instrument(params.instrumentCode) ?? params.instrumentCode);
  if (params.outcomeDomain) add("reports.filter.outcomeDomain", names.outcomeDomain(params.instrumentCode, params.outcomeDomain) ?? params.outcomeDomain);
  if (params.change) add("reports.column.outcomeChange", t(`reports.change.${params.change}`));
  if (params.referralStatus) add("reports.column.referralStatus", t(`dashboard.referralStatus.${params.referralStatus}`));
  if (params.partnerId) add("reports.filter.partner", names.partner?.(params.partnerId) ?? t("reports.filter.onePartner"));
  if (list === "takedowns") add("reports.filter.takedownState", t(`reports.filter.takedownStates.${params.takedownState ?? "reported"}`));
  if (params.legalStage) add("reports.column.legalStage", t(`dashboard.legalStage.${params.legalStage}`));
  return facts;
}
