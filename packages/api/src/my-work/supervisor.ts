/** A supervisor's My work, on the cases of the teams they supervise. */
import { mayDecideOwnPlan, type ClosureReason, type MilestoneDomain, type WorkerOverdue } from "@lentera/domain";
import { and, cases, eq, inArray, queryRows, sessionNotes, sql, users } from "@lentera/db";
import { openFlags, staleDraftCondition } from "../sessions/queue";
import { countOf, day, fromMs, inTeams, instant, ms, openMilestoneStatuses, person, uuid, uuidList, type WorkEnv, type WorkSection } from "./env";

const ofTeams = (env: WorkEnv) => sql`c.agency_id = ${uuid(env.agencyId)} and ${inTeams(env, sql`c.team_id`)}`;

/* ---- Plans submitted for approval, the longest waiting first. ---- */

function plansQuery(env: WorkEnv, limit: number) {
  return sql`
    select pv.id, pv.case_id, c.case_number, cl.alias, pv.number, ${ms(sql`pv.submitted_at`)} as submitted_ms,
      pv.submitted_by, su.display_name as submitted_by_name, pv.drafted_by, pv.last_edited_by
    from plan_versions pv
    join cases c on c.id = pv.case_id
    join clients cl on cl.id = c.client_id
    left join users su on su.id = pv.submitted_by
    where pv.agency_id = ${uuid(env.agencyId)} and pv.status = 'submitted' and ${ofTeams(env)}
    order by pv.submitted_at, pv.id
    limit ${limit}`;
}

const plansToApprove: WorkSection = {
  key: "plan_to_approve",
  role: "supervisor",
  async list(env, limit) {
    const rows = await queryRows<{
      id: string;
      case_id: string;
      case_number: string;
      alias: string;
      number: number;
      submitted_ms: number | null;
      submitted_by: string | null;
      submitted_by_name: string | null;
      drafted_by: string;
      last_edited_by: string;
    }>(env.ctx.db, plansQuery(env, limit));
    return rows.map((row) => ({
      kind: "plan_to_approve" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: null,
      at: row.submitted_ms === null ? null : fromMs(row.submitted_ms),
      facts: {
        planVersionId: row.id,
        number: row.number,
        submittedBy: row.submitted_by ? person(row.submitted_by, row.submitted_by_name) : null,
        mayDecide: mayDecideOwnPlan(env.userId, [row.drafted_by, row.last_edited_by, row.submitted_by], env.allowPlanSelfApproval),
      },
      link: { page: "plan" as const, caseId: row.case_id, targetId: row.id },
    }));
  },
  count: (env, limit) => countOf(plansQuery(env, limit)),
};

/* ---- Closure requests waiting for a decision. ---- */

function closuresQuery(env: WorkEnv, limit: number) {
  return sql`
    select r.id, r.case_id, c.case_number, cl.alias, r.reason, ${ms(sql`r.requested_at`)} as requested_ms,
      r.requested_by, u.display_name as requested_by_name
    from closure_requests r
    join cases c on c.id = r.case_id
    join clients cl on cl.id = c.client_id
    join users u on u.id = r.requested_by
    where r.agency_id = ${uuid(env.agencyId)} and r.status = 'pending' and ${ofTeams(env)}
    order by r.requested_at, r.id
    limit ${limit}`;
}

const closuresToDecide: WorkSection = {
  key: "closure_to_decide",
  role: "supervisor",
  async list(env, limit) {
    const rows = await queryRows<{
      id: string;
      case_id: string;
      case_number: string;
      alias: string;
      reason: ClosureReason;
      requested_ms: number;
      requested_by: string;
      requested_by_name: string;
    }>(env.ctx.db, closuresQuery(env, limit));
    return rows.map((row) => ({
      kind: "closure_to_decide" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: null,
      at: fromMs(row.requested_ms),
      facts: { closureRequestId: row.id, reason: row.reason, requestedBy: person(row.requested_by, row.requested_by_name) },
      link: { page: "closure" as const, caseId: row.case_id, targetId: row.id },
    }));
  },
  count: (env, limit) => countOf(closuresQuery(env, limit)),
};

/* ---- Open risk flags: the supervision queue's query (risk_flags_open_idx). ---- */

const teamCases = (env: WorkEnv) => and(eq(cases.agencyId, env.agencyId), inArray(cases.teamId, env.teams));

