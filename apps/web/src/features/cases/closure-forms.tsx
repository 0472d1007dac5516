import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { CLOSURE_REASONS, decideClosureInput, reopenInput, requestClosureInput } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { SelectField } from "../../ui/select-field";
import { TextareaField } from "../../ui/textarea-field";
import { useCaseChange } from "./case-context";
import { ChangeError } from "./change-error";
import { requiredWhenEmpty } from "./form-errors";
import { FormActions } from "../../ui/form-actions";

/** A button that opens a small form in its place, and the form's Cancel that closes it again. */
function useOpener() {
  const [open, setOpen] = useState(false);
  return { open, show: () => setOpen(true), hide: () => setOpen(false) };
}

/** The care team asks to close the case; a supervisor decides. */
export function RequestClosureForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseData, succeeded } = useCaseChange();
  const opener = useOpener();
  const request = useMutation(trpc.cases.requestClosure.mutationOptions());
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof requestClosureInput>, unknown, z.output<typeof requestClosureInput>>({
    resolver: zodResolver(requestClosureInput, { error: requiredWhenEmpty }),
    defaultValues: { caseId: caseData.id, version: caseData.version, note: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      // The page shows the latest version of the case; a newer one on the server is a conflict.
      await request.mutateAsync({ ...values, version: caseData.version });
      await succeeded("cases.workflow.done.closureRequested");
    } catch {
      // shown by ChangeError
    }
  });

  if (!opener.open) {
    return (
      <button type="button" className="button button--secondary" onClick={opener.show}>
        {t("cases.workflow.requestClosure")}
      </button>
    );
  }
  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3>{t("cases.workflow.requestClosure")}</h3>
      <SelectField label={t("cases.fields.closureReason")} autoFocus error={errors.reason?.message} {...register("reason")}>
        <option value="">{t("cases.intake.choose")}</option>
        {CLOSURE_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {t(`cases.closureReason.${reason}`)}
          </option>
        ))}
      </SelectField>
      <TextareaField label={t("cases.workflow.closureNote")} error={errors.note?.message} {...register("note")} />
      <ChangeError error={request.error} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("cases.workflow.sendRequest")}
        submittingLabel={t("cases.workflow.saving")}
        onCancel={opener.hide}
      />
    </form>
  );
}

type DecideInput = z.input<typeof decideClosureInput>;

/** A supervisor approves the closure, or returns it with a comment saying why. */
export function DecideClosureForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseData, succeeded } = useCaseChange();
  const decide = useMutation(trpc.cases.decideClosure.mutationOptions());
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<DecideInput, unknown, z.output<typeof decideClosureInput>>({
    resolver: zodResolver(decideClosureInput, { error: requiredWhenEmpty }),
    defaultValues: { caseId: caseData.id, version: caseData.version, decision: "approve", comment: "" },
  });
  const submit = (decision: DecideInput["decision"]) => {
    setValue("decision", decision);
    void handleSubmit(async (values) => {
      try {
        // The page shows the latest version of the case; a newer one on the server is a conflict.
        await decide.mutateAsync({ ...values, version: caseData.version });
        await succeeded(decision === "approve" ? "cases.workflow.done.closureApproved" : "cases.workflow.done.closureReturned");
      } catch {
        // shown by ChangeError
      }
    })();
  };

  return (
    <form className="form subform" noValidate onSubmit={(event) => event.preventDefault()}>
      <h3>{t("cases.workflow.decideHeading")}</h3>
      <TextareaField
        label={t("cases.workflow.decisionComment")}
        hint={t("cases.workflow.decisionCommentHint")}
        error={errors.comment?.message}
        {...register("comment")}
      />
      <ChangeError error={decide.error} />
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={isSubmitting} onClick={() => submit("approve")}>
          {t("cases.workflow.approve")}
        </button>
        <button type="button" className="button button--secondary" disabled={isSubmitting} onClick={() => submit("return")}>
          {t("cases.workflow.return")}
        </button>
      </div>
    </form>
  );
}

/** A closed case comes back when the client needs help again; the reason is required. */
export function ReopenForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseData, succeeded } = useCaseChange();
  const opener = useOpener();
  const reopen = useMutation(trpc.cases.reopen.mutationOptions());
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof reopenInput>, unknown, z.output<typeof reopenInput>>({
    resolver: zodResolver(reopenInput, { error: requiredWhenEmpty }),
    defaultValues: { caseId: caseData.id, version: caseData.version, reason: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      // The page shows the latest version of the case; a newer one on the server is a conflict.
      await reopen.mutateAsync({ ...values, version: caseData.version });
      await succeeded("cases.workflow.done.reopened");
    } catch {
      // shown by ChangeError
    }
  });

  if (!opener.open) {
    return (
      <button type="button" className="button button--secondary" onClick={opener.show}>
        {t("cases.workflow.reopen")}
      </button>
    );
  }
  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextareaField label={t("cases.workflow.reopenReason")} autoFocus error={errors.reason?.message} {...register("reason")} />
      <ChangeError error={reopen.error} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("cases.workflow.reopen")}
        submittingLabel={t("cases.workflow.saving")}
        onCancel={opener.hide}
      />
    </form>
  );
}
