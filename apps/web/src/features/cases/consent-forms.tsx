import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { CONSENT_GIVERS, CONSENT_SCOPES, recordConsentInput, withdrawConsentInput } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { useCaseChange } from "./case-context";
import type { CaseConsent } from "./case-types";
import { ChangeError } from "./change-error";
import { requiredWhenEmpty } from "./form-errors";
import { todayIso } from "./format";
import { asNullableText } from "./intake-schema";
import { FormActions } from "../../ui/form-actions";

export function RecordConsentForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseData, succeeded } = useCaseChange();
  const record = useMutation(trpc.cases.consents.record.mutationOptions());
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof recordConsentInput>, unknown, z.output<typeof recordConsentInput>>({
    resolver: zodResolver(recordConsentInput, { error: requiredWhenEmpty }),
    defaultValues: { caseId: caseData.id, givenOn: todayIso(), expiresOn: null, note: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await record.mutateAsync(values);
      onDone();
      await succeeded("cases.consents.recorded", { scope: t(`cases.consentScope.${values.scope}`) });
    } catch {
      // shown by ChangeError
    }
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3>{t("cases.consents.record")}</h3>
      <div className="field-row">
        <SelectField label={t("cases.fields.scope")} autoFocus error={errors.scope?.message} {...register("scope")}>
          <option value="">{t("cases.intake.choose")}</option>
          {CONSENT_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {t(`cases.consentScope.${scope}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("cases.fields.givenBy")} error={errors.givenBy?.message} {...register("givenBy")}>
          <option value="">{t("cases.intake.choose")}</option>
          {CONSENT_GIVERS.map((giver) => (
            <option key={giver} value={giver}>
              {t(`cases.consentGiver.${giver}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field-row">
        <TextField label={t("cases.fields.givenOn")} type="date" error={errors.givenOn?.message} {...register("givenOn")} />
        <TextField
          label={t("cases.fields.expiresOn")}
          hint={t("cases.consents.expiresHint")}
          type="date"
          error={errors.expiresOn?.message}
          {...register("expiresOn", { setValueAs: asNullableText })}
        />
      </div>
      <TextareaField label={t("cases.consents.note")} error={errors.note?.message} {...register("note")} />
      <ChangeError error={record.error} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("cases.consents.save")}
        submittingLabel={t("cases.workflow.saving")}
        onCancel={onDone}
      />
    </form>
  );
}

export function WithdrawConsentForm({ consent, onDone }: { consent: CaseConsent; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { succeeded } = useCaseChange();
  const withdraw = useMutation(trpc.cases.consents.withdraw.mutationOptions());
  const scope = t(`cases.consentScope.${consent.scope}`);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof withdrawConsentInput>, unknown, z.output<typeof withdrawConsentInput>>({
    resolver: zodResolver(withdrawConsentInput, { error: requiredWhenEmpty }),
    defaultValues: { consentId: consent.id, version: consent.version, withdrawnOn: todayIso(), reason: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await withdraw.mutateAsync(values);
      onDone();
      await succeeded("cases.consents.withdrawn", { scope });
    } catch {
      // shown by ChangeError
    }
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextField
        label={t("cases.fields.withdrawnOn")}
        type="date"
        autoFocus
        error={errors.withdrawnOn?.message}
        {...register("withdrawnOn")}
      />
      <TextareaField label={t("cases.consents.withdrawReason")} error={errors.reason?.message} {...register("reason")} />
      <ChangeError error={withdraw.error} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("cases.consents.confirmWithdraw", { scope })}
        submittingLabel={t("cases.workflow.saving")}
        onCancel={onDone}
      />
    </form>
  );
}
