import { useTranslation } from "react-i18next";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { assignCareTeamInput, type CareTeamRole } from "@lentera/domain";
import { reasonOf } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { SelectField } from "../../ui/select-field";
import { useCaseChange } from "./case-context";
import type { CareTeamCandidate } from "./case-types";
import { ChangeError } from "./change-error";
import { requiredWhenEmpty } from "./form-errors";
import { FormActions } from "../../ui/form-actions";

/** The care team form, once the colleagues who may join it (the team's active workers) are known. */
export function CareTeamEditor({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseData } = useCaseChange();
  const candidates = useQuery(trpc.cases.careTeamCandidates.queryOptions({ caseId: caseData.id }));

  if (candidates.isPending) return <Loading />;
  if (candidates.isError) {
    return (
      <div className="subform">
        <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />
        <div className="button-row">
          <button type="button" className="button button--quiet" onClick={onDone}>
            {t("common.cancel")}
          </button>
        </div>
      </div>
    );
  }
  return <CareTeamForm candidates={candidates.data} onCandidatesChanged={() => void candidates.refetch()} onDone={onDone} />;
}

type CareTeamInput = z.input<typeof assignCareTeamInput>;
type CareTeamOutput = z.output<typeof assignCareTeamInput>;

/** The case role a colleague needs to hold each place on the care team. */
const NEEDED_ROLE: Record<CareTeamRole, CareTeamCandidate["roles"][number]> = {
  primary_social_worker: "social_worker",
  social_worker: "social_worker",
  counselor: "counselor",
};

/**
 * Starts from the care team as it was when "Edit care team" was pressed and sends that version:
 * if someone else changed the case in between, the server refuses and the choices stay here
 * until the user reloads.
 */
function CareTeamForm({
  candidates,
  onCandidatesChanged,
  onDone,
}: {
  candidates: CareTeamCandidate[];
  onCandidatesChanged: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseData, succeeded } = useCaseChange();
  const assign = useMutation(trpc.cases.assignCareTeam.mutationOptions());
  const socialWorkers = candidates.filter((candidate) => candidate.roles.includes("social_worker"));
  const counselors = candidates.filter((candidate) => candidate.roles.includes("counselor"));
  const suitable = (userId: string, role: CareTeamRole) =>
    candidates.some((candidate) => candidate.id === userId && candidate.roles.includes(NEEDED_ROLE[role]));
  const currentIds = (role: CareTeamRole) =>
    caseData.careTeam.filter((member) => member.role === role && suitable(member.userId, role)).map((member) => member.userId);
  // Members who left the team or were deactivated cannot stay; say so rather than drop them silently.
  const leaving = caseData.careTeam.filter((member) => !suitable(member.userId, member.role));

  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<CareTeamInput, unknown, CareTeamOutput>({
    resolver: zodResolver(assignCareTeamInput, { error: requiredWhenEmpty }),
    defaultValues: {
      caseId: caseData.id,
      version: caseData.version,
      primarySocialWorkerId: currentIds("primary_social_worker")[0] ?? "",
      socialWorkerIds: currentIds("social_worker"),
      counselorIds: currentIds("counselor"),
    },
  });
  const primary = useWatch({ control, name: "primarySocialWorkerId" });
  const otherSocialWorkers = socialWorkers.filter((candidate) => candidate.id !== primary);
  const otherCounselors = counselors.filter((candidate) => candidate.id !== primary);

  const onSubmit = handleSubmit(async (values) => {
    // The primary social worker holds one place only; colleagues no longer offered are left out.
    const keep = (ids: string[], role: CareTeamRole) =>
      ids.filter((id) => id !== values.primarySocialWorkerId && suitable(id, role));
    try {
      await assign.mutateAsync({
        ...values,
        socialWorkerIds: keep(values.socialWorkerIds, "social_worker"),
        counselorIds: keep(values.counselorIds, "counselor"),
      });
      onDone();
      await succeeded("cases.careTeam.saved");
    } catch (error) {
      // Someone was deactivated or left the team meanwhile: offer the current list (ChangeError explains).
      if (reasonOf(error) === "unsuitable_care_team_member") onCandidatesChanged();
    }
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3>{t("cases.careTeam.open")}</h3>
      {leaving.length > 0 && (
        <p className="notice notice--warning">
          {t("cases.careTeam.leaving", {
            team: caseData.team.name,
            names: leaving.map((member) => member.displayName).join(", "),
          })}
        </p>
      )}
      <SelectField
        label={t("cases.careTeamRole.primary_social_worker")}
        autoFocus
        error={errors.primarySocialWorkerId?.message}
        {...register("primarySocialWorkerId")}
      >
        <option value="">{t("cases.intake.choose")}</option>
        {socialWorkers.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.displayName}
          </option>
        ))}
      </SelectField>
      {otherSocialWorkers.length > 0 ? (
        <Controller
          control={control}
          name="socialWorkerIds"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              legend={t("cases.careTeam.otherSocialWorkers")}
              options={otherSocialWorkers.map((candidate) => ({ value: candidate.id, label: candidate.displayName }))}
              value={(field.value ?? []).filter((id) => id !== primary)}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
      ) : (
        <p className="field__hint">{t("cases.careTeam.noOtherSocialWorkers", { team: caseData.team.name })}</p>
      )}
      {otherCounselors.length > 0 ? (
        <Controller
          control={control}
          name="counselorIds"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              legend={t("cases.careTeam.counselors")}
              options={otherCounselors.map((candidate) => ({ value: candidate.id, label: candidate.displayName }))}
              value={(field.value ?? []).filter((id) => id !== primary)}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
      ) : (
        <p className="field__hint">{t("cases.careTeam.noCounselors", { team: caseData.team.name })}</p>
      )}
      <ChangeError error={assign.error} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("cases.careTeam.save")}
        submittingLabel={t("cases.workflow.saving")}
        onCancel={onDone}
      />
    </form>
  );
}
