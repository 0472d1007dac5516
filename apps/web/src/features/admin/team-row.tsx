import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { TextField } from "../../ui/text-field";
import type { AdminTeam } from "./admin-types";
import { nameErrorFrom, teamNameSchema, type TeamNameInput, type TeamNameOutput } from "./team-name-form";
import { FormActions } from "../../ui/form-actions";

interface TeamRowProps {
  team: AdminTeam;
  onSucceeded: (key: string, values?: Record<string, string>) => Promise<void>;
  onFailed: (error: unknown) => Promise<void>;
}

/** One team; "Rename" turns the name into a small form, sent with the version it was read at. */
export function TeamRow({ team, onSucceeded, onFailed }: TeamRowProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <tr>
      {editing ? (
        <td colSpan={3}>
          <RenameTeamForm
            team={team}
            onDone={() => setEditing(false)}
            onSucceeded={onSucceeded}
            onFailed={onFailed}
          />
        </td>
      ) : (
        <>
          <th scope="row">{team.name}</th>
          <td className="cell--number">{team.memberCount}</td>
          <td>
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t("teams.rename")}
              <span className="visually-hidden"> {team.name}</span>
            </button>
          </td>
        </>
      )}
    </tr>
  );
}

function RenameTeamForm({ team, onDone, onSucceeded, onFailed }: TeamRowProps & { onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const rename = useMutation(trpc.admin.teams.rename.mutationOptions());
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TeamNameInput, unknown, TeamNameOutput>({
    resolver: zodResolver(teamNameSchema),
    defaultValues: { name: team.name },
  });

  const onSubmit = handleSubmit(async ({ name }) => {
    try {
      await rename.mutateAsync({ teamId: team.id, version: team.version, name });
      onDone();
      await onSucceeded("teams.renamed", { from: team.name, name });
    } catch (error) {
      const nameError = nameErrorFrom(error);
      if (nameError) return setError("name", { message: nameError }, { shouldFocus: true });
      onDone();
      await onFailed(error);
    }
  });

  return (
    <form className="form form--inline" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextField
        label={t("teams.form.newName", { name: team.name })}
        autoComplete="off"
        // The field replaced the Rename button the user just pressed.
        autoFocus
        error={errors.name?.message}
        {...register("name")}
      />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("teams.save")}
        submittingLabel={t("teams.saving")}
        onCancel={onDone}
      />
    </form>
  );
}
