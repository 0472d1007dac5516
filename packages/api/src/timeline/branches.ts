/**
 * Where each kind of timeline entry comes from. Every branch yields the same columns
 * (id, at, kind, action, actor_id, facts, link) for one case, and names only facts: no free text a
 * person wrote (notes, reasons, comments, evidence), no session content, no screening total.
 *
 * The domain tables are the source wherever they keep the history: the case's opening, consents,
 * completed assessments, appointments, session notes, milestone events (append-only), follow-up
 * outcomes and closure requests (one row per request, with its decision). Three things the tables
 * overwrite come from the audit trail, which is append-only and written in the same transaction as
 * the change: status changes (cases keep only the current status), plan submissions and decisions
 * (a returned version that is submitted again keeps only its last submission and decision), and
 * consent withdrawals (consents keep the withdrawal's date but not when or by whom it was recorded).
 * Cancelling and rescheduling an appointment are ended states of the row, timed by their audit
 * event when there is one.
 */
import type { TimelineKind } from "@lentera/domain";
import { sql, type SQL } from "@lentera/db";

export interface BranchOptions {
  caseId: string;
  /** May the reader open session notes? Only then does a session entry carry the note's id. */
  clinical: boolean;
  /** The agency's zone: a session without an appointment is placed at the start of its day there. */
  timeZone: string;
}

/** Instants to the millisecond (what a JavaScript Date holds), so a page cursor compares exactly. */
const at = (expression: SQL) => sql`date_trunc('milliseconds', ${expression})`;
/** An instant inside facts, as epoch milliseconds (turned back into a Date by the service). */
const ms = (expression: SQL) => sql`(extract(epoch from ${expression}) * 1000)::float8`;
const person = (id: SQL, name: SQL) => sql`jsonb_build_object('id', ${id}, 'name', ${name})`;

function intake(o: BranchOptions): SQL[] {
  return [
    sql`select 'case_opened:' || c.id::text as id, ${at(sql`c.opened_at`)} as at, 'intake' as kind, 'case_opened' as action,
      c.created_by as actor_id, jsonb_build_object('caseNumber', c.case_number, 'referralSource', c.referral_source) as facts,
      '{}'::jsonb as link
    from cases c where c.id = ${o.caseId}::uuid`,
  ];
}

function status(o: BranchOptions): SQL[] {
  return [
    // The audit trail: activate, hold, resume and reopen (`case.<transition>`, `case.reopened`).
    sql`select 'audit:' || ae.id::text, ${at(sql`ae.occurred_at`)}, 'status',
      case ae.action when 'case.reopened' then 'case_reopened' else 'status_changed' end,
      ae.actor_user_id,
      case ae.action when 'case.reopened' then '{}'::jsonb
        else jsonb_build_object('from', ae.changes -> 'status' -> 'from', 'to', ae.changes -> 'status' -> 'to') end,
      '{}'::jsonb
    from audit_events ae
    where ae.case_id = ${o.caseId}::uuid and ae.action in ('case.activate', 'case.hold', 'case.resume', 'case.reopened')`,
    sql`select 'closure_requested:' || r.id::text, ${at(sql`r.requested_at`)}, 'status', 'closure_requested', r.requested_by,
      jsonb_build_object('reason', r.reason), '{}'::jsonb
    from closure_requests r where r.case_id = ${o.caseId}::uuid`,
    sql`select 'closure_decided:' || r.id::text, ${at(sql`r.decided_at`)}, 'status',
      case r.status when 'approved' then 'closure_approved' else 'closure_returned' end, r.decided_by,
      jsonb_build_object('reason', r.reason), '{}'::jsonb
    from closure_requests r where r.case_id = ${o.caseId}::uuid and r.status <> 'pending' and r.decided_at is not null`,
  ];
}

function consent(o: BranchOptions): SQL[] {
  return [
    sql`select 'consent_recorded:' || k.id::text, ${at(sql`k.created_at`)}, 'consent', 'consent_recorded', k.recorded_by,
      jsonb_build_object('scope', k.scope, 'givenBy', k.given_by, 'givenOn', k.given_on, 'expiresOn', k.expires_on),
      jsonb_build_object('consentId', k.id)
    from consents k where k.case_id = ${o.caseId}::uuid`,
    sql`select 'audit:' || ae.id::text, ${at(sql`ae.occurred_at`)}, 'consent', 'consent_withdrawn', ae.actor_user_id,
      jsonb_build_object('scope', k.scope, 'withdrawnOn', k.withdrawn_on), jsonb_build_object('consentId', k.id)
    from audit_events ae
    join consents k on k.case_id = ae.case_id and k.id::text = ae.entity_id
    where ae.case_id = ${o.caseId}::uuid and ae.action = 'consent.withdrawn' and k.withdrawn_on is not null`,
  ];
}

function assessment(o: BranchOptions): SQL[] {
  return [
    sql`select 'assessment_completed:' || oa.id::text, ${at(sql`oa.completed_at`)}, 'assessment', 'assessment_completed', oa.assessed_by,
      jsonb_build_object('instrumentCode', oa.instrument_code, 'timepoint', oa.timepoint, 'assessedOn', oa.assessed_on),
      jsonb_build_object('assessmentId', oa.id)
    from outcome_assessments oa where oa.case_id = ${o.caseId}::uuid and oa.status = 'completed'`,
  ];
}

