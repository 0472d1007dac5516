import type { MyWork, MyWorkCounts } from "@lentera/domain";

/** The navigation's count, from the page's own data (the same rule as myWork.counts: each section at most the limit). */
export function countsOf(work: MyWork, limit: number): MyWorkCounts {
  const bySection: MyWorkCounts["bySection"] = {};
  let total = 0;
  for (const section of work.sections) {
    const count = section.truncated ? limit : Math.min(section.items.length, limit);
    bySection[section.key] = count;
    total += count;
  }
  return { total, bySection };
}
