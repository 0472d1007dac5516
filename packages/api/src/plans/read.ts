import {
  canOnCase,
  EDITABLE_PLAN_VERSION_STATUSES,
  mayDecideOwnPlan,
  OPEN_PLAN_VERSION_STATUSES,
  utcDate,
  type PlanVersionStatus,
} from "@lentera/domain";
import {
  and,
  asc,
  eq,
  goalReviews,
  partners,
  queryRows,
  sql,
  users,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess } from "../cases/access";
import { activeTeamStaff } from "../cases/team-staff";
import { latestAtRiskDomains } from "../outcomes/assessments";
import { agencyPlanSettings } from "./agency-settings";
import { caseVersions, describeVersion, findVersion, loadGoals, namesOf } from "./load";

const today = (ctx: AuthedContext) => utcDate(ctx.clock());
const isOpenVersion = (status: PlanVersionStatus) => (OPEN_PLAN_VERSION_STATUSES as readonly string[]).includes(status);

/**
 * The plan tab of a case: the version in force, the one being worked on, the history, every
 * progress review, when each open goal is next due, and what the caller may do.
 */
export async function getPlan(ctx: AuthedContext, caseId: string) {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  const [settings, versions, reviewRows, atRisk] = await Promise.all([
    agencyPlanSettings(ctx),
    caseVersions(ctx.db, handle.id),
    ctx.db
      .select({
        id: goalReviews.id,
        goalKey: goalReviews.goalKey,
        reviewedOn: goalReviews.reviewedOn,
        progress: goalReviews.progress,
        rating: goalReviews.rating,
        note: goalReviews.note,
        reviewedBy: users.displayName,
        createdAt: goalReviews.createdAt,
      })
      .from(goalReviews)
      .innerJoin(users, eq(users.id, goalReviews.reviewedBy))
      .where(eq(goalReviews.caseId, handle.id))
      .orderBy(asc(goalReviews.reviewedOn), asc(goalReviews.createdAt)),
    latestAtRiskDomains(ctx.db, handle.id),
  ]);
  const inForce = versions.find((version) => version.status === "approved") ?? null;
  const open = versions.find((version) => isOpenVersion(version.status)) ?? null;
  const [goals, names] = await Promise.all([
    loadGoals(ctx.db, [inForce?.id, open?.id].filter((id): id is string => Boolean(id))),
    namesOf(ctx.db, versions.flatMap((version) => [version.draftedBy, version.lastEditedBy, version.submittedBy, version.decidedBy])),
  ]);

  const inForceGoals = inForce ? (goals.get(inForce.id) ?? []) : [];
  const reviewsDue = inForceGoals.flatMap((goal) =>
    goal.reviewDueOn ? [{ goalKey: goal.key, dueOn: goal.reviewDueOn, overdue: goal.reviewDueOn < today(ctx) }] : [],
  );

  const open_ = open ? { ...describeVersion(open, names), goals: goals.get(open.id) ?? [] } : null;
  const caseOpen = handle.status !== "closed";
  return {
    caseId: handle.id,
    settings: {
      domains: settings.domains,
      reviewIntervalDays: settings.reviewIntervalDays,
      allowPlanSelfApproval: settings.allowPlanSelfApproval,
    },
    inForce: inForce ? { ...describeVersion(inForce, names), goals: inForceGoals } : null,
    open: open_,
    versions: versions.map((version) => describeVersion(version, names)),
    reviews: reviewRows,
    reviewsDue,
    overdueReviewCount: reviewsDue.filter((due) => due.overdue).length,
    /** What the latest completed assessment marks at risk: each needs an open goal before submitting. */
    atRiskDomains: atRisk.domains,
    permissions: {
      edit: caseOpen && canOnCase(handle.access, "edit_plan") && (!open || (EDITABLE_PLAN_VERSION_STATUSES as readonly string[]).includes(open.status)),
      submit: caseOpen && canOnCase(handle.access, "edit_plan") && Boolean(open && (EDITABLE_PLAN_VERSION_STATUSES as readonly string[]).includes(open.status)),
      decide:
        caseOpen &&
        canOnCase(handle.access, "decide_plan") &&
        open?.status === "submitted" &&
        mayDecideOwnPlan(ctx.user.id, [open.draftedBy, open.lastEditedBy, open.submittedBy], settings.allowPlanSelfApproval),
      review: caseOpen && canOnCase(handle.access, "review_plan") && inForce !== null,
    },
  };
}

/** Any version of the plan, whole: for the history and the diff between two versions. */
export async function getPlanVersion(ctx: AuthedContext, versionId: string) {
  const version = await findVersion(ctx, ctx.db, versionId);
  await requireCaseAccess(ctx, version.caseId, "read");
  const [goals, names] = await Promise.all([
    loadGoals(ctx.db, [version.id]),
    namesOf(ctx.db, [version.draftedBy, version.lastEditedBy, version.submittedBy, version.decidedBy]),
  ]);
  return { ...describeVersion(version, names), goals: goals.get(version.id) ?? [] };
}

/** Who can own a goal or provide a service: active staff of the case's team, and the agency's partners. */
export async function planOwnerOptions(ctx: AuthedContext, caseId: string) {
  const handle = await requireCaseAccess(ctx, caseId, "edit_plan");
  const [staff, partnerRows] = await Promise.all([
    activeTeamStaff(ctx.db, ctx.user.agencyId, handle.teamId),
    ctx.db
      .select({ id: partners.id, name: partners.name, kind: partners.kind })
      .from(partners)
      .where(and(eq(partners.agencyId, ctx.user.agencyId), eq(partners.active, true)))
      .orderBy(asc(partners.name)),
  ]);
  return { staff, partners: partnerRows };
}

/**
 * Open goals of plans in force whose review is overdue, on the cases the caller works on or
 * supervises; the oldest first. Computed from the data, so it cannot drift from the plans.
 */
export async function overdueReviews(ctx: AuthedContext, input: { limit: number }) {
  const supervised = ctx.user.roles.includes("supervisor") ? ctx.user.teamIds : [];
  const supervisedTeams = supervised.length ? sql`c.team_id in (${sql.join(supervised.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  const rows = await queryRows<{
    case_id: string;
    case_number: string;
    alias: string;
    goal_key: string;
    title: string;
    domain: string;
    due_on: string;
  }>(ctx.db, sql`
    select c.id as case_id, c.case_number, cl.alias, g.goal_key, g.title, g.domain, g.review_due_on::text as due_on
    from plan_goals g
    join cases c on c.id = g.case_id
    join clients cl on cl.id = c.client_id
    where g.agency_id = ${ctx.user.agencyId}
      and g.review_due_on is not null
      and g.review_due_on < ${today(ctx)}::date
      and (${supervisedTeams} or exists (
        select 1 from case_care_team cct where cct.case_id = c.id and cct.user_id = ${ctx.user.id}
      ))
    order by g.review_due_on, c.case_number
    limit ${input.limit}`);
  return rows.map((row) => ({
    caseId: row.case_id,
    caseNumber: row.case_number,
    alias: row.alias,
    goalKey: row.goal_key,
    goalTitle: row.title,
    domain: row.domain,
    dueOn: row.due_on,
  }));
}
