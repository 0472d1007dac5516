import { type z } from "zod";
import type { noteRefInput } from "@lentera/domain";
import { eq, sessionNotes } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { lockOwnDraft } from "./draft";

/**
 * Throws away the caller's draft (its screening results go with it). A signed note is never
 * removed. A linked appointment stays attended: the session took place even if no note is kept.
 */
export async function discardNote(ctx: AuthedContext, input: z.output<typeof noteRefInput>): Promise<{ noteId: string }> {
  return ctx.db.transaction(async (tx) => {
    const { note } = await lockOwnDraft(ctx, tx, input);
    await tx.delete(sessionNotes).where(eq(sessionNotes.id, note.id));
    await auditCase(ctx, tx, note.caseId, {
      action: "session_note.discarded",
      entityType: "session_note",
      entityId: note.id,
      details: { appointmentId: note.appointmentId, sessionDate: note.sessionDate },
    });
    return { noteId: note.id };
  });
}