const riskFlagsOpen: WorkSection = {
  key: "risk_flag_open",
  role: "supervisor",
  async list(env, limit) {
    if (env.teams.length === 0) return [];
    const flags = await openFlags(env.ctx, teamCases(env), limit);
    return flags.map((flag) => ({
      kind: "risk_flag_open" as const,
      caseId: flag.caseId,
      caseNumber: flag.caseNumber,
      alias: flag.alias,
      dueOn: null,
      at: flag.raisedAt,
      facts: { flagId: flag.id, kinds: flag.kinds, raisedBy: flag.raisedBy, version: flag.version },
      link: { page: "risk_flag" as const, caseId: flag.caseId, targetId: flag.id },
    }));
  },
  count: (env, limit) =>
    countOf(sql`
      select 1 from risk_flags f join cases c on c.id = f.case_id
      where f.agency_id = ${uuid(env.agencyId)} and f.acknowledged_at is null and ${ofTeams(env)}
      limit ${limit}`),
};

/* ---- Emergency accesses not yet reviewed. ---- */

function breakGlassQuery(env: WorkEnv, limit: number) {
  return sql`
    select g.id, g.case_id, c.case_number, cl.alias, u.id as user_id, u.display_name as user_name, g.reason,
      ${ms(sql`g.granted_at`)} as granted_ms, ${ms(sql`g.expires_at`)} as expires_ms
    from break_glass_grants g
    join cases c on c.id = g.case_id
    join clients cl on cl.id = c.client_id
    join users u on u.id = g.user_id
    where g.agency_id = ${uuid(env.agencyId)} and g.reviewed_at is null and ${ofTeams(env)}
    order by g.granted_at, g.id
    limit ${limit}`;
}

const breakGlassToReview: WorkSection = {
  key: "break_glass_to_review",
  role: "supervisor",
  async list(env, limit) {
    const rows = await queryRows<{
      id: string;
      case_id: string;
      case_number: string;
      alias: string;
      user_id: string;
      user_name: string;
      reason: string;
      granted_ms: number;
      expires_ms: number;
    }>(env.ctx.db, breakGlassQuery(env, limit));
    return rows.map((row) => ({
      kind: "break_glass_to_review" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: null,
      at: fromMs(row.granted_ms),
      facts: { grantId: row.id, user: person(row.user_id, row.user_name), reason: row.reason, expiresAt: fromMs(row.expires_ms) },
      link: { page: "break_glass" as const, caseId: row.case_id, targetId: row.id },
    }));
  },
  count: (env, limit) => countOf(breakGlassQuery(env, limit)),
};

/* ---- Achievements waiting for verification (case_milestones_unverified_idx). ---- */

function verificationQuery(env: WorkEnv, limit: number) {
  return sql`
    select m.id, m.case_id, c.case_number, cl.alias, m.catalog_key, m.custom_title, m.domain, m.achieved_on::text as achieved_on,
      achieved.actor_id as achieved_by, au.display_name as achieved_by_name
    from case_milestones m
    join cases c on c.id = m.case_id
    join clients cl on cl.id = c.client_id
    left join lateral (
      select e.actor_id from milestone_events e
      where e.milestone_id = m.id and e.kind = 'status' and e.to_status = 'achieved'
      order by e.occurred_at desc, e.id desc
      limit 1
    ) achieved on true
    left join users au on au.id = achieved.actor_id
    where m.agency_id = ${uuid(env.agencyId)} and m.status = 'achieved' and m.verification_required and m.verified_at is null
      and ${ofTeams(env)}
    order by m.achieved_on, m.id
    limit ${limit}`;
}

const milestonesToVerify: WorkSection = {
  key: "milestone_to_verify",
  role: "supervisor",
  async list(env, limit) {
    const rows = await queryRows<{
      id: string;
      case_id: string;
      case_number: string;
      alias: string;
      catalog_key: string | null;
      custom_title: string | null;
      domain: MilestoneDomain;
      achieved_on: string | null;
      achieved_by: string | null;
      achieved_by_name: string | null;
    }>(env.ctx.db, verificationQuery(env, limit));
    return rows.map((row) => ({
      kind: "milestone_to_verify" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: row.achieved_on,
      at: null,
      facts: {
        milestoneId: row.id,
        catalogKey: row.catalog_key,
        customTitle: row.custom_title,
        domain: row.domain,
        achievedOn: row.achieved_on,
        achievedBy: row.achieved_by ? person(row.achieved_by, row.achieved_by_name) : null,
        // A supervisor does not verify their own achievement.
        mayVerify: row.achieved_by !== env.userId,
      },
      link: { page: "milestone" as const, caseId: row.case_id, targetId: row.id },
    }));
  },
  count: (env, limit) => countOf(verificationQuery(env, limit)),
};

