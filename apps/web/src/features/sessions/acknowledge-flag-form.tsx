import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { domainCodeOf, errorMessageKey, reasonOf } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { RefusedChange } from "../../ui/refused-change";
import { TextareaField } from "../../ui/textarea-field";
import type { RiskFlag } from "./session-types";

/** Reloads everything that shows risk flags: the queue, the case's flags, the alerts. */
export function useRefreshFlags() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.supervision.pathFilter()),
      queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    ]);
  };
}

/**
 * The supervisor acknowledges a risk flag by saying what was done about it ("safety plan meeting
 * today"); the flag then leaves the queue and the case's alert.
 */
export function AcknowledgeFlag({ flag, onDone }: { flag: RiskFlag; onDone?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshFlags();
  const [open, setOpen] = useState(false);
  const [actionTaken, setActionTaken] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const acknowledge = useMutation(trpc.supervision.acknowledgeFlag.mutationOptions());
  const stale = domainCodeOf(acknowledge.error) === "stale_version" || reasonOf(acknowledge.error) === "flag_acknowledged";

  if (!open) {
    return (
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        {t("sessions.flags.acknowledge")}
      </button>
    );
  }
  return (
    <form
      className="form subform"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const text = actionTaken.trim();
        if (text === "") {
          setFieldError("validation.required");
          return;
        }
        setFieldError(undefined);
        acknowledge.mutate(
          { flagId: flag.id, version: flag.version, actionTaken: text },
          {
            onSuccess: () => {
              setOpen(false);
              onDone?.();
              void refresh();
            },
          },
        );
      }}
    >
      <TextareaField
        label={t("sessions.flags.actionTaken")}
        hint={t("sessions.flags.actionTakenHint")}
        required
        maxLength={1000}
        value={actionTaken}
        error={fieldError}
        onChange={(event) => setActionTaken(event.target.value)}
      />
      <RefusedChange
        message={acknowledge.error ? t(stale ? "sessions.flags.stale" : errorMessageKey(acknowledge.error)) : null}
        reload={stale ? { label: t("sessions.flags.reload"), run: refresh } : null}
      />
      <FormActions
        submitting={acknowledge.isPending}
        submitLabel={t("sessions.flags.acknowledgeSubmit")}
        submittingLabel={t("sessions.flags.acknowledging")}
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}
