/**
 * A social worker's My work, on the cases whose care team they are on (each query starts from the
 * user's care-team rows, `case_care_team_user_opened_idx`, so it reads their caseload, not the agency's).
 */
import {
  addDays,
  localDate,
  REVIEW_DUE_SOON_DAYS,
  type AppointmentKind,
  type MilestoneDomain,
  type MilestoneStatus,
} from "@lentera/domain";
import { queryRows, sql } from "@lentera/db";
import {
  caseVisible,
  countOf,
  day,
  fromMs,
  instant,
  mine,
  ms,
  myCases,
  openMilestoneStatuses,
  person,
  todayPlus,
  uuid,
  type WorkEnv,
  type WorkSection,
} from "./env";
import { lastContactJoins, lastContactOrder, noContactCondition } from "./no-contact-rule";


/* ---- Reviews due: open goals of the plan in force, overdue or due within 7 days; one item per case. ---- */

function reviewsDueQuery(env: WorkEnv, limit: number) {
  // The plan in force (plan_versions_one_in_force) and its goals (plan_goals_version_key_unique):
  // review_due_on is set only on the open goals of a plan in force of an open case.
  return sql`
    select c.id as case_id, c.case_number, cl.alias, min(g.review_due_on)::text as due_on,
      count(*)::int as goals, (count(*) filter (where g.review_due_on < ${day(env.today)}))::int as overdue_goals
    from ${myCases(env)}
    join plan_versions pv on pv.case_id = c.id and pv.status = 'approved'
    join plan_goals g on g.plan_version_id = pv.id
    where ${mine(env)} and g.review_due_on is not null and g.review_due_on <= ${day(todayPlus(env, REVIEW_DUE_SOON_DAYS))}
    group by c.id, c.case_number, cl.alias
    order by min(g.review_due_on), c.case_number
    limit ${limit}`;
}

const reviewsDue: WorkSection = {
  key: "review_due",
  role: "social_worker",
  async list(env, limit) {
    const rows = await queryRows<{ case_id: string; case_number: string; alias: string; due_on: string; goals: number; overdue_goals: number }>(
      env.ctx.db,
      reviewsDueQuery(env, limit),
    );
    return rows.map((row) => ({
      kind: "review_due" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: row.due_on,
      at: null,
      facts: { goals: row.goals, overdueGoals: row.overdue_goals, overdue: row.overdue_goals > 0 },
      link: { page: "plan" as const, caseId: row.case_id, targetId: null },
    }));
  },
  count: (env, limit) => countOf(reviewsDueQuery(env, limit)),
};

/* ---- Appointments that ended with no outcome: on the user's cases, or booked with the user. ---- */

function outcomesMissingQuery(env: WorkEnv, limit: number) {
  const now = instant(env.now);
  // Two index paths, merged: the user's own (appointments_staff_open_ends_idx) and their cases'
  // (appointments_case_starts_idx from the care-team rows).
  return sql`
    select a.id, a.case_id, c.case_number, case when ${caseVisible(env, sql`c.id`, sql`c.team_id`)} then cl.alias end as alias,
      a.kind, ${ms(sql`a.starts_at`)} as starts_ms, ${ms(sql`a.ends_at`)} as ends_ms, st.id as staff_id, st.display_name as staff_name
    from (
      select a.id from appointments a
      where a.staff_user_id = ${uuid(env.userId)} and a.status = 'scheduled' and a.ends_at <= ${now}
      union
      select a.id from case_care_team cct
      join appointments a on a.case_id = cct.case_id and a.starts_at < ${now}
      where ${mine(env)} and a.status = 'scheduled' and a.ends_at <= ${now}
    ) open_ones
    join appointments a on a.id = open_ones.id
    join cases c on c.id = a.case_id
    join clients cl on cl.id = c.client_id
    join users st on st.id = a.staff_user_id
    where a.agency_id = ${uuid(env.agencyId)}
    order by a.ends_at, a.id
    limit ${limit}`;
}

const outcomesMissing: WorkSection = {
  key: "outcome_missing",
  role: "social_worker",
  async list(env, limit) {
    const rows = await queryRows<{
      id: string;
      case_id: string;
      case_number: string;
      alias: string | null;
      kind: AppointmentKind;
      starts_ms: number;
      ends_ms: number;
      staff_id: string;
      staff_name: string;
    }>(env.ctx.db, outcomesMissingQuery(env, limit));
    return rows.map((row) => ({
      kind: "outcome_missing" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: localDate(fromMs(row.ends_ms), env.timeZone),
      at: fromMs(row.ends_ms),
      facts: {
        appointmentId: row.id,
        appointmentKind: row.kind,
        startsAt: fromMs(row.starts_ms),
        endsAt: fromMs(row.ends_ms),
        staff: person(row.staff_id, row.staff_name),
      },
      link: { page: "appointment" as const, caseId: row.case_id, targetId: row.id },
    }));
  },
  count: (env, limit) => countOf(outcomesMissingQuery(env, limit)),
};

