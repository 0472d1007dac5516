import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { createUserInput, LOCALES, ROLES } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { errorMessageKey, reasonOf, showFieldErrors } from "../../lib/api-errors";
import { currentLocale } from "../../i18n";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import type { AdminTeam } from "./admin-types";

type FormInput = z.input<typeof createUserInput>;
type FormOutput = z.output<typeof createUserInput>;
const FIELDS = ["email", "displayName", "password", "roles", "teamIds", "locale"] as const;

interface CreateUserFormProps {
  teams: AdminTeam[];
  onCreated: (displayName: string) => void;
}

export function CreateUserForm({ teams, onCreated }: CreateUserFormProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.users.create.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createUserInput),
    defaultValues: { email: "", displayName: "", password: "", roles: [], teamIds: [], locale: currentLocale() },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await create.mutateAsync(values);
      reset();
      onCreated(values.displayName);
    } catch (error) {
      const reason = reasonOf(error);
      if (reason === "email_taken") return setError("email", { message: "errors.email_taken" }, { shouldFocus: true });
      if (reason === "unknown_team") return setError("teamIds", { message: "errors.unknown_team" });
      if (reason === "password_common") return setError("password", { message: "errors.password_common" }, { shouldFocus: true });
      if (!showFieldErrors(error, FIELDS, setError)) setFormError(errorMessageKey(error));
    }
  });

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <div role="alert" className="notice-region">
        {formError && <p className="notice notice--error">{t(formError)}</p>}
      </div>
      <TextField
        label={t("users.form.email")}
        type="email"
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
        error={errors.email?.message}
        {...register("email")}
      />
      <TextField
        label={t("users.form.displayName")}
        autoComplete="off"
        error={errors.displayName?.message}
        {...register("displayName")}
      />
      <TextField
        label={t("users.form.password")}
        hint={t("users.form.passwordHint")}
        type="password"
        autoComplete="new-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <Controller
        control={control}
        name="roles"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={t("users.form.roles")}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
          />
        )}
      />
      {teams.length > 0 ? (
        <Controller
          control={control}
          name="teamIds"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              legend={t("users.form.teams")}
              options={teams.map((team) => ({ value: team.id, label: team.name }))}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
      ) : (
        <p className="field__hint">{t("users.form.noTeamsYet")}</p>
      )}
      <SelectField label={t("users.form.language")} error={errors.locale?.message} {...register("locale")}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.names.${locale}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting ? t("users.form.submitting") : t("users.form.submit")}
      </button>
    </form>
  );
}
