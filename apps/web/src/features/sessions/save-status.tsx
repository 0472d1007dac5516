import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AutosaveStatus } from "./use-note-autosave";
import { useNoteErrorMessage } from "./session-errors";

/**
 * Where the draft stands, said politely to screen readers: "Saving…", "Saved at 09:52", "Not
 * saved — retrying". A conflict (saved elsewhere meanwhile) offers to reload.
 */
export function SaveStatus({ status, onReload }: { status: AutosaveStatus; onReload: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const message = useNoteErrorMessage();
  const [reloading, setReloading] = useState(false);
  const time = (at: Date) => new Intl.DateTimeFormat(i18n.language, { timeStyle: "short" }).format(at);
  const text = (() => {
    switch (status.kind) {
      case "idle":
        return t("sessions.save.idle");
      case "saving":
        return t("sessions.save.saving");
      case "slow":
        return t("sessions.save.slow");
      case "saved":
        return t("sessions.save.saved", { time: time(status.at) });
      case "retrying":
        return t("sessions.save.retrying");
      case "invalid":
        return t("sessions.save.invalid");
      case "refused":
        return `${t("sessions.save.refused")} ${message(status.error)}`;
      case "conflict":
        return t("sessions.save.conflict");
    }
  })();
  const problem = status.kind === "slow" || status.kind === "retrying" || status.kind === "invalid" || status.kind === "refused" || status.kind === "conflict";
  return (
    <div className={problem ? "save-status save-status--problem" : "save-status"}>
      <p role="status" aria-live="polite" className="save-status__text">
        {text}
      </p>
      {status.kind === "conflict" && (
        <button
          type="button"
          className="button button--secondary"
          disabled={reloading}
          onClick={() => {
            setReloading(true);
            void onReload().finally(() => setReloading(false));
          }}
        >
          {reloading ? t("common.loading") : t("sessions.save.reload")}
        </button>
      )}
    </div>
  );
}
