import { createHash, randomBytes } from "node:crypto";
import { FEED_DAYS_AHEAD, FEED_DAYS_BACK } from "@lentera/domain";
import { and, appointments, asc, calendarFeedTokens, cases, eq, gte, inArray, isNull, lt, users, type Database } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { inDbScope } from "../db-scope";
import { renderIcs } from "./ics";

const DAY_MS = 86_400_000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function revokeLive(ctx: AuthedContext, executor: Pick<Database, "update">) {
  return executor
    .update(calendarFeedTokens)
    .set({ revokedAt: ctx.clock() })
    .where(and(eq(calendarFeedTokens.userId, ctx.user.id), isNull(calendarFeedTokens.revokedAt)))
    .returning({ id: calendarFeedTokens.id });
}

/**
 * A new secret for the caller's calendar feed, shown once (only its SHA-256 is kept); the previous
 * one stops working in the same transaction.
 */
export async function createFeedToken(ctx: AuthedContext) {
  const token = randomBytes(32).toString("base64url");
  return ctx.db.transaction(async (tx) => {
    await revokeLive(ctx, tx);
    const [row] = await tx
      .insert(calendarFeedTokens)
      .values({ agencyId: ctx.user.agencyId, userId: ctx.user.id, tokenHash: hashToken(token), createdAt: ctx.clock() })
      .returning({ id: calendarFeedTokens.id, createdAt: calendarFeedTokens.createdAt });
    if (!row) throw new Error("feed token insert returned no row");
    await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
      action: "calendar_feed.created",
      entityType: "calendar_feed_token",
      entityId: row.id,
    });
    return { token, path: `/calendar/${token}.ics`, createdAt: row.createdAt };
  });
}

/** Stops the caller's calendar feed. */
export async function revokeFeedToken(ctx: AuthedContext) {
  return ctx.db.transaction(async (tx) => {
    const revoked = await revokeLive(ctx, tx);
    for (const row of revoked) {
      await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
        action: "calendar_feed.revoked",
        entityType: "calendar_feed_token",
        entityId: row.id,
      });
    }
    return { revoked: revoked.length > 0 };
  });
}

/**
 * The .ics text of a feed token, or null when the token is unknown, revoked or its user inactive.
 * The feed leaves the building (phones, cloud calendars), so it names only the case number and
 * the kind's code: never the client's alias or name, no place, no notes.
 */
export async function calendarFeed(deps: { db: Database; clock: () => Date }, token: string): Promise<string | null> {
  const [owner] = await deps.db
    .select({ userId: calendarFeedTokens.userId, agencyId: calendarFeedTokens.agencyId })
    .from(calendarFeedTokens)
    .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .where(and(eq(calendarFeedTokens.tokenHash, hashToken(token)), isNull(calendarFeedTokens.revokedAt), eq(users.active, true)));
  if (!owner) return null;
  const now = deps.clock();
  // The token resolved, the rest runs as its owner would (lentera_app, the owner's agency).
  const rows = await inDbScope(deps.db, { agencyId: owner.agencyId, userId: owner.userId, now }, (db) => db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      kind: appointments.kind,
      version: appointments.version,
      caseNumber: cases.caseNumber,
    })
    .from(appointments)
    .innerJoin(cases, eq(cases.id, appointments.caseId))
    .where(
      and(
        eq(appointments.staffUserId, owner.userId),
        inArray(appointments.status, ["scheduled", "attended", "no_show"]),
        gte(appointments.startsAt, new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS)),
        lt(appointments.startsAt, new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS)),
      ),
    )
    .orderBy(asc(appointments.startsAt)));
  return renderIcs({
    name: "Lentera",
    now,
    events: rows.map((row) => ({
      uid: `${row.id}@lentera`,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      summary: `${row.caseNumber} · ${row.kind}`,
      sequence: row.version,
      status: "CONFIRMED",
    })),
  });
}
