/**
 * Activity and outcome figures: time to first session and to plan approval, appointments this week
 * and the no-show rate, sessions per counselor, milestone attainment per domain, outcome change
 * since intake — and the list behind each. Each figure and its list read the same source query
 * (activity/*.ts), so a list's total is always the figure's number.
 */
import type { FigureModule } from "./figure";
import { firstSessionList, planApprovalList, timeToEventFigures } from "./activity/time-to-event";
import { appointmentFigures, appointmentsWeekList, noShowsList } from "./activity/appointments";
import { sessionFigures, sessionsList } from "./activity/sessions";
import { milestoneFigures, milestonesList } from "./activity/milestones";
import { outcomeChangeFigures, outcomeChangeList } from "./activity/outcome-change";

export const activityFigures: FigureModule = {
  // One aggregate statement per group, run side by side.
  figures: async (env) => {
    const [timeToEvent, appointments, sessions, milestones, outcomes] = await Promise.all([
      timeToEventFigures(env),
      appointmentFigures(env),
      sessionFigures(env),
      milestoneFigures(env),
      outcomeChangeFigures(env),
    ]);
    return { ...timeToEvent, ...appointments, ...sessions, ...milestones, ...outcomes };
  },
  lists: {
    first_session: firstSessionList,
    plan_approval: planApprovalList,
    appointments_week: appointmentsWeekList,
    no_shows: noShowsList,
    sessions: sessionsList,
    milestones: milestonesList,
    outcome_change: outcomeChangeList,
  },
};
