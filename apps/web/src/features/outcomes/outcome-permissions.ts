import { canOnCase } from "@lentera/domain";
import type { CaseOverview } from "../cases/case-types";

export interface OutcomeActions {
  /** Enter a new assessment and continue a draft (the care team and the team's supervisor). */
  assess: boolean;
}

/**
 * What the outcomes section offers, from the rule the server applies (`requireCaseAccess(…,
 * "assess")` asks `canOnCase`): an emergency (break-glass) reader sees the scores but does not
 * assess. The server still decides; the form handles a refusal all the same.
 */
export function outcomeActionsFor(caseData: Pick<CaseOverview, "access">): OutcomeActions {
  return { assess: canOnCase(caseData.access, "assess") };
}
