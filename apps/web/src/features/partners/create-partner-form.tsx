import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { createPartnerInput, PARTNER_KINDS } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { errorMessageKey, reasonOf, showFieldErrors } from "../../lib/api-errors";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { requiredWhenEmpty } from "../cases/form-errors";

type FormInput = z.input<typeof createPartnerInput>;
type FormOutput = z.output<typeof createPartnerInput>;
const FIELDS = ["name", "kind"] as const;

export function CreatePartnerForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const create = useMutation(trpc.partners.create.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    // "Choose…" left selected is "required", not the library's wording for a bad enum value.
    resolver: zodResolver(createPartnerInput, { error: requiredWhenEmpty }),
    defaultValues: { name: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync(values);
      reset();
      onCreated(created.name);
    } catch (error) {
      if (reasonOf(error) === "partner_name_taken") {
        return setError("name", { message: "errors.partner_name_taken" }, { shouldFocus: true });
      }
      if (!showFieldErrors(error, FIELDS, setError)) setFormError(errorMessageKey(error));
    }
  });

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
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting ? t("partners.form.submitting") : t("partners.form.submit")}
      </button>
    </form>
  );
}
