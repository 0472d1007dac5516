import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { PARTNER_SERVICES, REFERRAL_SHARED_FIELDS, REFERRAL_URGENCIES } from "@lentera/domain";
import { errorMessageKey, reasonOf, showFieldErrors } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { FormActions } from "../../ui/form-actions";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { SelectField } from "../../ui/select-field";
import { TextareaField } from "../../ui/textarea-field";
import { useCaseChange } from "../cases/case-context";
import { requiredWhenEmpty } from "../cases/form-errors";
import { sharedFieldChoices } from "./referral-rules";

const required = (max: number) => z.string().trim().min(1, { error: "validation.required" }).max(max, { error: "validation.tooLong" });

function referFormSchema(override: boolean) {
  return z.object({
    partnerId: z.uuid(),
    services: z.array(z.enum(PARTNER_SERVICES)).min(1, { error: "validation.atLeastOne" }),
    reason: required(2000),
    urgency: z.enum(REFERRAL_URGENCIES),
    shared: z.array(z.enum(REFERRAL_SHARED_FIELDS)),
    overrideReason: override ? required(1000) : z.string().max(1000),
  });
}
type ReferFormInput = z.input<ReturnType<typeof referFormSchema>>;
type ReferFormValues = z.output<ReturnType<typeof referFormSchema>>;
const FIELDS = ["partnerId", "services", "reason", "urgency", "shared", "overrideReason"] as const;

/**
 * Sends a referral of the case to an active partner: services, reason, urgency and the minimal
 * set of fields to share. Without the referral consent only a supervisor of the team sends it,
 * with an override reason (`override`); identity is offered only while information sharing is consented to.
 */
export function ReferForm({ override, informationSharing, onDone }: { override: boolean; informationSharing: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { caseData, succeeded } = useCaseChange();
  const partners = useQuery(trpc.partners.list.queryOptions());
  const send = useMutation(trpc.referrals.send.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReferFormInput, unknown, ReferFormValues>({
    resolver: zodResolver(referFormSchema(override), { error: requiredWhenEmpty }),
    defaultValues: { partnerId: "", services: [], reason: "", urgency: "routine", shared: ["alias"], overrideReason: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const partner = partners.data?.find((item) => item.id === values.partnerId);
    try {
      await send.mutateAsync({
        caseId: caseData.id,
        partnerId: values.partnerId,
        services: values.services,
        reason: values.reason,
        urgency: values.urgency,
        // Identity never leaves while information sharing is not consented to, whatever the form held.
        shared: values.shared.filter((field) => field !== "identity" || informationSharing),
        overrideReason: override ? values.overrideReason : null,
      });
    } catch (error) {
      const reason = reasonOf(error);
      if (reason === "partner_inactive" || reason === "partner_unknown") {
        void queryClient.invalidateQueries(trpc.partners.list.pathFilter());
        return setError("partnerId", { message: `errors.${reason}` }, { shouldFocus: true });
      }
      if (!showFieldErrors(error, FIELDS, setError)) setFormError(errorMessageKey(error));
      return;
    }
    onDone();
    await queryClient.invalidateQueries(trpc.referrals.byCase.queryFilter({ caseId: caseData.id }));
    await succeeded("referrals.done.sent", { partner: partner?.name ?? "" });
  });

  if (partners.isPending) return <Loading />;
  if (partners.isError) return <QueryError error={partners.error} onRetry={() => void partners.refetch()} />;

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3 className="subform__title">{t("referrals.form.heading")}</h3>
      {partners.data.length === 0 ? (
        <p className="empty">{t("referrals.form.noPartners")}</p>
      ) : (
        <>
          <SelectField label={t("referrals.form.partner")} autoFocus error={errors.partnerId?.message} {...register("partnerId")}>
            <option value="">{t("referrals.form.choosePartner")}</option>
            {partners.data.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name} ({t(`partners.kind.${partner.kind}`)})
              </option>
            ))}
          </SelectField>
          <Controller
            control={control}
            name="services"
            render={({ field }) => (
              <CheckboxGroup
                legend={t("referrals.form.services")}
                options={PARTNER_SERVICES.map((service) => ({ value: service, label: t(`partners.service.${service}`) }))}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.services?.message}
              />
            )}
          />
          <TextareaField label={t("referrals.form.reason")} error={errors.reason?.message} {...register("reason")} />
          <SelectField label={t("referrals.form.urgency")} error={errors.urgency?.message} {...register("urgency")}>
            {REFERRAL_URGENCIES.map((urgency) => (
              <option key={urgency} value={urgency}>
                {t(`referrals.urgency.${urgency}`)}
              </option>
            ))}
          </SelectField>
          <fieldset className="field checkbox-group" aria-describedby="refer-shared-hint">
            <legend className="field__label">{t("referrals.form.shared")}</legend>
            <p id="refer-shared-hint" className="field__hint">
              {t("referrals.form.sharedHint")}
            </p>
            {sharedFieldChoices(informationSharing).map(({ field, disabled }) => (
              <label key={field} className="checkbox">
                <input type="checkbox" value={field} disabled={disabled} {...register("shared")} />
                <span>{t(`referrals.shared.${field}`)}</span>
              </label>
            ))}
            {!informationSharing && <p className="field__hint">{t("referrals.form.identityLocked")}</p>}
          </fieldset>
          {override && (
            <TextareaField
              label={t("referrals.form.overrideReason")}
              hint={t("referrals.form.overrideHint")}
              required
              error={errors.overrideReason?.message}
              {...register("overrideReason")}
            />
          )}
        </>
      )}
      <div role="alert" className="notice-region">
        {formError && <p className="notice notice--error">{t(formError)}</p>}
      </div>
      {partners.data.length > 0 ? (
        <FormActions
          submitting={isSubmitting}
          submitLabel={t("referrals.form.submit")}
          submittingLabel={t("referrals.form.submitting")}
          onCancel={onDone}
        />
      ) : (
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t("common.cancel")}
        </button>
      )}
    </form>
  );
}
