import { CORE_PLAN_DOMAINS, PLAN_DOMAINS, type PlanDomain } from "@lentera/domain";

/**
 * The domains a plan is shown under: the core three always, the agency's enabled optional ones,
 * and any other domain a goal is still filed under (one switched off after it was used).
 */
export function domainsToShow(enabled: readonly PlanDomain[], goals: readonly { domain: PlanDomain }[]): PlanDomain[] {
  const wanted = new Set<PlanDomain>([...CORE_PLAN_DOMAINS, ...enabled, ...goals.map((goal) => goal.domain)]);
  return PLAN_DOMAINS.filter((domain) => wanted.has(domain));
}

/** Goals under their domain, each group in the plan's order. */
export function groupByDomain<G extends { domain: PlanDomain }>(
  enabled: readonly PlanDomain[],
  goals: readonly G[],
): { domain: PlanDomain; goals: G[] }[] {
  return domainsToShow(enabled, goals).map((domain) => ({ domain, goals: goals.filter((goal) => goal.domain === domain) }));
}

/** The last of a goal's reviews (they come oldest first). */
export function latestOf<R extends { goalKey: string }>(reviews: readonly R[], goalKey: string): R | null {
  return reviews.filter((review) => review.goalKey === goalKey).at(-1) ?? null;
}
