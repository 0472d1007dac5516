import { type z } from "zod";
import {
  DomainError,
  localDate,
  NOTE_SECTIONS,
  RISK_CHECK_ITEMS,
  type RiskFlagKind,
  type saveSessionNoteInput,
} from "@lentera/domain";
import { eq, sessionNotes } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { diffFields } from "../audit";
import { requireGoalKeys } from "../appointments/guards";
import { sealNoteBody, type NoteBody } from "./body";
import { lockOwnDraft } from "./draft";
import { raiseRiskFlag } from "./flags";
import { noteDefaults } from "./load";
import { replaceScreenings, scoreEntries, type ScoredEntry } from "./screenings";

type SaveInput = z.output<typeof saveSessionNoteInput>;

/**
 * Saves the whole draft as the form holds it (the form saves as the counselor types, so a dropped
 * connection loses nothing). Scores are computed here again; a "yes" on the risk check or a
 * critical screening item raises a flag for the supervisor in the same transaction.
 */
export async function saveNote(ctx: AuthedContext, input: SaveInput) {
  return ctx.db.transaction(async (tx) => {
    const { note } = await lockOwnDraft(ctx, tx, input);
    const allowed: readonly string[] = NOTE_SECTIONS[input.format];
    const unknown = Object.keys(input.sections).filter((key) => !allowed.includes(key));
    if (unknown.length) throw new DomainError("invalid_input", "unknown_section", { sections: unknown });
    const { timeZone } = await noteDefaults(ctx, tx);
    if (input.sessionDate > localDate(ctx.clock(), timeZone)) throw new DomainError("invalid_input", "date_in_future");
    const goalKeys = [...new Set(input.goalKeys)];
    await requireGoalKeys(tx, note.caseId, goalKeys);
    const scored = scoreEntries(input.screenings);

    const body: NoteBody = {
      sections: input.sections,
      goalKeys,
      interventions: input.interventions,
      nextStep: input.nextStep ?? null,
      riskCheck: { answers: input.riskCheck.answers, otherDetail: input.riskCheck.otherDetail ?? null },
    };
    const metadata = {
      sessionDate: input.sessionDate,
      durationMinutes: input.durationMinutes,
      modality: input.modality,
      format: input.format,
    };
    const now = ctx.clock();
    const [saved] = await tx
      .update(sessionNotes)
      .set({ ...metadata, body: sealNoteBody(ctx.keyring, note.id, body), version: note.version + 1, updatedAt: now })
      .where(eq(sessionNotes.id, note.id))
      .returning({ version: sessionNotes.version, updatedAt: sessionNotes.updatedAt });
    if (!saved) throw new Error("session note update returned no row");
    await replaceScreenings(ctx, tx, { id: note.id, caseId: note.caseId, sessionDate: input.sessionDate }, scored);
    // The case's history is open to everyone on the case: metadata only, never what was said.
    await auditCase(ctx, tx, note.caseId, {
      action: "session_note.saved",
      entityType: "session_note",
      entityId: note.id,
      changes: diffFields(note, metadata),
      details: { version: saved.version },
    });

    const kinds = riskKinds(body, scored);
    if (kinds.length) await raiseRiskFlag(ctx, tx, { caseId: note.caseId, noteId: note.id, kinds });
    return {
      version: saved.version,
      updatedAt: saved.updatedAt,
      screenings: scored.map(({ entry, score }) => ({
        instrumentCode: entry.instrumentCode,
        total: score.total,
        band: score.band,
        positive: score.positive,
        criticalItems: score.criticalItems,
        complete: score.complete,
      })),
      // True while the draft holds a danger sign: the note's flag is open (raised now or before).
      flagRaised: kinds.length > 0,
    };
  });
}

/** What in the draft calls for a flag: "yes" answers of the risk check, and critical screening items. */
function riskKinds(body: NoteBody, scored: readonly ScoredEntry[]): RiskFlagKind[] {
  const kinds: RiskFlagKind[] = RISK_CHECK_ITEMS.filter((item) => body.riskCheck.answers[item] === true);
  if (scored.some(({ score }) => score.criticalItems.length > 0)) kinds.push("critical_screening_item");
  return kinds;
}
