import { DomainError } from "@lentera/domain";
import type { Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { sessionAccess, type SessionAccess } from "./access";
import { findNote, type NoteRow } from "./load";

/** Refused unless the caller is (still) a counselor on the case's care team. */
export function requireCanLog(access: SessionAccess): void {
  if (!access.canLog) throw new DomainError("forbidden", "not_case_counselor");
}

/**
 * The caller's own draft, locked for a change at the version they saw. Reaching the case comes
 * first (NOT_FOUND tells a stranger nothing), then authorship, then the note's state.
 */
export async function lockOwnDraft(
  ctx: AuthedContext,
  tx: Transaction,
  ref: { noteId: string; version: number },
): Promise<{ access: SessionAccess; note: NoteRow }> {
  const seen = await findNote(ctx, tx, ref.noteId);
  const access = await sessionAccess(ctx, seen.caseId, tx);
  // A note is its author's own record: nobody else, not even a supervisor, writes in it.
  if (seen.counselorId !== ctx.user.id) throw new DomainError("forbidden", "not_note_author");
  requireCanLog(access);
  const note = await findNote(ctx, tx, ref.noteId, { lock: true });
  if (note.status === "signed") throw new DomainError("conflict", "note_signed");
  if (note.version !== ref.version) throw new DomainError("stale_version");
  return { access, note };
}
