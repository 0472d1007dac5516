/**
 * The no-contact rule, shared by My work (a social worker's own cases) and the supervisor dashboard
 * (the cases in its scope): an open case, opened before the window, with no attended appointment
 * and no session since the window's first day. The window is the agency's no-contact days ending today.
 */
import { addDays, startOfLocalDay } from "@lentera/domain";
import { sql, type SQL } from "@lentera/db";
import { day, instant } from "./env";

/** What the rule is judged against (a WorkEnv or a DashboardEnv). */
export interface NoContactRule {
  today: string;
  noContactDays: number;
  timeZone: string;
}

/** The first day of the no-contact window: a contact on it or later counts. */
export const noContactWindowStart = (rule: NoContactRule) => addDays(rule.today, -(rule.noContactDays - 1));

/**
 * The rule as a condition on a cases row aliased `c`: nothing attended (appointments_case_starts_idx)
 * and no session (session_notes_case_date_idx) since the window's start.
 */
export function noContactCondition(rule: NoContactRule): SQL {
  const fromDay = noContactWindowStart(rule);
  const from = instant(startOfLocalDay(fromDay, rule.timeZone));
  return sql`c.status <> 'closed' and c.opened_at < ${from}
      and not exists (select 1 from appointments a where a.case_id = c.id and a.starts_at >= ${from} and a.status = 'attended')
      and not exists (select 1 from session_notes s where s.case_id = c.id and s.session_date >= ${day(fromDay)})`;
}

/** When the case `c` was last in contact: `last_attended.at` (an instant) and `last_session.on_day` (a date), null when never. */
export const lastContactJoins = sql`
    left join lateral (
      select max(a.starts_at) as at from appointments a where a.case_id = c.id and a.status = 'attended'
    ) last_attended on true
    left join lateral (
      select max(s.session_date) as on_day from session_notes s where s.case_id = c.id
    ) last_session on true`;

/** The longest without contact first: the latest of the last contact and the opening, as an instant. */
export const lastContactOrder = (rule: NoContactRule) =>
  sql`greatest(last_attended.at, last_session.on_day::timestamp at time zone ${rule.timeZone}, c.opened_at)`;
