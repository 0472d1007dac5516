/**
 * Case figures: caseload per worker with its risk mix, cases by status, risk and harm type, new and
 * closed per month, plans and closures waiting, overdue reviews and outcomes per worker, open risk
 * flags, no contact — and the list behind each. Each figure and its list count the same source
 * (dashboard/caseload/source.ts) within casesInScope(env).
 *
 * Five statements, run side by side: the cases grouped by primary social worker, the months, the
 * overdue reviews, the missing outcomes, and the four single counts together.
 */
import type { Dashboard } from "@lentera/domain";
import { queryRows, sql } from "@lentera/db";
import type { DashboardEnv } from "./env";
import type { FigureModule } from "./figure";
import { caseFigures, caseloadList, casesList } from "./caseload/cases";
import { closedList, monthlyFigures, openedList } from "./caseload/monthly";
import { outcomesMissingList, overdueFigures, overdueReviewsList } from "./caseload/overdue";
import { closuresWaitingList, closuresWaitingSource, plansWaitingList, plansWaitingSource } from "./caseload/waiting";
import { openFlagsList, openFlagsSource } from "./caseload/open-flags";
import { noContactList, noContactSource } from "./caseload/no-contact";
import { countOfSource } from "./caseload/source";

async function singleCounts(env: DashboardEnv): Promise<Pick<Dashboard, "waiting" | "openFlags" | "noContact">> {
  const [row] = await queryRows<{ plans: number; closures: number; flags: number; no_contact: number }>(
    env.ctx.db,
    sql`select ${countOfSource(env, plansWaitingSource(env))} as plans, ${countOfSource(env, closuresWaitingSource(env))} as closures,
      ${countOfSource(env, openFlagsSource(env))} as flags, ${countOfSource(env, noContactSource(env))} as no_contact`,
  );
  return {
    waiting: { plans: Number(row?.plans ?? 0), closures: Number(row?.closures ?? 0) },
    openFlags: Number(row?.flags ?? 0),
    noContact: Number(row?.no_contact ?? 0),
  };
}

export const caseloadFigures: FigureModule = {
  async figures(env) {
    const parts = await Promise.all([caseFigures(env), monthlyFigures(env), overdueFigures(env), singleCounts(env)]);
    return Object.assign({}, ...parts) as Partial<Dashboard>;
  },
  lists: {
    caseload: caseloadList,
    cases: casesList,
    opened: openedList,
    closed: closedList,
    plans_waiting: plansWaitingList,
    closures_waiting: closuresWaitingList,
    overdue_reviews: overdueReviewsList,
    outcomes_missing: outcomesMissingList,
    open_flags: openFlagsList,
    no_contact: noContactList,
  },
};
