import { localDate, type CaseSessions, type SessionNote } from "@lentera/domain";
import { eq, sessionNotes, users } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { requireClinicalAccess, sessionAccess } from "./access";
import { openNoteBody } from "./body";
import { findNote, noteDefaults, noteMetadata } from "./load";
import { noteScreenings } from "./screenings";
import { noteAddenda } from "./addenda";

/**
 * A case's sessions for anyone who may read the case: that each happened (drafts of every counselor
 * included), never what was said. The router's output schema strips anything more.
 */
export async function caseSessions(ctx: AuthedContext, caseId: string): Promise<CaseSessions> {
  const access = await sessionAccess(ctx, caseId);
  const sessions = await noteMetadata(ctx, ctx.db, eq(sessionNotes.caseId, access.handle.id));
  // A closed case takes no new sessions (start refuses it), so the form offers none.
  return { clinical: access.clinical, canLog: access.canLog && access.handle.status !== "closed", sessions };
}

/**
 * The whole note for a clinical reader (FORBIDDEN `clinical_only` for anyone else on the case).
 * Every read of a body is audited, in the same transaction as the read.
 */
export async function getNote(ctx: AuthedContext, noteId: string): Promise<SessionNote> {
  return ctx.db.transaction(async (tx) => {
    const note = await findNote(ctx, tx, noteId);
    const access = await requireClinicalAccess(ctx, note.caseId, tx);
    const [metadata] = await noteMetadata(ctx, tx, eq(sessionNotes.id, note.id));
    if (!metadata) throw new Error("session note vanished");
    const [signer] = note.signedBy ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, note.signedBy)) : [];
    const screenings = await noteScreenings(ctx, tx, note.id);
    const addenda = await noteAddenda(ctx, tx, note.id);
    const body = openNoteBody(ctx.keyring, note.id, note.body);
    await auditCase(ctx, tx, note.caseId, { action: "session_note.read", entityType: "session_note", entityId: note.id });
    return {
      ...metadata,
      version: note.version,
      format: note.format,
      ...body,
      screenings,
      addenda,
      signedBy: note.signedBy ? { id: note.signedBy, name: signer?.name ?? "" } : null,
      editable: note.status === "draft" && note.counselorId === ctx.user.id && access.canLog,
      updatedAt: note.updatedAt,
      agencyToday: localDate(ctx.clock(), (await noteDefaults(ctx, tx)).timeZone),
    };
  });
}
