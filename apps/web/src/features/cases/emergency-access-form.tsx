import { useState } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { BREAK_GLASS_MINUTES, breakGlassInput } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { domainCodeOf, errorMessageKey, fieldErrorsOf } from "../../lib/api-errors";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "./form-errors";
import { FormActions } from "../../ui/form-actions";

type FormInput = z.input<typeof breakGlassInput>;
type FormOutput = z.output<typeof breakGlassInput>;

/**
 * "Break the glass": read a case one is not assigned to, for an emergency. Closed until asked
 * for, and it says plainly that the access is logged and the supervisor is told.
 */
export function EmergencyAccessForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const breakGlass = useMutation(trpc.cases.breakGlass.mutationOptions());
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(breakGlassInput, { error: requiredWhenEmpty }),
    defaultValues: { caseNumber: "", reason: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const grant = await breakGlass.mutateAsync(values);
      if (grant) await navigate(`/cases/${grant.caseId}`);
      else setFormError("errors.unexpected");
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (domainCodeOf(error) === "not_found") {
        setError("caseNumber", { message: "errors.unknown_case_number" }, { shouldFocus: true });
      } else if (fields.caseNumber || fields.reason) {
        if (fields.caseNumber) setError("caseNumber", { message: fields.caseNumber });
        if (fields.reason) setError("reason", { message: fields.reason });
      } else {
        setFormError(errorMessageKey(error));
      }
    }
  });

  return (
    <section aria-labelledby="emergency-access-heading" className="card card--warning">
      <h2 id="emergency-access-heading">{t("cases.emergency.heading")}</h2>
      <p>{t("cases.emergency.explanation", { minutes: BREAK_GLASS_MINUTES })}</p>
      {!open ? (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t("cases.emergency.open")}
        </button>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <div role="alert" className="notice-region">
            {formError && <p className="notice notice--error">{t(formError)}</p>}
          </div>
          <TextField
            label={t("cases.emergency.caseNumber")}
            hint={t("cases.emergency.caseNumberHint")}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            autoFocus
            error={errors.caseNumber?.message}
            {...register("caseNumber")}
          />
          <TextareaField label={t("cases.emergency.reason")} error={errors.reason?.message} {...register("reason")} />
          <p className="field__hint">{t("cases.emergency.logged")}</p>
          <FormActions
            submitting={isSubmitting}
            submitLabel={t("cases.emergency.submit")}
            submittingLabel={t("cases.emergency.submitting")}
            onCancel={() => setOpen(false)} tone="danger"
          />
        </form>
      )}
    </section>
  );
}
