import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { showFieldErrors } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { GoalSelect } from "./goal-select";
import { MilestoneChangeError, useMilestoneSaved } from "./milestone-change";
import { editFormDefaults, editFormSchema, editRequest, type EditFormValues } from "./milestone-form-values";
import type { GoalChoice, MilestoneItem } from "./milestone-types";

/** Corrects a milestone's target date, linked goal, evidence or (a custom one's) title; not its status. */
export function EditMilestoneForm({
  milestone,
  label,
  goals,
  goalTitle,
  onDone,
}: {
  milestone: MilestoneItem;
  label: string;
  goals: readonly GoalChoice[];
  goalTitle: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useMilestoneSaved();
  const update = useMutation(trpc.milestones.update.mutationOptions());
  const [unchanged, setUnchanged] = useState(false);
  const custom = milestone.customTitle !== null;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditFormValues>({
    resolver: zodResolver(editFormSchema, { error: requiredWhenEmpty }),
    defaultValues: editFormDefaults(milestone),
  });

  const onSubmit = handleSubmit(async (values) => {
    update.reset();
    if (custom && values.customTitle.trim() === "") {
      setError("customTitle", { message: "validation.required" });
      return;
    }
    const input = editRequest(milestone, values);
    setUnchanged(input === null);
    if (!input) return;
    try {
      const updated = await update.mutateAsync(input);
      onDone();
      await saved("milestones.done.updated", { label: updated.customTitle ?? label });
    } catch (failure) {
      showFieldErrors(failure, ["customTitle", "targetDate", "goalKey", "evidenceNote"] as const, setError);
    }
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h5 className="subform__title">
        {t("milestones.edit.heading")}
      </h5>
      {custom && (
        <TextField label={t("milestones.field.title")} autoComplete="off" error={errors.customTitle?.message} {...register("customTitle")} />
      )}
      <TextField
        label={t("milestones.field.targetDate")}
        type="date"
        className="field--short"
        error={errors.targetDate?.message}
        {...register("targetDate")}
      />
      {(goals.length > 0 || milestone.goalKey) && (
        <GoalSelect
          goals={goals}
          current={milestone.goalKey ? { key: milestone.goalKey, title: goalTitle } : null}
          error={errors.goalKey?.message}
          {...register("goalKey")}
        />
      )}
      <TextareaField
        label={t("milestones.field.evidence")}
        hint={t("milestones.field.evidenceHint")}
        error={errors.evidenceNote?.message}
        {...register("evidenceNote")}
      />
      <div role="status" className="notice-region">
        {unchanged && <p className="field__hint">{t("milestones.edit.unchanged")}</p>}
      </div>
      <MilestoneChangeError error={update.error} />
      <FormActions submitting={isSubmitting} submitLabel={t("milestones.edit.submit")} submittingLabel={t("milestones.saving")} onCancel={onDone} />
    </form>
  );
}
