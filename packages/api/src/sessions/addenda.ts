import { randomUUID } from "node:crypto";
import { type z } from "zod";
import { DomainError, type addAddendumInput, type Addendum } from "@lentera/domain";
import { and, asc, eq, sessionNoteAddenda, users, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { sessionAccess } from "./access";
import { openAddendum, sealAddendum } from "./body";
import { findNote } from "./load";

/**
 * A dated, signed correction of a signed note: the note itself never changes. Its counselors and
 * the team's supervisors may add one (a supervisor's remark after reading the note is one too).
 */
export async function addAddendum(ctx: AuthedContext, input: z.output<typeof addAddendumInput>): Promise<Addendum> {
  return ctx.db.transaction(async (tx) => {
    const note = await findNote(ctx, tx, input.noteId);
    const access = await sessionAccess(ctx, note.caseId, tx);
    if (!access.canLog && !access.canSupervise) throw new DomainError("forbidden", "clinical_only");
    if (note.status !== "signed") throw new DomainError("conflict", "note_not_signed");
    const id = randomUUID();
    const signedAt = ctx.clock();
    await tx.insert(sessionNoteAddenda).values({
      id,
      agencyId: ctx.user.agencyId,
      caseId: note.caseId,
      noteId: note.id,
      body: sealAddendum(ctx.keyring, id, input.body),
      authorId: ctx.user.id,
      signedAt,
    });
    await auditCase(ctx, tx, note.caseId, {
      action: "session_note.addendum_added",
      entityType: "session_note",
      entityId: note.id,
      details: { addendumId: id },
    });
    return { id, body: input.body, author: { id: ctx.user.id, name: ctx.user.displayName }, signedAt };
  });
}

/** A note's addenda, oldest first, opened (clinical readers only). */
export async function noteAddenda(ctx: AuthedContext, executor: Executor, noteId: string): Promise<Addendum[]> {
  const rows = await executor
    .select({
      id: sessionNoteAddenda.id,
      body: sessionNoteAddenda.body,
      author: { id: users.id, name: users.displayName },
      signedAt: sessionNoteAddenda.signedAt,
    })
    .from(sessionNoteAddenda)
    .innerJoin(users, eq(users.id, sessionNoteAddenda.authorId))
    .where(and(eq(sessionNoteAddenda.noteId, noteId), eq(sessionNoteAddenda.agencyId, ctx.user.agencyId)))
    .orderBy(asc(sessionNoteAddenda.signedAt), asc(sessionNoteAddenda.id));
  return rows.map((row) => ({ ...row, body: openAddendum(ctx.keyring, row.id, row.body) }));
}
