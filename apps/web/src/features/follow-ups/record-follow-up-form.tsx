import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FOLLOW_UP_OUTCOMES, followUpRefusal, type CaseFollowUps } from "@lentera/domain";
import { domainCodeOf, errorMessageKey, fieldMessageKey, reasonOf } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { RefusedChange } from "../../ui/refused-change";
import { TextareaField } from "../../ui/textarea-field";
import { useCaseChange } from "../cases/case-context";
import { requiredWhenEmpty } from "../cases/form-errors";
import { followUpFormSchema, followUpRequest, type FollowUpFormOutput, type FollowUpFormValues } from "./follow-up-form-values";

/**
 * The outcome of one follow-up visit, an optional note, and, for serious concerns only, reopening
 * the case. What the server would refuse (followUpRefusal in @lentera/domain) is said before sending.
 */
export function RecordFollowUpForm({ data, dueOn, date, onDone }: { data: CaseFollowUps; dueOn: string; date: string; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { succeeded } = useCaseChange();
  const headingId = useId();
  const hintId = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  const record = useMutation(trpc.followUps.record.mutationOptions());
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<FollowUpFormValues, unknown, FollowUpFormOutput>({
    resolver: zodResolver(followUpFormSchema, { error: requiredWhenEmpty }),
    defaultValues: { note: "", reopen: false },
  });
  const serious = watch("outcome") === "serious_concerns";
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.followUps.pathFilter()),
      queryClient.invalidateQueries(trpc.myWork.pathFilter()),
      queryClient.invalidateQueries(trpc.timeline.pathFilter()),
    ]);

  const onSubmit = handleSubmit(async (values) => {
    record.reset();
    const request = followUpRequest(data.caseId, dueOn, values);
    const scheduled = data.followUps.filter((item) => item.scheduled).map((item) => item.dueOn);
    const refused = followUpRefusal(request, { status: data.caseStatus, followUpDates: scheduled, today: data.today });
    setRefusal(refused);
    if (refused) return;
    try {
      const done = await record.mutateAsync(request);
      onDone();
      await refresh();
      await succeeded(done.reopened ? "followUps.recordedReopened" : "followUps.recorded", { date });
    } catch {
      // Shown below.
    }
  });

  const stale = domainCodeOf(record.error) === "stale_version" || reasonOf(record.error) === "follow_up_recorded";
  const message = refusal ? t(`errors.${refusal}`) : record.error ? t(errorMessageKey(record.error)) : null;

  return (
    <form className="form subform" aria-labelledby={headingId} noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4 id={headingId} className="subform__title">
        {t("followUps.formHeading", { date })}
      </h4>
      <fieldset className="field" aria-describedby={errors.outcome ? `${headingId}-outcome` : undefined}>
        <legend className="field__label">{t("followUps.outcomeLegend")}</legend>
        {FOLLOW_UP_OUTCOMES.map((outcome) => (
          <label key={outcome} className="checkbox">
            <input type="radio" value={outcome} {...register("outcome")} />
            <span>{t(`followUps.outcome.${outcome}`)}</span>
          </label>
        ))}
        {errors.outcome?.message && (
          <p id={`${headingId}-outcome`} className="field__error">
            {t(fieldMessageKey(errors.outcome.message))}
          </p>
        )}
      </fieldset>
      <TextareaField label={t("followUps.note")} hint={t("followUps.noteHint")} error={errors.note?.message} {...register("note")} />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" disabled={!serious} aria-describedby={hintId} {...register("reopen")} />
          <span>{t("followUps.reopen")}</span>
        </label>
        <p id={hintId} className="field__hint">
          {t("followUps.reopenHint")}
        </p>
      </div>
      <RefusedChange message={message} reload={stale ? { label: t("followUps.reload"), run: () => refresh().then(onDone) } : null} />
      <FormActions submitting={isSubmitting} submitLabel={t("followUps.submit")} submittingLabel={t("followUps.saving")} onCancel={onDone} />
    </form>
  );
}