export const supervisorSections: WorkSection[] = [plansToApprove, closuresToDecide, riskFlagsOpen, breakGlassToReview, milestonesToVerify];

/* ---- The team's overdue work per worker. ---- */

type Counts = Omit<WorkerOverdue, "worker">;
const ZERO: Counts = { overdueReviews: 0, outcomesMissing: 0, unsignedNotes: 0, milestonesPastTarget: 0 };

/**
 * Per worker of the supervised teams: overdue reviews and milestones past target on the cases where
 * they are the primary social worker, ended appointments booked with them without an outcome, their
 * drafts unsigned more than 48 hours (the supervision queue's rule) — all on the teams' cases.
 * Workers with nothing overdue are left out; the most overdue first.
 */
export async function teamOverdue(env: WorkEnv, limit: number): Promise<WorkerOverdue[]> {
  if (env.teams.length === 0) return [];
  type Row = { worker_id: string; n: number };
  const [reviews, outcomes, drafts, milestones] = await Promise.all([
    // plan_goals_review_due_idx: the agency's overdue reviews.
    queryRows<Row>(env.ctx.db, sql`
      select c.primary_social_worker_id as worker_id, count(*)::int as n
      from plan_goals g join cases c on c.id = g.case_id
      where g.agency_id = ${uuid(env.agencyId)} and g.review_due_on is not null and g.review_due_on < ${day(env.today)}
        and ${ofTeams(env)} and c.primary_social_worker_id is not null
      group by c.primary_social_worker_id`),
    // appointments_staff_open_ends_idx, for each member of the teams.
    queryRows<Row>(env.ctx.db, sql`
      select a.staff_user_id as worker_id, count(*)::int as n
      from appointments a join cases c on c.id = a.case_id
      where a.staff_user_id in (select tm.user_id from team_memberships tm where tm.team_id in (${uuidList(env.teams)}))
        and a.status = 'scheduled' and a.ends_at <= ${instant(env.now)} and ${ofTeams(env)}
      group by a.staff_user_id`),
    // session_notes_unsigned_idx.
    env.ctx.db
      .select({ worker_id: sessionNotes.counselorId, n: sql<number>`count(*)::int` })
      .from(sessionNotes)
      .innerJoin(cases, eq(cases.id, sessionNotes.caseId))
      .where(and(eq(sessionNotes.agencyId, env.agencyId), staleDraftCondition(env.ctx), teamCases(env)))
      .groupBy(sessionNotes.counselorId),
    // case_milestones_target_idx.
    queryRows<Row>(env.ctx.db, sql`
      select c.primary_social_worker_id as worker_id, count(*)::int as n
      from case_milestones m join cases c on c.id = m.case_id
      where m.agency_id = ${uuid(env.agencyId)} and m.status in (${openMilestoneStatuses}) and m.target_date < ${day(env.today)}
        and c.status <> 'closed' and ${ofTeams(env)} and c.primary_social_worker_id is not null
      group by c.primary_social_worker_id`),
  ]);
  const byWorker = new Map<string, Counts>();
  const add = (rows: Row[], field: keyof Counts) => {
    for (const row of rows) byWorker.set(row.worker_id, { ...(byWorker.get(row.worker_id) ?? ZERO), [field]: Number(row.n) });
  };
  add(reviews, "overdueReviews");
  add(outcomes, "outcomesMissing");
  add(drafts, "unsignedNotes");
  add(milestones, "milestonesPastTarget");
  if (byWorker.size === 0) return [];
  const names = await env.ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...byWorker.keys()]));
  const total = (counts: Counts) => counts.overdueReviews + counts.outcomesMissing + counts.unsignedNotes + counts.milestonesPastTarget;
  return [...byWorker]
    .map(([id, counts]) => ({ worker: person(id, names.find((user) => user.id === id)?.name ?? null), ...counts }))
    .sort((a, b) => total(b) - total(a) || a.worker.name.localeCompare(b.worker.name))
    .slice(0, limit);
}
