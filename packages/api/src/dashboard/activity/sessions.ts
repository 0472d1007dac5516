/**
 * Session notes dated in the period (any status) on the cases in scope, per counselor. Only the
 * notes' metadata is read here: never the sealed body, whoever looks at the dashboard.
 */
import type { Dashboard } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, periodFromDay, periodToDay, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { person, uuid } from "../../my-work/env";
import { byBytes, pagedList } from "./list-rows";

/** `from … where …` of the session notes in scope dated in the period (the agency's days, inclusive). */
function notesInPeriod(env: DashboardEnv): SQL {
  return sql`
    from session_notes s join cases c on c.id = s.case_id
    where s.agency_id = ${uuid(env.agencyId)} and ${casesInScope(env)}
      and s.session_date >= ${periodFromDay(env)} and s.session_date <= ${periodToDay(env)}`;
}

/** The busiest counselor first; equal counts by name, then id, so the order never flickers. */
export async function sessionFigures(env: DashboardEnv): Promise<Pick<Dashboard, "sessionsPerCounselor">> {
  const rows = await queryRows<{ counselor_id: string; name: string; sessions: number; signed: number }>(env.ctx.db, sql`
    select n.counselor_id, u.display_name as name, n.sessions, n.signed
    from (
      select s.counselor_id, count(*)::int as sessions, count(*) filter (where s.status = 'signed')::int as signed
      ${notesInPeriod(env)}
      group by s.counselor_id
    ) n
    join users u on u.id = n.counselor_id
    order by n.sessions desc, ${byBytes(sql`u.display_name`)}, n.counselor_id`);
  return {
    sessionsPerCounselor: rows.map((row) => ({ counselor: person(row.counselor_id, row.name), sessions: Number(row.sessions), signed: Number(row.signed) })),
  };
}

/*
 * sessions (param personId = the counselor; "unassigned" matches none): the period's notes, the
 * earliest first. on = the session's day; value = its length in minutes; code = the note's status
 * (draft, signed); person = the counselor; targetId = the note (metadata only, never its content).
 */
export const sessionsList: DashboardListQuery = pagedList(
  (env, params) => {
    const counselor = params.personId === undefined ? sql`` : params.personId === "unassigned" ? sql`and false` : sql`and s.counselor_id = ${uuid(params.personId)}`;
    return sql`
      select s.case_id, s.session_date, s.session_date::text as on_day, s.duration_minutes::float8 as value, s.status as code,
        s.counselor_id as person_id, s.id as target_id
      ${notesInPeriod(env)} ${counselor}`;
  },
  sql`x.session_date, x.target_id`,
);
