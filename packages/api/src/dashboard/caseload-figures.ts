/**
 * Case figures: caseload per worker with its risk mix, cases by status, risk and harm type, new and
 * closed per month, plans and closures waiting, overdue reviews and outcomes per worker, open risk
 * flags, no contact — and the list behind each.
 */
import type { FigureModule } from "./figure";

export const caseloadFigures: FigureModule = {
  figures: async () => ({}),
  lists: {},
};
