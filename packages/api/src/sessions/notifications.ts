import { z } from "zod";
import { canSupervise, notificationSchema, type AppNotification, type markNotificationsReadInput } from "@lentera/domain";
import {
  and,
  caseCareTeam,
  cases,
  clients,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  notifications,
  or,
  riskFlags,
  sql,
  teamMemberships,
  users,
  type Executor,
  type SQL,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";

/** How many notifications the bell shows. */
const NOTIFICATIONS_SHOWN = 50;

/**
 * Who hears of a flag on a case: every active member of its care team, and every active member of
 * its team whom the domain rule lets supervise it. The caller is left out (they raised it).
 */
export async function flagRecipients(
  ctx: AuthedContext,
  executor: Executor,
  target: { caseId: string; teamId: string },
): Promise<string[]> {
  const rows = await executor
    .select({
      id: users.id,
      roles: users.roles,
      onCareTeam: sql<boolean>`${caseCareTeam.userId} is not null`,
      inTeam: sql<boolean>`${teamMemberships.userId} is not null`,
    })
    .from(users)
    .leftJoin(caseCareTeam, and(eq(caseCareTeam.userId, users.id), eq(caseCareTeam.caseId, target.caseId)))
    .leftJoin(teamMemberships, and(eq(teamMemberships.userId, users.id), eq(teamMemberships.teamId, target.teamId)))
    .where(
      and(
        eq(users.agencyId, ctx.user.agencyId),
        eq(users.active, true),
        or(isNotNull(caseCareTeam.userId), isNotNull(teamMemberships.userId)),
      ),
    );
  const facts = { agencyId: ctx.user.agencyId, teamId: target.teamId };
  return rows
    .filter((row) => row.id !== ctx.user.id)
    .filter((row) => row.onCareTeam || (row.inTeam && canSupervise({ ...row, agencyId: ctx.user.agencyId, teamIds: [target.teamId] }, facts)))
    .map((row) => row.id);
}

/**
 * Tells the recipients of a flag in the app, inside the flag's transaction. One notification per
 * flag and user (a unique index): when an open flag gains kinds, each recipient's existing notice
 * becomes unread again and moves to the top (its time is the last time the flag was raised), and
 * anyone who joined the care team since gets their own. Returns how many users were told.
 */
export async function notifyOfFlag(
  ctx: AuthedContext,
  tx: Executor,
  target: { caseId: string; teamId: string; flagId: string },
): Promise<number> {
  const recipients = await flagRecipients(ctx, tx, target);
  if (recipients.length === 0) return 0;
  const now = ctx.clock();
  await tx
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        agencyId: ctx.user.agencyId,
        userId,
        kind: "risk_flag" as const,
        caseId: target.caseId,
        flagId: target.flagId,
        createdAt: now,
      })),
    )
    .onConflictDoUpdate({ target: [notifications.flagId, notifications.userId], set: { readAt: null, createdAt: now } });
  return recipients.length;
}

/**
 * The caller's notifications about cases they may still open (on the care team, or supervising
 * its team): someone taken off a case stops seeing its alias in their bell.
 */
function mineAndReachable(ctx: AuthedContext): SQL | undefined {
  const supervised = ctx.user.teamIds.filter((teamId) => canSupervise(ctx.user, { agencyId: ctx.user.agencyId, teamId }));
  return and(
    eq(notifications.userId, ctx.user.id),
    eq(notifications.agencyId, ctx.user.agencyId),
    or(
      sql`exists (select 1 from case_care_team cct where cct.case_id = ${notifications.caseId} and cct.user_id = ${ctx.user.id})`,
      supervised.length ? inArray(cases.teamId, supervised) : undefined,
    ),
  );
}

export const myNotificationsSchema = z.object({
  /** Unread notifications in all (not only those listed). */
  unread: z.number(),
  items: z.array(notificationSchema),
});
export type MyNotifications = z.output<typeof myNotificationsSchema>;

/** The caller's own notifications: the last 50, newest first, and how many are unread. */
export async function myNotifications(ctx: AuthedContext): Promise<MyNotifications> {
  const where = mineAndReachable(ctx);
  const [items, totals] = await Promise.all([
    ctx.db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        caseId: notifications.caseId,
        caseNumber: cases.caseNumber,
        alias: clients.alias,
        flagId: notifications.flagId,
        kinds: riskFlags.kinds,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .innerJoin(cases, eq(cases.id, notifications.caseId))
      .innerJoin(clients, eq(clients.id, cases.clientId))
      .leftJoin(riskFlags, eq(riskFlags.id, notifications.flagId))
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(NOTIFICATIONS_SHOWN),
    ctx.db
      .select({ unread: count() })
      .from(notifications)
      .innerJoin(cases, eq(cases.id, notifications.caseId))
      .where(and(where, isNull(notifications.readAt))),
  ]);
  return {
    unread: totals[0]?.unread ?? 0,
    items: items.map((item): AppNotification => ({ ...item, kinds: item.kinds ?? [] })),
  };
}

/**
 * Marks the caller's own notifications read. Ids that are not the caller's (or do not exist, or
 * are read already) are ignored without a word: answering NOT_FOUND would tell a user which ids
 * belong to someone else. Returns how many changed.
 */
export async function markNotificationsRead(
  ctx: AuthedContext,
  input: z.output<typeof markNotificationsReadInput>,
): Promise<{ updated: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock() })
    .where(
      and(
        inArray(notifications.id, input.ids),
        eq(notifications.userId, ctx.user.id),
        eq(notifications.agencyId, ctx.user.agencyId),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
