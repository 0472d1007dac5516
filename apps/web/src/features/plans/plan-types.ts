import type { RouterOutputs } from "@lentera/api";

export type PlanData = RouterOutputs["plans"]["byCase"];
export type PlanVersionSummary = PlanData["versions"][number];
export type PlanVersionFull = RouterOutputs["plans"]["version"];
export type PlanGoal = PlanVersionFull["goals"][number];
export type PlanIntervention = PlanGoal["interventions"][number];
export type GoalReview = PlanData["reviews"][number];
export type ReviewDue = PlanData["reviewsDue"][number];
export type OwnerOptions = RouterOutputs["plans"]["ownerOptions"];
