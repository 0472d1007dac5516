/**
 * Unsaved edits of a session note, kept on this device so that a dropped connection, a closed tab
 * or a reload loses nothing the counselor typed.
 *
 * What is stored is the note form's own values under the note's id, and nothing else: no client
 * name, alias or case number, nothing that says whose note it is. The text is still clinical, so it
 * stays here only while it is needed: it is removed as soon as the server has the same text, when
 * the note is signed or discarded, and on sign-out (`clearAllLocalDrafts`, called by the sign-out
 * button). When a session merely expires, the edits are kept so that signing in again brings them
 * back; they are tied to the user who typed them and expire after a few days in any case.
 *
 * This module is imported by the first screen (sign-out): keep it free of anything heavy.
 */

const PREFIX = "lentera.noteDraft.";
/** Edits older than this are not offered back (and are removed when seen). */
export const LOCAL_DRAFT_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

export interface LocalNoteDraft {
  /** Who typed it: another user signing in on this device never gets it back. */
  userId: string;
  noteId: string;
  /** The server version the edits were made on. */
  baseVersion: number;
  /** When the counselor last changed something (this device's clock, ms). */
  editedAt: number;
  /** The note form's values (NoteFormValues), checked again when restored. */
  values: unknown;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // disabled (private mode, strict settings): the autosave to the server still works
  }
}

const keyOf = (noteId: string) => `${PREFIX}${noteId}`;

export function writeLocalDraft(draft: LocalNoteDraft, store: Storage | null = storage()): void {
  try {
    store?.setItem(keyOf(draft.noteId), JSON.stringify(draft));
  } catch {
    // Full or refused: the edits still go to the server as usual.
  }
}

/** The edits kept for this note and this user, or null (none, another user's, too old, unreadable). */
export function readLocalDraft(
  noteId: string,
  userId: string,
  now: number = Date.now(),
  store: Storage | null = storage(),
): LocalNoteDraft | null {
  let raw: string | null;
  try {
    raw = store?.getItem(keyOf(noteId)) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    clearLocalDraft(noteId, store);
    return null;
  }
  const draft = parsed as Partial<LocalNoteDraft> | null;
  const valid =
    draft !== null &&
    typeof draft === "object" &&
    draft.noteId === noteId &&
    typeof draft.userId === "string" &&
    typeof draft.baseVersion === "number" &&
    typeof draft.editedAt === "number" &&
    "values" in draft;
  if (!valid || now - (draft.editedAt ?? 0) > LOCAL_DRAFT_MAX_AGE_MS) {
    clearLocalDraft(noteId, store);
    return null;
  }
  if (draft.userId !== userId) return null;
  return draft as LocalNoteDraft;
}

export function clearLocalDraft(noteId: string, store: Storage | null = storage()): void {
  try {
    store?.removeItem(keyOf(noteId));
  } catch {
    // nothing to do
  }
}

/** Every note's kept edits on this device: on sign-out, so no clinical text stays behind. */
export function clearAllLocalDrafts(store: Storage | null = storage()): void {
  if (!store) return;
  try {
    const keys: string[] = [];
    for (let index = 0; index < store.length; index += 1) {
      const key = store.key(index);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // nothing to do
  }
}

/**
 * Whether to put the kept edits back into the form when the note opens: only when they differ from
 * the server's text and are newer than it. They are newer when the server's copy has not changed
 * since the version they were made on (whatever the clocks say), or when they were made after the
 * server's last save (`updatedAt`; this compares the device's clock with the server's, so it is the
 * second test, not the first).
 */
export function shouldRestore(
  local: Pick<LocalNoteDraft, "baseVersion" | "editedAt"> | null,
  server: { version: number; updatedAt: Date },
  differs: boolean,
): boolean {
  if (!local || !differs) return false;
  return local.baseVersion >= server.version || local.editedAt > server.updatedAt.getTime();
}
