import type { CaseStatus } from "./vocabulary";

/**
 * The case's status machine. Closure goes through a request that a supervisor approves
 * (→ closed) or returns (status unchanged); `reopen` brings a closed case back to active.
 */
export const STATUS_TRANSITIONS = {
  activate: { from: ["intake"], to: "active" },
  hold: { from: ["active"], to: "on_hold" },
  resume: { from: ["on_hold"], to: "active" },
  close: { from: ["intake", "active", "on_hold"], to: "closed" },
  reopen: { from: ["closed"], to: "active" },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus }>;

export type StatusTransition = keyof typeof STATUS_TRANSITIONS;

/** The status after a transition, or null when the transition is not allowed from `current`. */
export function nextStatus(current: CaseStatus, transition: StatusTransition): CaseStatus | null {
  const rule = STATUS_TRANSITIONS[transition];
  return (rule.from as readonly CaseStatus[]).includes(current) ? rule.to : null;
}

/** A closure can be requested only while the case is open and no request is pending. */
export function canRequestClosure(status: CaseStatus, hasPendingRequest: boolean): boolean {
  return status !== "closed" && !hasPendingRequest;
}

/** Follow-up visits after closure: months after the closing date (a setting; 6 and 12 by default). */
export function followUpDates(closedOn: Date, months: readonly number[]): Date[] {
  return months.map((offset) => {
    const date = new Date(Date.UTC(closedOn.getUTCFullYear(), closedOn.getUTCMonth() + offset, closedOn.getUTCDate()));
    // 31 August + 6 months is 3 March in Date arithmetic; keep the last day of the target month.
    const targetMonth = (closedOn.getUTCMonth() + offset) % 12;
    if (date.getUTCMonth() !== targetMonth) date.setUTCDate(0);
    return date;
  });
}

export const DEFAULT_FOLLOW_UP_MONTHS = [6, 12] as const;

/** `LNT-2026-000123`: the agency's prefix, the year, and a six-digit sequence for that year. */
export function formatCaseNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, "0")}`;
}
