import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { TAKEDOWN_CHANNELS } from "@lentera/domain";
import { showFieldErrors } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { todayIso, useDateFormat } from "../cases/format";
import { HarmChangeError, useHarmSaved } from "./harm-change";
import {
  allowedNextStatuses,
  takedownFormSchema,
  takedownRequest,
  updateFormDefaults,
  updateFormSchema,
  updateRequest,
  type TakedownFormValues,
  type UpdateFormValues,
} from "./harm-form-values";
import type { TakedownRequest } from "./harm-types";

/** Asks for an item to be taken down: through which channel, when, with the reference the channel gave. */
export function TakedownForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useHarmSaved();
  const request = useMutation(trpc.onlineHarm.requestTakedown.mutationOptions());
  const today = todayIso();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TakedownFormValues>({
    resolver: zodResolver(takedownFormSchema, { error: requiredWhenEmpty }),
    defaultValues: { channel: "", reportedOn: today, reference: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    request.reset();
    let milestone: string | null;
    try {
      milestone = (await request.mutateAsync(takedownRequest(itemId, values))).milestoneAchieved;
    } catch (failure) {
      showFieldErrors(failure, ["channel", "reportedOn", "reference"] as const, setError);
      return;
    }
    onDone();
    await saved(milestone ? "harm.done.takedownRequestedMilestone" : "harm.done.takedownRequested");
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h5 className="subform__title">{t("harm.takedown.request")}</h5>
      <SelectField label={t("harm.field.channel")} autoFocus error={errors.channel?.message} {...register("channel")}>
        <option value="">{t("harm.choose")}</option>
        {TAKEDOWN_CHANNELS.map((channel) => (
          <option key={channel} value={channel}>
            {t(`harm.channel.${channel}`)}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <TextField label={t("harm.field.reportedOn")} type="date" max={today} className="field--short" error={errors.reportedOn?.message} {...register("reportedOn")} />
        <TextField label={t("harm.field.reference")} hint={t("harm.field.referenceHint")} autoComplete="off" error={errors.reference?.message} {...register("reference")} />
      </div>
      <HarmChangeError error={request.error} />
      <FormActions submitting={isSubmitting} submitLabel={t("harm.takedown.submitRequest")} submittingLabel={t("harm.saving")} onCancel={onDone} />
    </form>
  );
}

/** Records the answer to a takedown request: a status the current one may move to, its date, reference and note. */
export function UpdateTakedownForm({ takedown, onDone }: { takedown: TakedownRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useDateFormat();
  const saved = useHarmSaved();
  const update = useMutation(trpc.onlineHarm.updateTakedown.mutationOptions());
  const today = todayIso();
  const allowed = allowedNextStatuses(takedown.status);
  const schema = useMemo(() => updateFormSchema(takedown.status), [takedown.status]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UpdateFormValues>({
    resolver: zodResolver(schema, { error: requiredWhenEmpty }),
    defaultValues: updateFormDefaults(takedown, today),
  });

  const onSubmit = handleSubmit(async (values) => {
    update.reset();
    let milestone: string | null;
    try {
      milestone = (await update.mutateAsync(updateRequest(takedown, values))).milestoneAchieved;
    } catch (failure) {
      showFieldErrors(failure, ["status", "on", "reference", "note"] as const, setError);
      return;
    }
    onDone();
    await saved(milestone ? "harm.done.takedownUpdatedMilestone" : "harm.done.takedownUpdated", {
      status: t(`harm.takedownStatus.${values.status}`),
    });
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h5 className="subform__title">
        {t("harm.takedown.updateHeading", { channel: t(`harm.channel.${takedown.channel}`), date: format.date(takedown.reportedOn) })}
      </h5>
      <p className="field__hint">
        {t("harm.takedown.now", { status: t(`harm.takedownStatus.${takedown.status}`), date: format.date(takedown.statusOn) })}
      </p>
      <div className="field-row">
        <SelectField label={t("harm.field.newStatus")} autoFocus error={errors.status?.message} {...register("status")}>
          <option value="">{t("harm.choose")}</option>
          {allowed.map((status) => (
            <option key={status} value={status}>
              {t(`harm.takedownStatus.${status}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("harm.field.statusOn")} type="date" min={takedown.statusOn} max={today} className="field--short" error={errors.on?.message} {...register("on")} />
      </div>
      <TextField label={t("harm.field.reference")} hint={t("harm.field.referenceHint")} autoComplete="off" error={errors.reference?.message} {...register("reference")} />
      <TextareaField label={t("harm.field.note")} hint={t("harm.field.noteHint")} error={errors.note?.message} {...register("note")} />
      <HarmChangeError error={update.error} />
      <FormActions submitting={isSubmitting} submitLabel={t("harm.takedown.submitUpdate")} submittingLabel={t("harm.saving")} onCancel={onDone} />
    </form>
  );
}
