/**
 * The rows of the "Partners and online harm" section, from the dashboard's answer: each row knows
 * its count and the list behind it (null where no list has exactly that count). Pure.
 */
import { LEGAL_STAGES, REFERRAL_STATUSES, type Dashboard, type DashboardList, type DashboardListParams } from "@lentera/domain";

export interface CountRow<K extends string> {
  key: K;
  count: number;
  list: DashboardList;
  params: DashboardListParams;
}

export function referralStatusRows(dashboard: Pick<Dashboard, "referrals">): CountRow<(typeof REFERRAL_STATUSES)[number]>[] {
  return REFERRAL_STATUSES.map((status) => ({ key: status, count: dashboard.referrals.byStatus[status], list: "referrals", params: { referralStatus: status } }));
}

/** Every referral the section counts: the statuses add up to them. */
export function referralsSent(dashboard: Pick<Dashboard, "referrals">): number {
  return REFERRAL_STATUSES.reduce((sum, status) => sum + dashboard.referrals.byStatus[status], 0);
}

/** Items with a takedown request, and those of them removed. */
export function takedownRows(dashboard: Pick<Dashboard, "takedowns">): CountRow<"reported" | "removed">[] {
  return [
    { key: "reported", count: dashboard.takedowns.itemsReported, list: "takedowns", params: { takedownState: "reported" } },
    { key: "removed", count: dashboard.takedowns.itemsRemoved, list: "takedowns", params: { takedownState: "removed" } },
  ];
}

export function legalStageRows(dashboard: Pick<Dashboard, "legalStages">): CountRow<(typeof LEGAL_STAGES)[number]>[] {
  return LEGAL_STAGES.map((stage) => ({ key: stage, count: dashboard.legalStages[stage], list: "legal_stage", params: { legalStage: stage } }));
}

export function casesWithLegalProcess(dashboard: Pick<Dashboard, "legalStages">): number {
  return LEGAL_STAGES.reduce((sum, stage) => sum + dashboard.legalStages[stage], 0);
}
