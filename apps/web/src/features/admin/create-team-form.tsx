import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { errorMessageKey } from "../../lib/api-errors";
import { TextField } from "../../ui/text-field";
import { nameErrorFrom, teamNameSchema, type TeamNameInput, type TeamNameOutput } from "./team-name-form";

export function CreateTeamForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.teams.create.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TeamNameInput, unknown, TeamNameOutput>({
    resolver: zodResolver(teamNameSchema),
    defaultValues: { name: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync(values);
      reset();
      onCreated(created.name);
    } catch (error) {
      const nameError = nameErrorFrom(error);
      if (nameError) setError("name", { message: nameError }, { shouldFocus: true });
      else setFormError(errorMessageKey(error));
    }
  });

  return (
    <form className="form form--inline" noValidate onSubmit={(event) => void onSubmit(event)}>
      <div role="alert" className="notice-region">
        {formError && <p className="notice notice--error">{t(formError)}</p>}
      </div>
      <TextField label={t("teams.form.name")} autoComplete="off" error={errors.name?.message} {...register("name")} />
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting ? t("teams.form.submitting") : t("teams.form.submit")}
      </button>
    </form>
  );
}
