import type { CaseOverview } from "../cases/case-types";

/** The case's referrals to partners (being built). */
export function ReferralsSection(_props: { caseData: CaseOverview }) {
  return null;
}
