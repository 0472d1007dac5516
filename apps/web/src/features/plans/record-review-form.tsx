import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { recordReviewInput, REVIEW_RATINGS } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { todayIso } from "../cases/format";
import { asNullableText } from "../cases/intake-schema";
import { PlanChangeError } from "./plan-change-error";
import type { PlanGoal } from "./plan-types";
import { usePlanChange } from "./use-plan-change";

const asPercent = (value: unknown) => (typeof value === "string" ? (value.trim() === "" ? null : Number(value)) : value);

/** A dated progress review of a goal in force: a percentage, a rating or both, and a note. No new version. */
export function RecordReviewForm({ goal, onDone }: { goal: PlanGoal; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { caseId, planSucceeded } = usePlanChange();
  const record = useMutation(trpc.plans.recordReview.mutationOptions());
  const today = todayIso();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof recordReviewInput>, unknown, z.output<typeof recordReviewInput>>({
    resolver: zodResolver(recordReviewInput, { error: requiredWhenEmpty }),
    defaultValues: { caseId, goalKey: goal.key, reviewedOn: today, progress: null, rating: null, note: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    if (values.reviewedOn > todayIso()) {
      setError("reviewedOn", { message: "errors.date_in_future" });
      return;
    }
    try {
      await record.mutateAsync(values);
      onDone();
      await planSucceeded("plans.done.reviewRecorded", { goal: goal.title });
    } catch {
      // shown by PlanChangeError
    }
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3>{t("plans.review.heading", { goal: goal.title })}</h3>
      <div className="field-row">
        <TextField
          label={t("plans.review.date")}
          type="date"
          max={today}
          autoFocus
          error={errors.reviewedOn?.message}
          {...register("reviewedOn")}
        />
        <TextField
          label={t("plans.review.progress")}
          hint={t("plans.review.progressHint")}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          error={errors.progress?.message}
          {...register("progress", { setValueAs: asPercent })}
        />
      </div>
      <SelectField label={t("plans.review.rating")} error={errors.rating?.message} {...register("rating", { setValueAs: asNullableText })}>
        <option value="">{t("plans.review.noRating")}</option>
        {REVIEW_RATINGS.map((rating) => (
          <option key={rating} value={rating}>
            {t(`plans.rating.${rating}`)}
          </option>
        ))}
      </SelectField>
      <TextareaField label={t("plans.review.note")} error={errors.note?.message} {...register("note")} />
      <PlanChangeError error={record.error} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("plans.review.save")}
        submittingLabel={t("cases.workflow.saving")}
        onCancel={onDone}
      />
    </form>
  );
}
