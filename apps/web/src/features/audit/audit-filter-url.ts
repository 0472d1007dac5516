/**
 * The audit log's filters live in the address, so a filtered view can be reloaded, bookmarked or
 * sent to a colleague who may see the same events. Dates are the user's local days.
 */
export interface AuditUrlFilter {
  caseNumber: string;
  action: string;
  /** The actor's user id. */
  user: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** The id of the previous page's last event (pages run newest first). */
  after: number | null;
}

/** The longest period one view may cover (the server refuses more). */
export const AUDIT_PERIOD_MAX_DAYS = 366;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function filterFromSearch(search: URLSearchParams): AuditUrlFilter {
  const after = Number(search.get("after"));
  const text = (key: string) => (search.get(key) ?? "").trim();
  return {
    caseNumber: text("case").slice(0, 40),
    action: /^[a-z_]+(\.[a-z_]+)+$/.test(text("action")) ? text("action") : "",
    user: UUID.test(text("user")) ? text("user") : "",
    from: DAY.test(text("from")) ? text("from") : "",
    to: DAY.test(text("to")) ? text("to") : "",
    after: Number.isInteger(after) && after > 0 ? after : null,
  };
}

export function searchFromFilter(filter: AuditUrlFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.caseNumber) search.set("case", filter.caseNumber);
  if (filter.action) search.set("action", filter.action);
  if (filter.user) search.set("user", filter.user);
  if (filter.from) search.set("from", filter.from);
  if (filter.to) search.set("to", filter.to);
  if (filter.after !== null) search.set("after", String(filter.after));
  return search;
}

/** Midnight at the start of a local day, or the last millisecond of it. */
function localDay(day: string, end: boolean): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return end ? new Date(year, month - 1, date, 23, 59, 59, 999) : new Date(year, month - 1, date);
}

export type PeriodProblem = "order" | "tooLong" | null;

/** What the server is asked for, or why the period cannot be asked for. */
export function serverFilter(filter: AuditUrlFilter):
  | { problem: PeriodProblem & string }
  | { problem: null; filter: { caseNumber?: string; action?: string; actorUserId?: string; from?: Date; to?: Date } } {
  const from = filter.from ? localDay(filter.from, false) : undefined;
  const to = filter.to ? localDay(filter.to, true) : undefined;
  if (from && to && from > to) return { problem: "order" };
  if (from && to && to.getTime() - from.getTime() > AUDIT_PERIOD_MAX_DAYS * 86_400_000) return { problem: "tooLong" };
  return {
    problem: null,
    filter: {
      ...(filter.caseNumber ? { caseNumber: filter.caseNumber } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.user ? { actorUserId: filter.user } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    },
  };
}
