import { type z } from "zod";
import { DomainError, RISK_CHECK_ITEMS, type noteRefInput, type SessionMetadata } from "@lentera/domain";
import { eq, sessionNotes } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { openNoteBody, type NoteBody } from "./body";
import { lockOwnDraft } from "./draft";
import { noteMetadata } from "./load";
import { incompleteScreenings } from "./screenings";

/**
 * Signs the caller's draft: from here on the note never changes (the database refuses it too, see
 * migration 0006); corrections are addenda. A note is signed only when it says something and its
 * risk check and screenings are complete, so a supervisor never reads a half-asked risk check.
 */
export async function signNote(ctx: AuthedContext, input: z.output<typeof noteRefInput>): Promise<SessionMetadata> {
  return ctx.db.transaction(async (tx) => {
    const { note } = await lockOwnDraft(ctx, tx, input);
    signRefusal(openNoteBody(ctx.keyring, note.id, note.body));
    const incomplete = await incompleteScreenings(tx, note.id);
    if (incomplete.length) throw new DomainError("invalid_input", "screening_incomplete", { instruments: incomplete });
    const now = ctx.clock();
    await tx
      .update(sessionNotes)
      .set({ status: "signed", signedBy: ctx.user.id, signedAt: now, version: note.version + 1, updatedAt: now })
      .where(eq(sessionNotes.id, note.id));
    await auditCase(ctx, tx, note.caseId, {
      action: "session_note.signed",
      entityType: "session_note",
      entityId: note.id,
      changes: { status: { from: "draft", to: "signed" } },
    });
    const [signed] = await noteMetadata(ctx, tx, eq(sessionNotes.id, note.id));
    if (!signed) throw new Error("signed note vanished");
    return signed;
  });
}

/** Throws the first reason the body cannot be signed yet. */
function signRefusal(body: NoteBody): void {
  if (Object.values(body.sections).every((text) => text.trim() === "")) throw new DomainError("invalid_input", "note_empty");
  const unanswered = RISK_CHECK_ITEMS.filter((item) => typeof body.riskCheck.answers[item] !== "boolean");
  if (unanswered.length) throw new DomainError("invalid_input", "risk_check_incomplete", { items: unanswered });
  if (body.riskCheck.answers.other === true && !body.riskCheck.otherDetail?.trim()) {
    throw new DomainError("invalid_input", "risk_other_detail_required");
  }
}