function plan(o: BranchOptions): SQL[] {
  return [
    sql`select 'audit:' || ae.id::text, ${at(sql`ae.occurred_at`)}, 'plan', replace(ae.action, '.', '_'), ae.actor_user_id,
      jsonb_build_object('number', pv.number), jsonb_build_object('planVersionId', pv.id)
    from audit_events ae
    join plan_versions pv on pv.case_id = ae.case_id and pv.id::text = ae.entity_id
    where ae.case_id = ${o.caseId}::uuid and ae.action in ('plan.submitted', 'plan.approved', 'plan.returned')`,
  ];
}

const appointmentFacts = sql`jsonb_build_object('appointmentKind', a.kind, 'mode', a.mode, 'startsAt', ${ms(sql`a.starts_at`)},
  'endsAt', ${ms(sql`a.ends_at`)}, 'staff', ${person(sql`st.id`, sql`st.display_name`)})`;

function appointment(o: BranchOptions): SQL[] {
  return [
    sql`select 'appointment_booked:' || a.id::text, ${at(sql`a.created_at`)}, 'appointment', 'appointment_booked', a.created_by,
      ${appointmentFacts}, jsonb_build_object('appointmentId', a.id)
    from appointments a join users st on st.id = a.staff_user_id
    where a.case_id = ${o.caseId}::uuid`,
    // Placed when it took place; the actor is who recorded the outcome.
    sql`select 'appointment_outcome:' || a.id::text, ${at(sql`a.starts_at`)}, 'appointment', 'appointment_outcome', a.outcome_recorded_by,
      ${appointmentFacts} || jsonb_build_object('outcome', a.status), jsonb_build_object('appointmentId', a.id)
    from appointments a join users st on st.id = a.staff_user_id
    where a.case_id = ${o.caseId}::uuid and a.status in ('attended', 'no_show')`,
    sql`select 'appointment_' || a.status || ':' || a.id::text, ${at(sql`coalesce(ended.occurred_at, a.updated_at)`)}, 'appointment',
      'appointment_' || a.status, ended.actor_user_id,
      ${appointmentFacts} || case when a.status = 'rescheduled' then jsonb_build_object('rescheduledTo',
        case when next_one.id is null then null else jsonb_build_object('appointmentId', next_one.id, 'startsAt', ${ms(sql`next_one.starts_at`)}) end)
        else '{}'::jsonb end,
      jsonb_build_object('appointmentId', a.id)
    from appointments a
    join users st on st.id = a.staff_user_id
    left join appointments next_one on next_one.id = a.rescheduled_to_id
    left join lateral (
      select e.occurred_at, e.actor_user_id from audit_events e
      where e.entity_type = 'appointment' and e.entity_id = a.id::text and e.action in ('appointment.cancelled', 'appointment.rescheduled')
      order by e.id desc limit 1
    ) ended on true
    where a.case_id = ${o.caseId}::uuid and a.status in ('cancelled', 'rescheduled')`,
  ];
}

function session(o: BranchOptions): SQL[] {
  const noteId = o.clinical ? sql`s.id` : sql`null::uuid`;
  return [
    // Metadata only, for every reader: the note's body, addenda and screenings are never read here.
    sql`select 'session:' || s.id::text,
      ${at(sql`coalesce(a.starts_at, s.session_date::timestamp at time zone ${o.timeZone})`)}, 'session', 'session_held', s.counselor_id,
      jsonb_build_object('sessionDate', s.session_date, 'durationMinutes', s.duration_minutes, 'modality', s.modality,
        'counselor', ${person(sql`u.id`, sql`u.display_name`)},
        'attendance', case when a.status in ('no_show', 'scheduled') then a.status else 'attended' end,
        'status', s.status),
      jsonb_build_object('noteId', ${noteId}, 'appointmentId', s.appointment_id)
    from session_notes s
    join users u on u.id = s.counselor_id
    left join appointments a on a.id = s.appointment_id
    where s.case_id = ${o.caseId}::uuid`,
  ];
}

function milestone(o: BranchOptions): SQL[] {
  return [
    sql`select 'milestone_event:' || e.id::text, ${at(sql`e.occurred_at`)}, 'milestone',
      case e.kind when 'status' then 'milestone_status' when 'verified' then 'milestone_verified' else 'milestone_verification_rejected' end,
      e.actor_id,
      jsonb_build_object('catalogKey', m.catalog_key, 'customTitle', m.custom_title, 'domain', m.domain,
        'fromStatus', e.from_status, 'toStatus', e.to_status, 'achievedOn', e.achieved_on),
      jsonb_build_object('milestoneId', m.id)
    from milestone_events e join case_milestones m on m.id = e.milestone_id
    where e.case_id = ${o.caseId}::uuid`,
  ];
}

function followUp(o: BranchOptions): SQL[] {
  return [
    sql`select 'follow_up:' || f.due_on::text, ${at(sql`f.recorded_at`)}, 'follow_up', 'follow_up_recorded', f.recorded_by,
      jsonb_build_object('dueOn', f.due_on, 'outcome', f.outcome, 'reopened', f.reopened), '{}'::jsonb
    from follow_up_outcomes f where f.case_id = ${o.caseId}::uuid`,
  ];
}

export const TIMELINE_BRANCHES: Record<TimelineKind, (options: BranchOptions) => SQL[]> = {
  intake,
  status,
  consent,
  assessment,
  plan,
  appointment,
  session,
  milestone,
  follow_up: followUp,
};
