import type { CaseOverview } from "../cases/case-types";

/** The case's online-harm record: items found online, takedowns, evidence, the legal process (being built). */
export function OnlineHarmSection(_props: { caseData: CaseOverview }) {
  return null;
}
