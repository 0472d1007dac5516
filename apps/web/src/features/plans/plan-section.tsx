import type { CaseOverview } from "../cases/case-types";

/** The case's rehabilitation plan: in force, the draft, history and diff, reviews. */
export function PlanSection(_props: { caseData: CaseOverview }) {
  return null;
}
