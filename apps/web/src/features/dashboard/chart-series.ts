import type { OutcomeChange, RiskLevel } from "@lentera/domain";
import type { CountedMilestoneStatus } from "./dashboard-rows";

/**
 * How each series of a dashboard chart is drawn. Colours are at least 3:1 against white (WCAG
 * 1.4.11); neighbouring series also differ in texture, so that no meaning rests on colour alone
 * (printed in grey, or for a reader who does not tell red from green).
 */
export type Texture = "solid" | "stripes" | "dots" | "cross";
export interface SeriesLook {
  color: string;
  texture: Texture;
}

export const RISK_LOOK: Record<RiskLevel, SeriesLook> = {
  low: { color: "#2e6b34", texture: "solid" },
  medium: { color: "#8a6100", texture: "stripes" },
  high: { color: "#b03a2e", texture: "dots" },
  critical: { color: "#5b2a86", texture: "cross" },
};

export const MONTH_LOOK: Record<"opened" | "closed", SeriesLook> = {
  opened: { color: "#1d4e89", texture: "solid" },
  closed: { color: "#8a6100", texture: "stripes" },
};

export const MILESTONE_LOOK: Record<CountedMilestoneStatus, SeriesLook> = {
  achieved: { color: "#2e6b34", texture: "solid" },
  in_progress: { color: "#1d4e89", texture: "stripes" },
  planned: { color: "#4a5563", texture: "dots" },
  regressed: { color: "#b03a2e", texture: "cross" },
};

export const OUTCOME_LOOK: Record<OutcomeChange, SeriesLook> = {
  improved: { color: "#2e6b34", texture: "solid" },
  stayed: { color: "#4a5563", texture: "stripes" },
  worsened: { color: "#b03a2e", texture: "dots" },
};
