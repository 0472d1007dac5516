import type { RouterOutputs } from "@lentera/api";

/*
 * What the sessions, supervision and notifications procedures return, as the web app sees them
 * (the API's output schemas in @lentera/domain decide each reader's share).
 */
export type CaseSessions = RouterOutputs["sessions"]["byCase"];
export type SessionMetadata = CaseSessions["sessions"][number];
export type SessionNote = RouterOutputs["sessions"]["get"];
export type ScreeningResult = SessionNote["screenings"][number];
export type Addendum = SessionNote["addenda"][number];
export type ScreeningHistory = RouterOutputs["sessions"]["screeningHistory"];
export type SupervisionQueue = RouterOutputs["supervision"]["queue"];
export type CaseFlags = RouterOutputs["supervision"]["flagsByCase"];
export type RiskFlag = CaseFlags["open"][number];
export type PositiveScreen = SupervisionQueue["positiveScreens"][number];
export type UnsignedNote = SupervisionQueue["unsignedNotes"][number];

/** The address of a session note's page. */
export function notePath(caseId: string, noteId: string): string {
  return `/cases/${caseId}/sessions/${noteId}`;
}
