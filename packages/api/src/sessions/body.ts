import type { CounselingIntervention, RiskCheckItem } from "@lentera/domain";
import { decryptJson, encryptJson, ERASED, type Keyring } from "../protect/field-crypto";

/**
 * The clinical content of a session note, sealed in `session_notes.body` (AES-256-GCM, bound to
 * the note's id) so that a copy of the database, a backup or a replica reveals nothing said in a
 * session. Addenda and screening answers are sealed the same way, bound to their own row's id.
 */
export interface NoteBody {
  sections: Record<string, string>;
  goalKeys: string[];
  interventions: CounselingIntervention[];
  nextStep: string | null;
  riskCheck: { answers: Partial<Record<RiskCheckItem, boolean | null>>; otherDetail: string | null };
}

export const EMPTY_NOTE_BODY: NoteBody = {
  sections: {},
  goalKeys: [],
  interventions: [],
  nextStep: null,
  riskCheck: { answers: {}, otherDetail: null },
};

export function sealNoteBody(keyring: Keyring, noteId: string, body: NoteBody): string {
  return encryptJson(keyring, body, noteId);
}

export function openNoteBody(keyring: Keyring, noteId: string, sealed: string): NoteBody {
  // Erased when the case was anonymized after the retention period.
  if (sealed === ERASED) return EMPTY_NOTE_BODY;
  return decryptJson(keyring, sealed, noteId) as NoteBody;
}

/** An addendum's text, bound to the addendum's id. */
export function sealAddendum(keyring: Keyring, addendumId: string, text: string): string {
  return encryptJson(keyring, { text }, addendumId);
}

export function openAddendum(keyring: Keyring, addendumId: string, sealed: string): string {
  if (sealed === ERASED) return "";
  return (decryptJson(keyring, sealed, addendumId) as { text: string }).text;
}

/** A screening's item answers, bound to the screening result's id. */
export function sealAnswers(keyring: Keyring, screeningId: string, answers: Record<string, number>): string {
  return encryptJson(keyring, answers, screeningId);
}

export function openAnswers(keyring: Keyring, screeningId: string, sealed: string): Record<string, number> {
  return decryptJson(keyring, sealed, screeningId) as Record<string, number>;
}
