import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { todayIso } from "../cases/format";
import { MilestoneChangeError, useMilestoneSaved, useRefreshMilestones } from "./milestone-change";
import { statusFormDefaults, statusFormSchema, statusRequests, type StatusFormValues } from "./milestone-form-values";
import { allowedNextStatuses, needsNote } from "./milestone-text";
import type { MilestoneItem } from "./milestone-types";

/**
 * Moves a milestone to a status the rule allows from where it is. Achieving asks for the date
 * (today unless changed) and the evidence; leaving an achievement asks what happened.
 */
export function StatusForm({ milestone, label, onDone }: { milestone: MilestoneItem; label: string; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useMilestoneSaved();
  const refresh = useRefreshMilestones();
  const update = useMutation(trpc.milestones.update.mutationOptions());
  const change = useMutation(trpc.milestones.changeStatus.mutationOptions());
  const today = todayIso();
  const allowed = allowedNextStatuses(milestone.status);
  const schema = useMemo(() => statusFormSchema(milestone.status, allowedNextStatuses(milestone.status), today), [milestone.status, today]);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<StatusFormValues>({
    resolver: zodResolver(schema, { error: requiredWhenEmpty }),
    defaultValues: statusFormDefaults(milestone, today),
  });
  const status = watch("status");
  const noteNeeded = needsNote(milestone.status, status);

  const onSubmit = handleSubmit(async (values) => {
    update.reset();
    change.reset();
    const requests = statusRequests(milestone, values);
    let version = milestone.version;
    try {
      if (requests.evidenceNote !== undefined) {
        version = (await update.mutateAsync({ milestoneId: milestone.id, version, evidenceNote: requests.evidenceNote })).version;
      }
      await change.mutateAsync({ ...requests.change, version });
    } catch {
      // Shown by MilestoneChangeError. The evidence may be saved already: reload for its new version.
      if (version !== milestone.version) await refresh();
      return;
    }
    onDone();
    await saved("milestones.done.statusChanged", { label, status: t(`milestones.status.${requests.change.status}`) });
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h5 className="subform__title">
        {t("milestones.changeStatus.heading")}
      </h5>
      <p className="field__hint">{t("milestones.changeStatus.now", { status: t(`milestones.status.${milestone.status}`) })}</p>
      <SelectField label={t("milestones.field.status")} autoFocus error={errors.status?.message} {...register("status")}>
        <option value="">{t("milestones.field.choose")}</option>
        {allowed.map((next) => (
          <option key={next} value={next}>
            {t(`milestones.status.${next}`)}
          </option>
        ))}
      </SelectField>
      {status === "achieved" && (
        <>
          <TextField
            label={t("milestones.field.achievedOn")}
            type="date"
            max={today}
            className="field--short"
            error={errors.achievedOn?.message}
            {...register("achievedOn")}
          />
          <TextareaField
            label={t("milestones.field.evidence")}
            hint={t("milestones.field.evidenceHint")}
            error={errors.evidenceNote?.message}
            {...register("evidenceNote")}
          />
        </>
      )}
      <TextareaField
        label={t("milestones.field.note")}
        hint={noteNeeded ? t("milestones.field.noteRequiredHint") : t("milestones.field.noteHint")}
        required={noteNeeded}
        error={errors.note?.message}
        {...register("note")}
      />
      <MilestoneChangeError error={change.error ?? update.error} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("milestones.changeStatus.submit")}
        submittingLabel={t("milestones.saving")}
        onCancel={onDone}
      />
    </form>
  );
}
