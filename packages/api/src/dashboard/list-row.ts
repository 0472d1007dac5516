import type { CaseStatus, DashboardListRow, RiskLevel } from "@lentera/domain";
import { person } from "../my-work/env";

/** The columns every drill-down list query selects, whichever way it builds its rows. */
export interface ListRowRecord extends Record<string, unknown> {
  case_id: string;
  case_number: string;
  alias: string | null;
  status: CaseStatus;
  risk_level: RiskLevel;
  worker_id: string | null;
  worker_name: string | null;
  on_day: string | null;
  value: number | null;
  code: string | null;
  person_id: string | null;
  person_name: string | null;
  target_id: string | null;
}

export function toListRow(record: ListRowRecord): DashboardListRow {
  return {
    caseId: record.case_id,
    caseNumber: record.case_number,
    alias: record.alias,
    status: record.status,
    riskLevel: record.risk_level,
    worker: record.worker_id ? person(record.worker_id, record.worker_name) : null,
    on: record.on_day,
    value: record.value === null ? null : Number(record.value),
    code: record.code,
    person: record.person_id ? person(record.person_id, record.person_name) : null,
    targetId: record.target_id,
  };
}
