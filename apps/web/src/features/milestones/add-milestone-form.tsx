import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { MILESTONE_DOMAINS } from "@lentera/domain";
import { showFieldErrors } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { GoalSelect } from "./goal-select";
import { MilestoneChangeError, useMilestoneSaved } from "./milestone-change";
import { addFormSchema, addMilestoneRequest, CUSTOM_CHOICE, EMPTY_ADD_FORM, type AddFormValues } from "./milestone-form-values";
import { groupByDomain } from "./milestone-text";
import type { CatalogEntry, GoalChoice } from "./milestone-types";
import type { MilestoneNames } from "./use-milestone-names";

/**
 * Adds a milestone to the case: a kind from the agency's catalog, grouped by area, or one in the
 * worker's own words with its area; optionally a target date, a plan goal and evidence. It starts "planned".
 */
export function AddMilestoneForm({
  caseId,
  catalog,
  goals,
  names,
  onDone,
}: {
  caseId: string;
  catalog: readonly CatalogEntry[];
  goals: readonly GoalChoice[];
  names: MilestoneNames;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useMilestoneSaved();
  const add = useMutation(trpc.milestones.add.mutationOptions());
  const {
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AddFormValues>({
    resolver: zodResolver(addFormSchema, { error: requiredWhenEmpty }),
    defaultValues: EMPTY_ADD_FORM,
  });
  const custom = watch("choice") === CUSTOM_CHOICE;

  const onSubmit = handleSubmit(async (values) => {
    add.reset();
    try {
      const milestone = await add.mutateAsync(addMilestoneRequest(caseId, values));
      onDone();
      await saved("milestones.done.added", { label: names.label(milestone) });
    } catch (failure) {
      showFieldErrors(failure, ["customTitle", "domain", "targetDate", "goalKey", "evidenceNote"] as const, setError);
      // The schema names the kind field "catalogKey"; this form calls it "choice".
      showFieldErrors(failure, ["catalogKey"] as const, (_field, error) => setError("choice", error));
    }
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3>{t("milestones.add.heading")}</h3>
      <SelectField label={t("milestones.field.milestone")} autoFocus error={errors.choice?.message} {...register("choice")}>
        <option value="">{t("milestones.field.choose")}</option>
        {groupByDomain(catalog).map((group) => (
          <optgroup key={group.domain} label={t(`milestones.domain.${group.domain}`)}>
            {group.items.map((entry) => (
              <option key={entry.key} value={entry.key}>
                {names.entryLabel(entry)}
              </option>
            ))}
          </optgroup>
        ))}
        <option value={CUSTOM_CHOICE}>{t("milestones.field.custom")}</option>
      </SelectField>
      {custom && (
        <div className="field-row">
          <TextField label={t("milestones.field.title")} autoComplete="off" error={errors.customTitle?.message} {...register("customTitle")} />
          <SelectField label={t("milestones.field.domain")} error={errors.domain?.message} {...register("domain")}>
            <option value="">{t("milestones.field.choose")}</option>
            {MILESTONE_DOMAINS.map((domain) => (
              <option key={domain} value={domain}>
                {t(`milestones.domain.${domain}`)}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <div className="field-row">
        <TextField label={t("milestones.field.targetDate")} type="date" error={errors.targetDate?.message} {...register("targetDate")} />
        {goals.length > 0 && <GoalSelect goals={goals} error={errors.goalKey?.message} {...register("goalKey")} />}
      </div>
      <TextareaField
        label={t("milestones.field.evidence")}
        hint={t("milestones.field.evidenceHint")}
        error={errors.evidenceNote?.message}
        {...register("evidenceNote")}
      />
      <MilestoneChangeError error={add.error} />
      <FormActions submitting={isSubmitting} submitLabel={t("milestones.add.submit")} submittingLabel={t("milestones.saving")} onCancel={onDone} />
    </form>
  );
}
