import { canOnCase, canRequestClosure, nextStatus, type CaseStatus } from "@lentera/domain";
import type { CaseOverview } from "./case-types";

export type SimpleTransition = "activate" | "hold" | "resume";

export interface CaseActions {
  /** Status changes offered as buttons, in the order they are shown. */
  transitions: SimpleTransition[];
  requestClosure: boolean;
  decideClosure: boolean;
  reopen: boolean;
  edit: boolean;
  recordConsent: boolean;
  revealIdentity: boolean;
  /** Choose who works on the case (a supervisor of its team reassigns it). */
  manageCareTeam: boolean;
}

const SIMPLE_TRANSITIONS: readonly SimpleTransition[] = ["activate", "hold", "resume"];

/**
 * What the case page offers, from the same rules the server applies (@lentera/domain): the
 * user's access to the case, its status and whether a closure request is waiting. The server
 * still decides; the page handles a refusal all the same.
 */
export function caseActionsFor(
  caseData: Pick<CaseOverview, "access" | "pendingClosure"> & { status: CaseStatus },
): CaseActions {
  const { access, status } = caseData;
  const pending = caseData.pendingClosure !== null;
  return {
    transitions: canOnCase(access, "change_status")
      ? SIMPLE_TRANSITIONS.filter((transition) => nextStatus(status, transition) !== null)
      : [],
    requestClosure: canOnCase(access, "request_closure") && canRequestClosure(status, pending),
    decideClosure: canOnCase(access, "decide_closure") && pending && status !== "closed",
    reopen: canOnCase(access, "reopen") && nextStatus(status, "reopen") !== null,
    edit: canOnCase(access, "update"),
    recordConsent: canOnCase(access, "record_consent"),
    revealIdentity: canOnCase(access, "reveal_identity"),
    manageCareTeam: canOnCase(access, "manage_care_team"),
  };
}
