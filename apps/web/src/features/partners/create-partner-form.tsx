import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { PARTNER_KINDS, PARTNER_SERVICES } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { domainCodeOf, errorMessageKey, reasonOf, showFieldErrors } from "../../lib/api-errors";
import { CheckboxField } from "../../ui/checkbox-field";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { FormActions } from "../../ui/form-actions";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import {
  CONTACT_FIELDS,
  emptyPartnerForm,
  partnerDetails,
  partnerFormSchema,
  partnerFormValues,
  type PartnerFormInput,
  type PartnerFormValues,
  type PartnerRow,
} from "./partner-form-values";

const FIELDS = ["name", "kind", "services", "regions", "linkedAgencyId"] as const;

type Outcome = { kind: "created" | "updated"; name: string } | { kind: "stale" };

/**
 * A partner organization's details: name, kind, services, regions, contact and whether it is
 * another agency on this installation; editing also (de)activates it. Only managers see it.
 */
function PartnerForm({ partner, onDone, onCancel }: { partner: PartnerRow | null; onDone: (outcome: Outcome) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const create = useMutation(trpc.partners.create.mutationOptions());
  const update = useMutation(trpc.partners.update.mutationOptions());
  const agencies = useQuery(trpc.partners.agencies.queryOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PartnerFormInput, unknown, PartnerFormValues>({
    // "Choose…" left selected is "required", not the library's wording for a bad enum value.
    resolver: zodResolver(partnerFormSchema, { error: requiredWhenEmpty }),
    defaultValues: partner ? partnerFormValues(partner) : emptyPartnerForm(),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const details = partnerDetails(values);
    try {
      if (partner) {
        const saved = await update.mutateAsync({ ...details, partnerId: partner.id, version: partner.version, active: values.active });
        onDone({ kind: "updated", name: saved.name });
      } else {
        const created = await create.mutateAsync(details);
        reset(emptyPartnerForm());
        onDone({ kind: "created", name: created.name });
      }
    } catch (error) {
      if (reasonOf(error) === "partner_name_taken") {
        return setError("name", { message: "errors.partner_name_taken" }, { shouldFocus: true });
      }
      if (partner && (domainCodeOf(error) === "stale_version" || domainCodeOf(error) === "not_found")) return onDone({ kind: "stale" });
      const reason = reasonOf(error);
      if (reason === "linked_agency_is_own" || reason === "linked_agency_unknown") {
        return setError("linkedAgencyId", { message: `errors.${reason}` });
      }
      if (!showFieldErrors(error, FIELDS, (field, message) => setError(field === "regions" ? "regionsText" : field, message))) {
        setFormError(errorMessageKey(error));
      }
    }
  });

  const agencyOptions = agencies.data ?? (partner?.linkedAgency ? [partner.linkedAgency] : []);

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <div role="alert" className="notice-region">
        {formError && <p className="notice notice--error">{t(formError)}</p>}
      </div>
      <TextField label={t("partners.form.name")} autoComplete="off" error={errors.name?.message} {...register("name")} />
      <SelectField label={t("partners.form.kind")} error={errors.kind?.message} {...register("kind")}>
        <option value="">{t("partners.form.chooseKind")}</option>
        {PARTNER_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`partners.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <Controller
        control={control}
        name="services"
        render={({ field }) => (
          <CheckboxGroup
            legend={t("partners.form.services")}
            options={PARTNER_SERVICES.map((service) => ({ value: service, label: t(`partners.service.${service}`) }))}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.services?.message}
          />
        )}
      />
      <TextField
        label={t("partners.form.regions")}
        hint={t("partners.form.regionsHint")}
        autoComplete="off"
        error={errors.regionsText?.message}
        {...register("regionsText")}
      />
      <fieldset className="field">
        <legend className="field__label">{t("partners.form.contact")}</legend>
        {CONTACT_FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(`partners.form.${field}`)}
            autoComplete="off"
            type={field === "email" ? "email" : field === "phone" ? "tel" : field === "website" ? "url" : "text"}
            error={errors.contact?.[field]?.message}
            {...register(`contact.${field}`)}
          />
        ))}
      </fieldset>
      <SelectField
        label={t("partners.form.linkedAgency")}
        hint={t("partners.form.linkedAgencyHint")}
        error={errors.linkedAgencyId?.message}
        {...register("linkedAgencyId")}
      >
        <option value="">{t("partners.form.linkedAgencyNone")}</option>
        {agencyOptions.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </SelectField>
      {partner ? (
        <>
          <CheckboxField label={t("partners.form.active")} hint={t("partners.form.activeHint")} {...register("active")} />
          <FormActions
            submitting={isSubmitting}
            submitLabel={t("partners.form.save")}
            submittingLabel={t("partners.form.saving")}
            onCancel={() => onCancel?.()}
          />
        </>
      ) : (
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t("partners.form.submitting") : t("partners.form.submit")}
        </button>
      )}
    </form>
  );
}

export function CreatePartnerForm({ onCreated }: { onCreated: (name: string) => void }) {
  return <PartnerForm partner={null} onDone={(outcome) => outcome.kind === "created" && onCreated(outcome.name)} />;
}

export function EditPartnerForm({
  partner,
  onSaved,
  onStale,
  onCancel,
}: {
  partner: PartnerRow;
  onSaved: (name: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  return (
    <PartnerForm
      partner={partner}
      onCancel={onCancel}
      onDone={(outcome) => (outcome.kind === "stale" ? onStale() : onSaved(outcome.name))}
    />
  );
}
