import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { domainCodeOf } from "../../lib/api-errors";
import { clearLocalDraft, writeLocalDraft } from "./local-draft";
import { sameNote, type NoteFormValues } from "./note-form-values";

/** What the counselor is told about their draft (an aria-live region says it). */
export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  /** A save has been under way for a while (a slow connection); the text is kept on this device. */
  | { kind: "slow" }
  | { kind: "saved"; at: Date }
  /** Not saved (the connection dropped, the server did not answer): tried again by itself. */
  | { kind: "retrying" }
  /** Not sent: a field is not valid (the form marks it). */
  | { kind: "invalid" }
  /** The server refused the save; not tried again until the next change. */
  | { kind: "refused"; error: unknown }
  /** Someone (another tab or device) saved this note meanwhile: reload to continue. */
  | { kind: "conflict" };

export interface SaveOutcome {
  version: number;
  flagRaised: boolean;
}

interface AutosaveOptions {
  noteId: string;
  userId: string;
  initialVersion: number;
  /** The form's current values. */
  read: () => NoteFormValues;
  /** False when the values cannot be sent yet (the form then shows why). */
  check: (values: NoteFormValues) => boolean;
  send: (values: NoteFormValues, version: number) => Promise<SaveOutcome>;
  onSaved?: (outcome: SaveOutcome) => void;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
}

const FIRST_RETRY_MS = 3_000;
/** A save still waiting for an answer after this long is reported as slow. */
const SLOW_MS = 8_000;
const MAX_RETRY_MS = 30_000;

/** A failure worth trying again: no answer from the API (network, proxy, rate limit, server error). */
export function isRetryable(error: unknown): boolean {
  return domainCodeOf(error) === null;
}

/**
 * Saves the note as the counselor types: after a quiet moment (`delayMs`), when a field loses
 * focus, when the page is hidden or closed, and again when the connection comes back. One save is
 * in flight at a time and each carries the version the previous one returned. Every change is also
 * kept on this device (local-draft.ts) until the server has it.
 */
export function useNoteAutosave(options: AutosaveOptions) {
  const { noteId, userId, initialVersion, delayMs = 1500 } = options;
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const latest = useRef(options);
  const version = useRef(initialVersion);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(FIRST_RETRY_MS);
  const stopped = useRef(false);
  /** Saved elsewhere meanwhile: saving again would only be refused; edits stay on this device. */
  const conflicted = useRef(false);

  useEffect(() => {
    latest.current = options;
  });

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const keepLocally = useCallback(
    (values: NoteFormValues) =>
      writeLocalDraft({ userId, noteId, baseVersion: version.current, editedAt: Date.now(), values }),
    [noteId, userId],
  );

  // Declared with a ref so that the timer, the listeners and `flush` all call the same function.
  const run = useRef<() => Promise<void>>(() => Promise.resolve());
  run.current = async () => {
    clearTimer();
    if (stopped.current || conflicted.current || !dirty.current) return;
    if (inFlight.current) {
      // The change is picked up when the save under way ends.
      await inFlight.current;
      return run.current();
    }
    const { read, check, send, onSaved } = latest.current;
    const values = structuredClone(read()); // a snapshot: getValues() shares nested objects that later edits change in place
    if (!check(values)) {
      setStatus({ kind: "invalid" });
      return;
    }
    dirty.current = false;
    setStatus({ kind: "saving" });
    const slow = setTimeout(() => {
      if (!stopped.current) setStatus({ kind: "slow" });
    }, SLOW_MS);
    const attempt = (async () => {
      try {
        const outcome = await send(values, version.current);
        version.current = outcome.version;
        retryDelay.current = FIRST_RETRY_MS;
        if (stopped.current) return;
        // The server has these values: the copy on this device goes, unless more was typed meanwhile.
        const now = read();
        if (!dirty.current || sameNote(now, values)) {
          dirty.current = false;
          clearLocalDraft(noteId);
        } else {
          keepLocally(now);
        }
        setStatus(dirty.current ? { kind: "saving" } : { kind: "saved", at: new Date() }); // more typed meanwhile: not "saved" yet
        onSaved?.(outcome);
      } catch (error) {
        dirty.current = true;
        if (stopped.current) return;
        if (domainCodeOf(error) === "stale_version") {
          conflicted.current = true;
          setStatus({ kind: "conflict" });
        } else if (isRetryable(error)) {
          setStatus({ kind: "retrying" });
          const wait = retryDelay.current;
          retryDelay.current = Math.min(wait * 2, MAX_RETRY_MS);
          clearTimer();
          timer.current = setTimeout(() => void run.current(), wait);
        } else {
          setStatus({ kind: "refused", error });
        }
      }
    })();
    inFlight.current = attempt;
    try {
      await attempt;
    } finally {
      clearTimeout(slow);
      inFlight.current = null;
    }
    // Typed while saving: save that too, after the usual quiet moment.
    if (dirty.current && !stopped.current && timer.current === null) {
      timer.current = setTimeout(() => void run.current(), latest.current.delayMs ?? delayMs);
    }
  };

  /** Call on every change of the form. */
  const changed = useCallback(() => {
    if (stopped.current) return;
    dirty.current = true;
    keepLocally(latest.current.read());
    if (conflicted.current) return;
    setStatus({ kind: "saving" });
    clearTimer();
    timer.current = setTimeout(() => void run.current(), latest.current.delayMs ?? delayMs);
  }, [keepLocally, delayMs]);

  /** Save now what is waiting (a field lost focus); resolves once nothing is waiting or in flight. */
  const flush = useCallback(async (): Promise<boolean> => {
    await run.current();
    if (inFlight.current) await inFlight.current;
    return !dirty.current;
  }, []);

  /** No more saves (the note was signed or discarded); `forget` also removes the copy on this device. */
  const stop = useCallback(
    (forget: boolean) => {
      stopped.current = true;
      clearTimer();
      if (forget) clearLocalDraft(noteId);
    },
    [noteId],
  );

  useEffect(() => {
    const saveNow = () => {
      if (dirty.current) void run.current();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") saveNow();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", saveNow);
    window.addEventListener("online", saveNow);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", saveNow);
      window.removeEventListener("online", saveNow);
      // Leaving the page inside the app: send what is waiting (the copy on this device stays until it lands).
      saveNow();
      clearTimer();
    };
  }, []);

  return useMemo(
    () => ({ status, changed, flush, stop, version: () => version.current, hasUnsaved: () => dirty.current }),
    [status, changed, flush, stop],
  );
}
