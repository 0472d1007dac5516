/**
 * Actions and records in words. Case actions are named as the case history names them (its
 * catalog part comes with this page); account actions and reads by this page's own part. An
 * action nobody named yet shows as the server recorded it.
 */
import { toCsv } from "@lentera/domain";
import type { RouterOutputs } from "@lentera/api";
import { HISTORY_ACTIONS } from "../cases/history-format";
import type { Translate } from "../reports/list-columns";

export type AuditEvent = RouterOutputs["audit"]["list"]["events"][number];

/** The account events an administrator reads. */
export const ACCOUNT_ACTIONS = [
  "auth.signed_in",
  "auth.signed_out",
  "auth.sign_in_failed",
  "auth.locked_out",
  "auth.second_factor_failed",
  "auth.code_refused",
  "auth.two_factor_enrolment_started",
  "auth.two_factor_enabled",
  "auth.two_factor_disabled",
  "auth.recovery_codes_regenerated",
  "auth.session_ended",
  "auth.other_sessions_ended",
  "user.created",
  "user.updated",
  "user.preferences_updated",
  "user.sessions_ended",
  "team.created",
  "team.renamed",
  "agency.settings_updated",
] as const;

/** Reads of a case: audited, but not in its history. */
export const CASE_READS = ["case.viewed", "case.identity_revealed", "session_note.read", "harm_record.read"] as const;

/** The case actions a supervisor may filter by: the history's, and the reads. */
export const CASE_ACTIONS: readonly string[] = [...HISTORY_ACTIONS, ...CASE_READS];

export function actionWords(action: string, t: Translate): string {
  if ((HISTORY_ACTIONS as readonly string[]).includes(action)) return t(`cases.history.actions.${action}`);
  return t(`audit.actions.${action}`, { defaultValue: action });
}

export function entityWords(entityType: string, t: Translate): string {
  return t(`audit.entities.${entityType}`, { defaultValue: entityType });
}

/** The CSV file of the rows, with the page's words; every cell goes through toCsv's neutralizer. */
export function auditCsv(rows: readonly AuditEvent[], t: Translate): string {
  return toCsv(
    ["when", "action", "who", "case", "record", "fields", "from"].map((column) => t(`audit.column.${column}`)),
    rows.map((row) => [
      row.occurredAt.toISOString(),
      actionWords(row.action, t),
      row.actor?.name ?? null,
      row.case?.caseNumber ?? null,
      entityWords(row.entityType, t),
      row.fields.join(" "),
      row.ip,
    ]),
  );
}
