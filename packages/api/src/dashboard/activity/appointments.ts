/**
 * Appointments this week by status, and the period's attended and no-show appointments (the no-show
 * rate). An appointment belongs to the week or the period its start falls in (the agency's days as
 * instants, half-open); only appointments on the cases in scope count, whoever the staff member.
 */
import { APPOINTMENT_STATUSES, noShowRate, type AppointmentStatus, type Dashboard } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import { casesInScope, periodEnd, periodStart, type DashboardEnv } from "../env";
import type { DashboardListQuery } from "../figure";
import { instant, uuid } from "../../my-work/env";
import { pagedList } from "./list-rows";

/** `from … where …` of the appointments on cases in scope starting in [start, end). */
function startingIn(env: DashboardEnv, start: SQL, end: SQL): SQL {
  return sql`
    from appointments a join cases c on c.id = a.case_id
    where a.agency_id = ${uuid(env.agencyId)} and ${casesInScope(env)} and a.starts_at >= ${start} and a.starts_at < ${end}`;
}

const thisWeek = (env: DashboardEnv) => startingIn(env, instant(env.week.start), instant(env.week.end));
const inPeriod = (env: DashboardEnv) => startingIn(env, periodStart(env), periodEnd(env));

export async function appointmentFigures(env: DashboardEnv): Promise<Pick<Dashboard, "appointmentsThisWeek" | "noShows">> {
  const [week, [period]] = await Promise.all([
    queryRows<{ status: AppointmentStatus; n: number }>(env.ctx.db, sql`select a.status, count(*)::int as n ${thisWeek(env)} group by a.status`),
    queryRows<{ attended: number; no_show: number }>(env.ctx.db, sql`
      select count(*) filter (where a.status = 'attended')::int as attended, count(*) filter (where a.status = 'no_show')::int as no_show
      ${inPeriod(env)} and a.status in ('attended', 'no_show')`),
  ]);
  const byStatus = Object.fromEntries(APPOINTMENT_STATUSES.map((status) => [status, 0])) as Record<AppointmentStatus, number>;
  for (const row of week) byStatus[row.status] = Number(row.n);
  const attended = Number(period?.attended ?? 0);
  const noShow = Number(period?.no_show ?? 0);
  return { appointmentsThisWeek: byStatus, noShows: { attended, noShow, rate: noShowRate(attended, noShow) } };
}

/** The row columns of an appointment; the earliest start first. */
const appointmentRow = (env: DashboardEnv, code: SQL) => sql`
  select a.case_id, a.starts_at, (a.starts_at at time zone ${env.timeZone})::date::text as on_day, null::float8 as value,
    ${code} as code, a.staff_user_id as person_id, a.id as target_id`;
const byStart = sql`x.starts_at, x.target_id`;

/*
 * appointments_week (param appointmentStatus): the week's appointments, all statuses without it.
 *   on = the local day it starts; code = its status; person = the staff member; targetId = the appointment.
 */
export const appointmentsWeekList: DashboardListQuery = pagedList(
  (env, params) => sql`
    ${appointmentRow(env, sql`a.status`)} ${thisWeek(env)}
    ${params.appointmentStatus ? sql`and a.status = ${params.appointmentStatus}` : sql``}`,
  byStart,
);

/*
 * no_shows: the period's appointments marked no-show.
 *   on = the local day it started; code = its kind; person = the staff member; targetId = the appointment.
 */
export const noShowsList: DashboardListQuery = pagedList(
  (env) => sql`${appointmentRow(env, sql`a.kind`)} ${inPeriod(env)} and a.status = 'no_show'`,
  byStart,
);
