import type { RouterOutputs } from "@lentera/api";

export type CaseMilestonesData = RouterOutputs["milestones"]["byCase"];
export type MilestoneItem = CaseMilestonesData["milestones"][number];
export type MilestoneEventItem = MilestoneItem["history"][number];
export type MilestoneCatalogData = RouterOutputs["milestones"]["catalog"];
export type CatalogEntry = MilestoneCatalogData["entries"][number];

/** A plan goal a milestone can be linked to: its stable key and its title. */
export interface GoalChoice {
  key: string;
  title: string;
}
