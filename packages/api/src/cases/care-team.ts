import { type z } from "zod";
import { type assignCareTeamInput, BREAK_GLASS_MINUTES, type breakGlassInput, DomainError, type CareTeamRole, type Role } from "@lentera/domain";
import { and, asc, breakGlassGrants, caseCareTeam, cases, desc, eq, inArray, isNull, teamMemberships, teams, users } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { diffFields } from "../audit";
import { auditCase } from "./audit";
import { lockCaseForChange, requireCaseAccess, saveCase } from "./access";

const REQUIRED_ROLE: Record<CareTeamRole, Role> = {
  primary_social_worker: "social_worker",
  social_worker: "social_worker",
  counselor: "counselor",
};

/** A supervisor sets who works on a case: the primary social worker (reassignment), others, counselors. */
export async function assignCareTeam(ctx: AuthedContext, input: z.output<typeof assignCareTeamInput>) {
  const wanted = new Map<string, CareTeamRole>();
  for (const id of input.counselorIds) wanted.set(id, "counselor");
  for (const id of input.socialWorkerIds) wanted.set(id, "social_worker");
  wanted.set(input.primarySocialWorkerId, "primary_social_worker");

  return ctx.db.transaction(async (tx) => {
    const handle = await lockCaseForChange(ctx, tx, input.caseId, input.version, "manage_care_team");
    const [opened] = await tx.select({ openedAt: cases.openedAt }).from(cases).where(eq(cases.id, handle.id));
    if (!opened) throw new DomainError("not_found");
    const members = await tx
      .select({ id: users.id, roles: users.roles, active: users.active })
      .from(users)
      .where(and(eq(users.agencyId, ctx.user.agencyId), inArray(users.id, [...wanted.keys()])));
    for (const [userId, role] of wanted) {
      const member = members.find((candidate) => candidate.id === userId);
      if (!member?.active || !member.roles.includes(REQUIRED_ROLE[role])) {
        throw new DomainError("invalid_input", "unsuitable_care_team_member");
      }
    }
    const before = await tx
      .select({ userId: caseCareTeam.userId, role: caseCareTeam.role })
      .from(caseCareTeam)
      .where(eq(caseCareTeam.caseId, handle.id));
    const now = ctx.clock();
    await tx.delete(caseCareTeam).where(eq(caseCareTeam.caseId, handle.id));
    await tx.insert(caseCareTeam).values(
      [...wanted].map(([userId, role]) => ({
        caseId: handle.id,
        userId,
        role,
        agencyId: ctx.user.agencyId,
        addedAt: now,
        caseOpenedAt: opened.openedAt,
      })),
    );
    const updated = await saveCase(ctx, tx, handle, { primarySocialWorkerId: input.primarySocialWorkerId });
    const describe = (list: { userId: string; role: string }[]) =>
      list.map((member) => `${member.role}:${member.userId}`).sort();
    await auditCase(ctx, tx, handle.id, {
      action: "case.care_team_changed",
      entityType: "case",
      entityId: handle.id,
      changes: diffFields(
        { careTeam: describe(before) },
        { careTeam: describe([...wanted].map(([userId, role]) => ({ userId, role }))) },
      ),
    });
    return updated;
  });
}

/** Who a supervisor may put on a case's care team: the active social workers and counselors of its team. */
export async function careTeamCandidates(ctx: AuthedContext, caseId: string) {
  const handle = await requireCaseAccess(ctx, caseId, "manage_care_team");
  const members = await ctx.db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, handle.teamId), eq(users.active, true)))
    .orderBy(asc(users.displayName));
  return members
    .filter((member) => member.roles.includes("social_worker") || member.roles.includes("counselor"))
    .map((member) => ({ ...member, roles: member.roles.filter((role) => role === "social_worker" || role === "counselor") }));
}

