import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { HARM_TYPES, REFERRAL_SOURCES, RISK_LEVELS, updateCaseInput } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { SelectField } from "../../ui/select-field";
import { TextareaField } from "../../ui/textarea-field";
import { useCaseChange } from "./case-context";
import { ChangeError } from "./change-error";
import { requiredWhenEmpty } from "./form-errors";
import { FormActions } from "../../ui/form-actions";

export function EditCaseSection() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="case-edit-heading" className="card">
      <h2 id="case-edit-heading">{t("cases.edit.heading")}</h2>
      {editing ? (
        <EditCaseForm onDone={() => setEditing(false)} />
      ) : (
        <>
          <p className="field__hint">{t("cases.edit.explanation")}</p>
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {t("cases.edit.open")}
          </button>
        </>
      )}
    </section>
  );
}

type EditInput = z.input<typeof updateCaseInput>;

/**
 * Starts from the case as it was when "Edit" was pressed and sends that version: if someone else
 * saved in between, the server refuses and the user's text stays here until they reload.
 */
function EditCaseForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseData, succeeded } = useCaseChange();
  const update = useMutation(trpc.cases.update.mutationOptions());
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<EditInput, unknown, z.output<typeof updateCaseInput>>({
    resolver: zodResolver(updateCaseInput, { error: requiredWhenEmpty }),
    defaultValues: {
      caseId: caseData.id,
      version: caseData.version,
      riskLevel: caseData.riskLevel,
      riskConcerns: caseData.riskConcerns ?? "",
      safetyNotes: caseData.safetyNotes ?? "",
      harmTypes: caseData.harmTypes,
      referralSource: caseData.referralSource,
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      const result = await update.mutateAsync(values);
      onDone();
      await succeeded(result.changed.length > 0 ? "cases.edit.saved" : "cases.edit.unchanged");
    } catch {
      // shown by ChangeError
    }
  });

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <div className="field-row">
        <SelectField label={t("cases.fields.riskLevel")} autoFocus error={errors.riskLevel?.message} {...register("riskLevel")}>
          {RISK_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`cases.risk.${level}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("cases.fields.referralSource")} error={errors.referralSource?.message} {...register("referralSource")}>
          {REFERRAL_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`cases.referral.${source}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField label={t("cases.fields.riskConcerns")} error={errors.riskConcerns?.message} {...register("riskConcerns")} />
      <TextareaField label={t("cases.fields.safetyNotes")} rows={5} error={errors.safetyNotes?.message} {...register("safetyNotes")} />
      <Controller
        control={control}
        name="harmTypes"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={t("cases.fields.harmTypes")}
            options={HARM_TYPES.map((harm) => ({ value: harm, label: t(`cases.harm.${harm}`) }))}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
          />
        )}
      />
      <ChangeError error={update.error} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("cases.edit.save")}
        submittingLabel={t("cases.workflow.saving")}
        onCancel={onDone}
      />
    </form>
  );
}
