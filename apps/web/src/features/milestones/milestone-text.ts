import {
  defaultMilestoneEntry,
  MILESTONE_DOMAINS,
  nextMilestoneStatuses,
  type Locale,
  type Localized,
  type MilestoneDomain,
  type MilestoneStatus,
} from "@lentera/domain";
import type { GoalChoice } from "./milestone-types";

/** What names a milestone: a kind of the catalog (by key) or the words the worker wrote. */
export interface MilestoneNaming {
  catalogKey: string | null;
  customTitle: string | null;
}

/** The catalog's entries by key, for looking labels up. */
export function catalogIndex<E extends { key: string }>(entries: readonly E[]): ReadonlyMap<string, E> {
  return new Map(entries.map((entry) => [entry.key, entry]));
}

/**
 * A milestone's name in the reader's language: its custom title, else its catalog kind's label
 * (the agency's catalog first, then Lentera's defaults, so a kind the agency later set aside
 * still has a name), else the bare key.
 */
export function milestoneLabel(
  milestone: MilestoneNaming,
  catalog: ReadonlyMap<string, { label: Localized }>,
  locale: Locale,
): string {
  if (milestone.customTitle) return milestone.customTitle;
  const key = milestone.catalogKey ?? "";
  const label = catalog.get(key)?.label ?? defaultMilestoneEntry(key)?.label;
  return label?.[locale] ?? key;
}

/** Items under their domain, in the vocabulary's order of domains; empty domains left out. */
export function groupByDomain<T extends { domain: MilestoneDomain }>(items: readonly T[]): { domain: MilestoneDomain; items: T[] }[] {
  return MILESTONE_DOMAINS.map((domain) => ({ domain, items: items.filter((item) => item.domain === domain) })).filter(
    (group) => group.items.length > 0,
  );
}

/** The statuses a milestone may move to from where it is (the domain's rule), for the "Status" menu. */
export function allowedNextStatuses(status: MilestoneStatus): MilestoneStatus[] {
  return [...nextMilestoneStatuses(status)];
}

/** Leaving an achievement needs a note saying what happened (the domain refuses it otherwise). */
export function needsNote(from: MilestoneStatus, to: MilestoneStatus | ""): boolean {
  return from === "achieved" && to !== "" && to !== "achieved";
}

interface PlanGoalLike {
  key: string;
  title: string;
  status: string;
}

interface PlanLike {
  inForce: { goals: readonly PlanGoalLike[] } | null;
  open: { goals: readonly PlanGoalLike[] } | null;
}

/**
 * Goals a milestone can be linked to: those of the plan in force and of the version being worked
 * on (a new goal may not be approved yet), each once, the open version's title winning; goals
 * set aside (discontinued) are not offered.
 */
export function goalChoices(plan: PlanLike | undefined): GoalChoice[] {
  const byKey = new Map<string, GoalChoice>();
  for (const goal of [...(plan?.inForce?.goals ?? []), ...(plan?.open?.goals ?? [])]) {
    if (goal.status === "discontinued") byKey.delete(goal.key);
    else byKey.set(goal.key, { key: goal.key, title: goal.title });
  }
  return [...byKey.values()];
}

/** The title of every goal the plan still shows (discontinued ones too), for naming a linked goal. */
export function goalTitles(plan: PlanLike | undefined): ReadonlyMap<string, string> {
  const titles = new Map<string, string>();
  for (const goal of [...(plan?.inForce?.goals ?? []), ...(plan?.open?.goals ?? [])]) titles.set(goal.key, goal.title);
  return titles;
}