/**
 * Emergency access: a stated reason opens one hour of reading, audited and listed for the
 * supervisors of the case's team. The case is named by its number, as a hotline caller would.
 */
export async function breakGlass(ctx: AuthedContext, input: z.output<typeof breakGlassInput>) {
  if (ctx.user.roles.every((role) => role === "admin")) throw new DomainError("forbidden");
  return ctx.db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.agencyId, ctx.user.agencyId), eq(cases.caseNumber, input.caseNumber.toUpperCase())));
    if (!target) throw new DomainError("not_found");
    const now = ctx.clock();
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
    const [grant] = await tx
      .insert(breakGlassGrants)
      .values({ agencyId: ctx.user.agencyId, caseId: target.id, userId: ctx.user.id, reason: input.reason, grantedAt: now, expiresAt })
      .returning({ id: breakGlassGrants.id, caseId: breakGlassGrants.caseId, expiresAt: breakGlassGrants.expiresAt });
    await auditCase(ctx, tx, target.id, {
      action: "case.break_glass",
      entityType: "case",
      entityId: target.id,
      details: { reason: input.reason, expiresAt: expiresAt.toISOString() },
    });
    return grant;
  });
}

/** Break-glass accesses on the cases of the teams a supervisor supervises, newest first. */
export async function listBreakGlass(ctx: AuthedContext, input: { unreviewedOnly: boolean }) {
  if (!ctx.user.roles.includes("supervisor")) throw new DomainError("forbidden");
  if (ctx.user.teamIds.length === 0) return [];
  return ctx.db
    .select({
      id: breakGlassGrants.id,
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      teamName: teams.name,
      user: users.displayName,
      reason: breakGlassGrants.reason,
      grantedAt: breakGlassGrants.grantedAt,
      expiresAt: breakGlassGrants.expiresAt,
      reviewedAt: breakGlassGrants.reviewedAt,
    })
    .from(breakGlassGrants)
    .innerJoin(cases, eq(cases.id, breakGlassGrants.caseId))
    .innerJoin(teams, eq(teams.id, cases.teamId))
    .innerJoin(users, eq(users.id, breakGlassGrants.userId))
    .where(
      and(
        eq(cases.agencyId, ctx.user.agencyId),
        inArray(cases.teamId, ctx.user.teamIds),
        input.unreviewedOnly ? isNull(breakGlassGrants.reviewedAt) : undefined,
      ),
    )
    .orderBy(desc(breakGlassGrants.grantedAt))
    .limit(100);
}

/** A supervisor marks a break-glass access as reviewed. */
export async function reviewBreakGlass(ctx: AuthedContext, grantId: string) {
  if (!ctx.user.roles.includes("supervisor")) throw new DomainError("forbidden");
  if (ctx.user.teamIds.length === 0) throw new DomainError("not_found");
  return ctx.db.transaction(async (tx) => {
    const [grant] = await tx
      .select({ id: breakGlassGrants.id, caseId: breakGlassGrants.caseId, reviewedAt: breakGlassGrants.reviewedAt })
      .from(breakGlassGrants)
      .innerJoin(cases, eq(cases.id, breakGlassGrants.caseId))
      .where(and(eq(breakGlassGrants.id, grantId), eq(cases.agencyId, ctx.user.agencyId), inArray(cases.teamId, ctx.user.teamIds)));
    if (!grant) throw new DomainError("not_found");
    if (grant.reviewedAt) return { id: grant.id, reviewedAt: grant.reviewedAt };
    const now = ctx.clock();
    await tx
      .update(breakGlassGrants)
      .set({ reviewedBy: ctx.user.id, reviewedAt: now })
      .where(and(eq(breakGlassGrants.id, grant.id), isNull(breakGlassGrants.reviewedAt)));
    await auditCase(ctx, tx, grant.caseId, { action: "case.break_glass_reviewed", entityType: "break_glass", entityId: grant.id });
    return { id: grant.id, reviewedAt: now };
  });
}