/* ---- No contact: open cases without an attended appointment or a session for the agency's days. ---- */

function noContactQuery(env: WorkEnv, limit: number) {
  // For each open case of the user: the shared no-contact rule; then when the last contact was.
  return sql`
    select c.id as case_id, c.case_number, cl.alias, ${ms(sql`c.opened_at`)} as opened_ms,
      ${ms(sql`last_attended.at`)} as attended_ms, last_session.on_day::text as session_on
    from ${myCases(env)}
    ${lastContactJoins}
    where ${mine(env)} and ${noContactCondition(env)}
    order by ${lastContactOrder(env)}, c.case_number
    limit ${limit}`;
}

/** Whole days from one calendar date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const noContact: WorkSection = {
  key: "no_contact",
  role: "social_worker",
  async list(env, limit) {
    const rows = await queryRows<{
      case_id: string;
      case_number: string;
      alias: string;
      opened_ms: number;
      attended_ms: number | null;
      session_on: string | null;
    }>(env.ctx.db, noContactQuery(env, limit));
    return rows.map((row) => {
      const attendedOn = row.attended_ms === null ? null : localDate(fromMs(row.attended_ms), env.timeZone);
      const lastContactOn = [attendedOn, row.session_on].reduce<string | null>((latest, date) => (date && (!latest || date > latest) ? date : latest), null);
      const since = lastContactOn ?? localDate(fromMs(row.opened_ms), env.timeZone);
      return {
        kind: "no_contact" as const,
        caseId: row.case_id,
        caseNumber: row.case_number,
        alias: row.alias,
        dueOn: addDays(since, env.noContactDays),
        at: null,
        facts: { lastContactOn, daysWithoutContact: daysBetween(since, env.today), noContactDays: env.noContactDays },
        link: { page: "case" as const, caseId: row.case_id, targetId: null },
      };
    });
  },
  count: (env, limit) => countOf(noContactQuery(env, limit)),
};

/* ---- Milestones still being worked on, past their target date (open cases). ---- */

function milestonesOverdueQuery(env: WorkEnv, limit: number) {
  return sql`
    select m.id, c.id as case_id, c.case_number, cl.alias, m.catalog_key, m.custom_title, m.domain, m.status, m.target_date::text as target_date
    from ${myCases(env)}
    join case_milestones m on m.case_id = c.id
    where ${mine(env)} and c.status <> 'closed' and m.status in (${openMilestoneStatuses}) and m.target_date < ${day(env.today)}
    order by m.target_date, m.id
    limit ${limit}`;
}

const milestonesOverdue: WorkSection = {
  key: "milestone_overdue",
  role: "social_worker",
  async list(env, limit) {
    const rows = await queryRows<{
      id: string;
      case_id: string;
      case_number: string;
      alias: string;
      catalog_key: string | null;
      custom_title: string | null;
      domain: MilestoneDomain;
      status: MilestoneStatus;
      target_date: string;
    }>(env.ctx.db, milestonesOverdueQuery(env, limit));
    return rows.map((row) => ({
      kind: "milestone_overdue" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: row.target_date,
      at: null,
      facts: { milestoneId: row.id, catalogKey: row.catalog_key, customTitle: row.custom_title, domain: row.domain, status: row.status },
      link: { page: "milestone" as const, caseId: row.case_id, targetId: row.id },
    }));
  },
  count: (env, limit) => countOf(milestonesOverdueQuery(env, limit)),
};

/* ---- Post-closure follow-ups due today or earlier with no outcome recorded. ---- */

function followUpsDueQuery(env: WorkEnv, limit: number) {
  return sql`
    select c.id as case_id, c.case_number, cl.alias, due.on_day::text as due_on, ${ms(sql`c.closed_at`)} as closed_ms
    from ${myCases(env)}
    cross join lateral unnest(c.follow_up_dates) as due(on_day)
    where ${mine(env)} and c.status = 'closed' and due.on_day <= ${day(env.today)}
      and not exists (select 1 from follow_up_outcomes f where f.case_id = c.id and f.due_on = due.on_day)
    order by due.on_day, c.case_number
    limit ${limit}`;
}

const followUpsDue: WorkSection = {
  key: "follow_up_due",
  role: "social_worker",
  async list(env, limit) {
    const rows = await queryRows<{ case_id: string; case_number: string; alias: string; due_on: string; closed_ms: number }>(
      env.ctx.db,
      followUpsDueQuery(env, limit),
    );
    return rows.map((row) => ({
      kind: "follow_up_due" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: row.due_on,
      at: null,
      facts: { closedAt: fromMs(row.closed_ms) },
      link: { page: "follow_up" as const, caseId: row.case_id, targetId: null },
    }));
  },
  count: (env, limit) => countOf(followUpsDueQuery(env, limit)),
};

export const socialWorkerSections: WorkSection[] = [reviewsDue, outcomesMissing, noContact, milestonesOverdue, followUpsDue];
