import { z } from "zod";
import {
  DomainError,
  RISK_FLAG_KINDS,
  riskFlagSchema,
  type acknowledgeFlagInput,
  type RiskFlag,
  type RiskFlagKind,
} from "@lentera/domain";
import {
  and,
  asc,
  cases,
  clients,
  desc,
  eq,
  isNotNull,
  isNull,
  riskFlags,
  sessionNotes,
  sql,
  users,
  type Executor,
  type SQL,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { sessionAccess } from "./access";
import { notifyOfFlag } from "./notifications";

/** How many acknowledged flags a case's list shows beside the open ones. */
const ACKNOWLEDGED_SHOWN = 10;

/**
 * The columns of a flag as every reader receives it (riskFlagSchema): the case number and alias,
 * and who raised and acknowledged it by name. The acknowledger is looked up in a subquery because
 * the users table is already joined for the one who raised it.
 */
const flagColumns = {
  id: riskFlags.id,
  caseId: riskFlags.caseId,
  caseNumber: cases.caseNumber,
  alias: clients.alias,
  noteId: riskFlags.noteId,
  kinds: riskFlags.kinds,
  raisedById: riskFlags.raisedBy,
  raisedByName: users.displayName,
  raisedAt: riskFlags.raisedAt,
  acknowledgedById: riskFlags.acknowledgedBy,
  acknowledgedByName: sql<string | null>`(select ack.display_name from users ack where ack.id = ${riskFlags.acknowledgedBy})`,
  acknowledgedAt: riskFlags.acknowledgedAt,
  actionTaken: riskFlags.actionTaken,
  version: riskFlags.version,
};

/** Flags of the caller's agency matching `where`, shaped as riskFlagSchema. */
export async function loadFlags(
  ctx: AuthedContext,
  executor: Executor,
  where: SQL | undefined,
  options: { orderBy: SQL[]; limit: number },
): Promise<RiskFlag[]> {
  const rows = await executor
    .select(flagColumns)
    .from(riskFlags)
    .innerJoin(cases, eq(cases.id, riskFlags.caseId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, riskFlags.raisedBy))
    .where(and(eq(riskFlags.agencyId, ctx.user.agencyId), where))
    .orderBy(...options.orderBy)
    .limit(options.limit);
  return rows.map(({ raisedById, raisedByName, acknowledgedById, acknowledgedByName, ...flag }) => ({
    ...flag,
    raisedBy: { id: raisedById, name: raisedByName },
    acknowledgedBy: acknowledgedById ? { id: acknowledgedById, name: acknowledgedByName ?? "" } : null,
  }));
}

/** Kinds without repeats, in the vocabulary's order (so a flag's kinds read the same everywhere). */
function orderedKinds(kinds: Iterable<RiskFlagKind>): RiskFlagKind[] {
  const wanted = new Set(kinds);
  return RISK_FLAG_KINDS.filter((kind) => wanted.has(kind));
}

export interface RaiseRiskFlagInput {
  caseId: string;
  noteId: string;
  kinds: RiskFlagKind[];
}

/**
 * Raises (or extends) the risk flag of a session note, inside the caller's transaction: the note's
 * save calls it when its risk check has a "yes" or a screening has a critical item. The caller has
 * already checked that the user may write the note.
 *
 * Drafts are saved as the counselor types, so this is called again and again with the same kinds:
 * - an open flag of the note gains the kinds it lacks; with none new, nothing happens at all;
 * - kinds a supervisor already acknowledged on this note are not raised again (the same session,
 *   already acted on), so an autosave after the acknowledgment does not put it back on the queue;
 * - otherwise a new flag is raised.
 * A new or extended flag notifies the care team and the supervisors of the case's team (not the
 * caller), and is audited with its kinds (never anything said in the session). Extending bumps
 * the flag's version, so a supervisor acknowledging what they saw before the new kinds is refused
 * as stale and sees them first.
 */
export async function raiseRiskFlag(
  ctx: AuthedContext,
  tx: Executor,
  input: RaiseRiskFlagInput,
): Promise<{ flagId: string; created: boolean }> {
  const kinds = orderedKinds(input.kinds);
  if (kinds.length === 0) throw new Error("raiseRiskFlag needs at least one kind");
  const [note] = await tx
    .select({ id: sessionNotes.id, caseId: sessionNotes.caseId, teamId: cases.teamId })
    .from(sessionNotes)
    .innerJoin(cases, eq(cases.id, sessionNotes.caseId))
    .where(and(eq(sessionNotes.id, input.noteId), eq(sessionNotes.caseId, input.caseId), eq(sessionNotes.agencyId, ctx.user.agencyId)));
  if (!note) throw new DomainError("not_found");
  const target = { caseId: note.caseId, teamId: note.teamId };

  // Two passes at most: when a concurrent save inserts the note's open flag between our read and
  // our insert, the partial unique index turns our insert into nothing and we extend theirs.
  for (let attempt = 0; attempt < 2; attempt++) {
    const [open] = await tx
      .select({ id: riskFlags.id, kinds: riskFlags.kinds, version: riskFlags.version })
      .from(riskFlags)
      .where(and(eq(riskFlags.noteId, note.id), isNull(riskFlags.acknowledgedAt)))
      .for("update");
    if (open) {
      const added = kinds.filter((kind) => !open.kinds.includes(kind));
      if (added.length === 0) return { flagId: open.id, created: false };
      const all = orderedKinds([...open.kinds, ...added]);
      await tx.update(riskFlags).set({ kinds: all, version: open.version + 1 }).where(eq(riskFlags.id, open.id));
      const notified = await notifyOfFlag(ctx, tx, { ...target, flagId: open.id });
      await auditCase(ctx, tx, note.caseId, {
        action: "risk_flag.raised",
        entityType: "risk_flag",
        entityId: open.id,
        changes: { kinds: { from: open.kinds, to: all } },
        details: { noteId: note.id, kinds: all, added, extended: true, notified },
      });
      return { flagId: open.id, created: false };
    }

    const acknowledged = await tx
      .select({ id: riskFlags.id, kinds: riskFlags.kinds })
      .from(riskFlags)
      .where(and(eq(riskFlags.noteId, note.id), isNotNull(riskFlags.acknowledgedAt)))
      .orderBy(desc(riskFlags.acknowledgedAt));
    const handled = new Set(acknowledged.flatMap((flag) => flag.kinds));
    const fresh = kinds.filter((kind) => !handled.has(kind));
    const latest = acknowledged[0];
    if (fresh.length === 0 && latest) return { flagId: latest.id, created: false };

    const [inserted] = await tx
      .insert(riskFlags)
      .values({
        agencyId: ctx.user.agencyId,
        caseId: note.caseId,
        noteId: note.id,
        kinds: fresh,
        raisedBy: ctx.user.id,
        raisedAt: ctx.clock(),
      })
      .onConflictDoNothing({ target: riskFlags.noteId, where: sql`acknowledged_at is null` })
      .returning({ id: riskFlags.id });
    if (!inserted) continue;
    const notified = await notifyOfFlag(ctx, tx, { ...target, flagId: inserted.id });
    await auditCase(ctx, tx, note.caseId, {
      action: "risk_flag.raised",
      entityType: "risk_flag",
      entityId: inserted.id,
      details: { noteId: note.id, kinds: fresh, notified },
    });
    return { flagId: inserted.id, created: true };
  }
  throw new Error("risk flag neither found nor inserted");
}

export const caseFlagsSchema = z.object({
  /** Whether the reader may acknowledge these flags (a supervisor of the case's team). */
  canAcknowledge: z.boolean(),
  /** Open flags, oldest first. */
  open: z.array(riskFlagSchema),
  /** The last few acknowledged, newest first. */
  acknowledged: z.array(riskFlagSchema),
});
export type CaseFlags = z.output<typeof caseFlagsSchema>;

/**
 * A case's risk flags, for anyone who may read the case. A deliberate choice: the kinds (self-harm,
 * contact with the exploiter, unsafe home…) and the action taken are shown to the whole care team,
 * social workers included, although note bodies are clinical. A social worker has to act on an
 * unsafe home or renewed contact with an exploiter, and cannot if the danger is hidden from them.
 * What was said in the session stays in the note.
 */
export async function flagsOfCase(ctx: AuthedContext, caseId: string): Promise<CaseFlags> {
  const access = await sessionAccess(ctx, caseId);
  const ofCase = eq(riskFlags.caseId, access.handle.id);
  const [open, acknowledged] = await Promise.all([
    loadFlags(ctx, ctx.db, and(ofCase, isNull(riskFlags.acknowledgedAt)), {
      orderBy: [asc(riskFlags.raisedAt), asc(riskFlags.id)],
      limit: 200,
    }),
    loadFlags(ctx, ctx.db, and(ofCase, isNotNull(riskFlags.acknowledgedAt)), {
      orderBy: [desc(riskFlags.acknowledgedAt), desc(riskFlags.id)],
      limit: ACKNOWLEDGED_SHOWN,
    }),
  ]);
  return { canAcknowledge: access.canSupervise, open, acknowledged };
}

/**
 * A supervisor of the case's team records the action taken on an open flag; it leaves the queue.
 * Out of reach (another team, another agency, an administrator): NOT_FOUND; on the case but not
 * its supervisor: FORBIDDEN `supervisor_only`. Already acknowledged: CONFLICT `flag_acknowledged`
 * (checked before the version, so the second supervisor learns that someone acted); otherwise a
 * version other than the one seen: `stale_version`.
 */
export async function acknowledgeFlag(ctx: AuthedContext, input: z.output<typeof acknowledgeFlagInput>): Promise<RiskFlag> {
  return ctx.db.transaction(async (tx) => {
    const [seen] = await tx
      .select({ caseId: riskFlags.caseId })
      .from(riskFlags)
      .where(and(eq(riskFlags.id, input.flagId), eq(riskFlags.agencyId, ctx.user.agencyId)));
    if (!seen) throw new DomainError("not_found");
    const access = await sessionAccess(ctx, seen.caseId, tx);
    if (!access.canSupervise) throw new DomainError("forbidden", "supervisor_only");
    const [current] = await tx
      .select({ id: riskFlags.id, kinds: riskFlags.kinds, acknowledgedAt: riskFlags.acknowledgedAt, version: riskFlags.version })
      .from(riskFlags)
      .where(eq(riskFlags.id, input.flagId))
      .for("update");
    if (!current) throw new DomainError("not_found");
    if (current.acknowledgedAt) throw new DomainError("conflict", "flag_acknowledged");
    if (current.version !== input.version) throw new DomainError("stale_version");
    await tx
      .update(riskFlags)
      .set({ acknowledgedBy: ctx.user.id, acknowledgedAt: ctx.clock(), actionTaken: input.actionTaken, version: current.version + 1 })
      .where(eq(riskFlags.id, current.id));
    await auditCase(ctx, tx, seen.caseId, {
      action: "risk_flag.acknowledged",
      entityType: "risk_flag",
      entityId: current.id,
      // The action taken is free text about the child: the event keeps that it was recorded, not what it says.
      details: { kinds: current.kinds },
    });
    const [flag] = await loadFlags(ctx, tx, eq(riskFlags.id, current.id), { orderBy: [], limit: 1 });
    if (!flag) throw new Error("acknowledged flag vanished");
    return flag;
  });
}
