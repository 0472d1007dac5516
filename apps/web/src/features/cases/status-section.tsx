import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { statusChangeInput } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { TextareaField } from "../../ui/textarea-field";
import type { CaseActions, SimpleTransition } from "./case-actions";
import { useCaseChange } from "./case-context";
import { ChangeError } from "./change-error";
import { DecideClosureForm, ReopenForm, RequestClosureForm } from "./closure-forms";
import { useDateFormat } from "./format";
import { requiredWhenEmpty } from "./form-errors";
import { FormActions } from "../../ui/form-actions";

/** The status, a closure waiting for a decision, and the steps this user may take from here. */
export function StatusSection({ actions }: { actions: CaseActions }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const { caseData } = useCaseChange();
  const pending = caseData.pendingClosure;
  const nothingToDo =
    actions.transitions.length === 0 && !actions.requestClosure && !actions.decideClosure && !actions.reopen;

  return (
    <section aria-labelledby="case-status-heading" className="card">
      <h2 id="case-status-heading">{t("cases.workflow.heading")}</h2>
      <p>{t("cases.workflow.current", { status: t(`cases.status.${caseData.status}`) })}</p>
      {pending && (
        <div className="notice notice--info notice--stacked">
          <p>
            {t("cases.workflow.pending", {
              name: pending.requestedBy,
              date: format.date(pending.requestedAt),
              reason: t(`cases.closureReason.${pending.reason}`),
            })}
          </p>
          {pending.note && <p className="prewrap">{pending.note}</p>}
        </div>
      )}
      {actions.transitions.length > 0 && (
        <div className="action-list">
          {actions.transitions.map((transition) =>
            transition === "hold" ? (
              <HoldForm key={transition} />
            ) : (
              <TransitionButton key={transition} transition={transition} />
            ),
          )}
        </div>
      )}
      {actions.requestClosure && <RequestClosureForm />}
      {actions.decideClosure && <DecideClosureForm />}
      {actions.reopen && <ReopenForm />}
      {nothingToDo && <p className="empty">{t("cases.workflow.nothingToDo")}</p>}
    </section>
  );
}

/** Activate and resume: one press, no reason needed. */
function TransitionButton({ transition }: { transition: Exclude<SimpleTransition, "hold"> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseData, succeeded } = useCaseChange();
  const change = useMutation(
    trpc.cases.changeStatus.mutationOptions({
      onSuccess: () => succeeded(`cases.workflow.done.${transition}`),
    }),
  );
  return (
    <div>
      <button
        type="button"
        className="button button--primary"
        disabled={change.isPending}
        onClick={() => change.mutate({ caseId: caseData.id, version: caseData.version, transition })}
      >
        {change.isPending ? t("cases.workflow.saving") : t(`cases.workflow.transition.${transition}`)}
      </button>
      <ChangeError error={change.error} />
    </div>
  );
}

type HoldInput = z.input<typeof statusChangeInput>;
type HoldOutput = z.output<typeof statusChangeInput>;

/** Putting a case on hold asks why (optional), for whoever picks it up again. */
function HoldForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseData, succeeded } = useCaseChange();
  const [open, setOpen] = useState(false);
  const change = useMutation(trpc.cases.changeStatus.mutationOptions());
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<HoldInput, unknown, HoldOutput>({
    resolver: zodResolver(statusChangeInput, { error: requiredWhenEmpty }),
    defaultValues: { caseId: caseData.id, version: caseData.version, transition: "hold", reason: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      // The page shows the latest version of the case; a newer one on the server is a conflict.
      await change.mutateAsync({ ...values, version: caseData.version });
      await succeeded("cases.workflow.done.hold");
    } catch {
      // shown by ChangeError
    }
  });

  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t("cases.workflow.transition.hold")}
      </button>
    );
  }
  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextareaField
        label={t("cases.workflow.holdReason")}
        autoFocus
        error={errors.reason?.message}
        {...register("reason")}
      />
      <ChangeError error={change.error} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("cases.workflow.transition.hold")}
        submittingLabel={t("cases.workflow.saving")}
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}
