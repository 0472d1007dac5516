import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LOCALES, MILESTONE_DOMAINS } from "@lentera/domain";
import { showFieldErrors } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { useCaseChange } from "../cases/case-context";
import { MilestoneChangeError } from "./milestone-change";
import { catalogEntryFormSchema, catalogEntryRequest, EMPTY_CATALOG_ENTRY_FORM, type CatalogEntryFormValues } from "./milestone-form-values";
import type { MilestoneNames } from "./use-milestone-names";

/**
 * A new kind of milestone for the agency's catalog (administrators and supervisors): its area and
 * its name in each language the app speaks. Every case of the agency can then use it.
 */
export function CatalogEntryForm({ names, onDone }: { names: MilestoneNames; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { succeeded } = useCaseChange();
  const addEntry = useMutation(trpc.milestones.addCatalogEntry.mutationOptions());
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CatalogEntryFormValues, unknown, z.output<typeof catalogEntryFormSchema>>({
    resolver: zodResolver(catalogEntryFormSchema, { error: requiredWhenEmpty }),
    defaultValues: EMPTY_CATALOG_ENTRY_FORM,
  });

  const onSubmit = handleSubmit(async (values) => {
    addEntry.reset();
    try {
      const entry = await addEntry.mutateAsync(catalogEntryRequest(values));
      await queryClient.invalidateQueries(trpc.milestones.catalog.pathFilter());
      onDone();
      await succeeded("milestones.done.catalogAdded", { label: names.entryLabel(entry) });
    } catch (failure) {
      showFieldErrors(failure, ["domain"] as const, setError);
    }
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3>{t("milestones.catalog.heading")}</h3>
      <p className="field__hint">{t("milestones.catalog.intro")}</p>
      <SelectField label={t("milestones.field.domain")} autoFocus error={errors.domain?.message} {...register("domain")}>
        <option value="">{t("milestones.field.choose")}</option>
        {MILESTONE_DOMAINS.map((domain) => (
          <option key={domain} value={domain}>
            {t(`milestones.domain.${domain}`)}
          </option>
        ))}
      </SelectField>
      <fieldset className="field field-group">
        <legend className="field__label">{t("milestones.catalog.names")}</legend>
        {LOCALES.map((locale) => (
          <TextField
            key={locale}
            label={t(`language.names.${locale}`)}
            lang={locale}
            autoComplete="off"
            error={errors[locale]?.message}
            {...register(locale)}
          />
        ))}
      </fieldset>
      <MilestoneChangeError error={addEntry.error} />
      <FormActions submitting={isSubmitting} submitLabel={t("milestones.catalog.submit")} submittingLabel={t("milestones.saving")} onCancel={onDone} />
    </form>
  );
}
