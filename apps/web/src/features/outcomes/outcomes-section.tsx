import type { CaseOverview } from "../cases/case-types";

/** The case's outcome assessments: scores per domain over time, entry with scoring as you go. */
export function OutcomesSection(_props: { caseData: CaseOverview }) {
  return null;
}
