import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ScreeningDefinition } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { RefusedChange } from "../../ui/refused-change";
import { useOutcomeFormat } from "../outcomes/use-outcome-format";
import { signProblem, type NoteFormValues, type SignProblem } from "./note-form-values";
import { findDefinition } from "./screening-text";
import { noteNeedsReload, useNoteErrorMessage } from "./session-errors";
import type { SessionNote } from "./session-types";
import type { useNoteAutosave } from "./use-note-autosave";

type Autosave = ReturnType<typeof useNoteAutosave>;

/** Reloads what shows a note or its totals after it was signed or discarded. */
export function useRefreshNote(note: Pick<SessionNote, "id" | "caseId">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.sessions.get.queryFilter({ noteId: note.id })),
      queryClient.invalidateQueries(trpc.sessions.byCase.queryFilter({ caseId: note.caseId })),
      queryClient.invalidateQueries(trpc.sessions.screeningHistory.queryFilter({ caseId: note.caseId })),
      queryClient.invalidateQueries(trpc.supervision.pathFilter()),
    ]);
  };
}

/**
 * Sign (with a confirm step: signing locks the note, corrections later are addenda) or discard the
 * draft. Both first send what is still waiting to be saved, and sign with the version that returns.
 */
export function NoteActions({
  note,
  definitions,
  autosave,
  read,
  onDiscarded,
  onReload,
}: {
  note: SessionNote;
  definitions: readonly ScreeningDefinition[];
  autosave: Autosave;
  read: () => NoteFormValues;
  onDiscarded: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useOutcomeFormat();
  const refresh = useRefreshNote(note);
  const errorMessage = useNoteErrorMessage(definitions);
  const [confirming, setConfirming] = useState<"sign" | "discard" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const sign = useMutation(trpc.sessions.sign.mutationOptions());
  const discard = useMutation(trpc.sessions.discard.mutationOptions());
  const busy = sign.isPending || discard.isPending;

  const describe = (found: SignProblem): string => {
    switch (found.reason) {
      case "note_empty":
        return t("errors.note_empty");
      case "risk_check_incomplete":
        return `${t("errors.risk_check_incomplete")} ${t("sessions.sign.stillOpen", { items: found.items.map((item) => t(`sessions.flagKind.${item}`)).join(", ") })}`;
      case "risk_other_detail_required":
        return t("errors.risk_other_detail_required");
      case "screening_incomplete":
        return `${t("errors.screening_incomplete")} ${t("sessions.sign.incompleteScreenings", {
          instruments: found.instruments
            .map((code) => {
              const definition = findDefinition(definitions, code);
              return definition ? format.text(definition.name) : code;
            })
            .join(", "),
        })}`;
    }
  };

  const reset = () => {
    setProblem(null);
    setFailure(null);
  };

  const askToSign = () => {
    reset();
    const found = signProblem(read(), definitions);
    if (found) {
      setProblem(describe(found));
      return;
    }
    setConfirming("sign");
  };

  const doSign = async () => {
    reset();
    if (!(await autosave.flush())) {
      setConfirming(null);
      setProblem(t("sessions.sign.notSaved"));
      return;
    }
    try {
      await sign.mutateAsync({ noteId: note.id, version: autosave.version() });
      // Signed: nothing more to save, and the clinical text leaves this device.
      autosave.stop(true);
      await refresh();
    } catch (error) {
      setConfirming(null);
      setFailure(error);
    }
  };

  const doDiscard = async () => {
    reset();
    await autosave.flush();
    try {
      await discard.mutateAsync({ noteId: note.id, version: autosave.version() });
      autosave.stop(true);
      // The note is gone: leave its page first, so that nothing asks for it again.
      onDiscarded();
      queryClient.removeQueries(trpc.sessions.get.queryFilter({ noteId: note.id }));
      await Promise.all([
        queryClient.invalidateQueries(trpc.sessions.byCase.queryFilter({ caseId: note.caseId })),
        queryClient.invalidateQueries(trpc.appointments.pathFilter()),
        queryClient.invalidateQueries(trpc.supervision.pathFilter()),
      ]);
    } catch (error) {
      setConfirming(null);
      setFailure(error);
    }
  };

  const present = failure !== null && failure !== undefined;
  return (
    <section className="note-form__block note-actions" aria-labelledby="note-actions-heading">
      <h2 id="note-actions-heading">{t("sessions.sign.heading")}</h2>
      <RefusedChange
        message={problem ?? (present ? errorMessage(failure) : null)}
        reload={present && noteNeedsReload(failure) ? { label: t("sessions.save.reload"), run: onReload } : null}
      />
      {confirming === "sign" ? (
        <div className="confirm confirm--wide">
          <p>{t("sessions.sign.confirm")}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" autoFocus disabled={busy} onClick={() => void doSign()}>
              {sign.isPending ? t("sessions.sign.signing") : t("sessions.sign.confirmButton")}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirming(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      ) : confirming === "discard" ? (
        <div className="confirm confirm--wide">
          <p>{t("sessions.discard.confirm")}</p>
          <div className="button-row">
            <button type="button" className="button button--danger" autoFocus disabled={busy} onClick={() => void doDiscard()}>
              {discard.isPending ? t("sessions.discard.discarding") : t("sessions.discard.confirmButton")}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirming(null)}>
              {t("sessions.discard.keep")}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={askToSign}>
            {t("sessions.sign.open")}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              reset();
              setConfirming("discard");
            }}
          >
            {t("sessions.discard.open")}
          </button>
        </div>
      )}
      <p className="field__hint">{t("sessions.sign.hint")}</p>
    </section>
  );
}
