import { useState } from "react";
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
import { AppointmentChangeError } from "./appointment-error";
import { localInputs } from "./appointment-time";
import type { AppointmentItem } from "./appointment-types";
import { DURATIONS, nearestDuration, spanOf, timeFormSchema, type TimeFormValues } from "./book-form-values";

/** The duration choices of a select, in the interface language ("1 h 30 min"). */
export function DurationOptions({ durations }: { durations: readonly number[] }) {
  const { t } = useTranslation();
  return durations.map((minutes) => (
    <option key={minutes} value={String(minutes)}>
      {minutes < 60
        ? t("appointments.duration.minutes", { minutes: String(minutes) })
        : minutes % 60 === 0
          ? t("appointments.duration.hours", { hours: String(minutes / 60) })
          : t("appointments.duration.hoursMinutes", { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) })}
    </option>
  ));
}

/**
 * A new time for a scheduled appointment, typed instead of dragged (keyboard and phone users).
 * "move" changes this appointment (as a drag does); "reschedule" books a replacement and marks
 * this one rescheduled, linked to it. Either way the new time is checked for clashes.
 */
export function TimeChangeForm({
  appointment,
  action,
  agencyZone,
  onDone,
  onSaved,
}: {
  appointment: AppointmentItem;
  action: "move" | "reschedule";
  agencyZone: string;
  onDone: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const update = useMutation(trpc.appointments.update.mutationOptions());
  const reschedule = useMutation(trpc.appointments.reschedule.mutationOptions());
  const updateSeries = useMutation(trpc.appointments.updateSeries.mutationOptions());
  // A move of one occurrence of a series can take the later ones along, by the same amount.
  const [withFollowing, setWithFollowing] = useState(false);
  const inSeries = action === "move" && appointment.seriesId !== null;
  const current = localInputs(appointment.startsAt);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TimeFormValues>({
    resolver: zodResolver(timeFormSchema, { error: requiredWhenEmpty }),
    defaultValues: { ...current, duration: nearestDuration(appointment.startsAt, appointment.endsAt) },
  });
  const error = update.error ?? reschedule.error ?? updateSeries.error;

  const onSubmit = handleSubmit(async (values) => {
    const span = spanOf(values);
    if (!span) {
      setError("time", { message: "validation.required" });
      return;
    }
    const ref = { appointmentId: appointment.id, version: appointment.version, ...span };
    try {
      if (action === "reschedule") await reschedule.mutateAsync(ref);
      else if (inSeries && withFollowing) await updateSeries.mutateAsync(ref);
      else await update.mutateAsync(ref);
      onDone();
      await onSaved();
    } catch {
      // shown by AppointmentChangeError
    }
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4>{action === "move" ? t("appointments.move.heading") : t("appointments.reschedule.heading")}</h4>
      <div className="field-row">
        <TextField label={t("appointments.field.date")} type="date" autoFocus error={errors.date?.message} {...register("date")} />
        <TextField label={t("appointments.field.time")} type="time" step={300} error={errors.time?.message} {...register("time")} />
        <SelectField label={t("appointments.field.duration")} error={errors.duration?.message} {...register("duration")}>
          <DurationOptions durations={DURATIONS} />
        </SelectField>
      </div>
      {inSeries && (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={withFollowing} onChange={(event) => setWithFollowing(event.target.checked)} />
            <span>{t("appointments.move.withFollowing")}</span>
          </label>
        </div>
      )}
      <AppointmentChangeError error={error} agencyZone={agencyZone} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={action === "move" ? t("appointments.move.submit") : t("appointments.reschedule.submit")}
        submittingLabel={t("appointments.saving")}
        onCancel={onDone}
      />
    </form>
  );
}

/** Cancels a scheduled appointment; the reason is required and kept with it. */
export function CancelForm({
  appointment,
  agencyZone,
  onDone,
  onSaved,
}: {
  appointment: AppointmentItem;
  agencyZone: string;
  onDone: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const cancel = useMutation(trpc.appointments.cancel.mutationOptions());
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ reason: string }>({ defaultValues: { reason: "" } });

  const onSubmit = handleSubmit(async ({ reason }) => {
    if (reason.trim() === "") {
      setError("reason", { message: "validation.required" });
      return;
    }
    try {
      await cancel.mutateAsync({ appointmentId: appointment.id, version: appointment.version, reason: reason.trim() });
      onDone();
      await onSaved();
    } catch {
      // shown by AppointmentChangeError
    }
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4>{t("appointments.cancel.heading")}</h4>
      <TextareaField label={t("appointments.cancel.reason")} autoFocus maxLength={500} error={errors.reason?.message} {...register("reason")} />
      <AppointmentChangeError error={cancel.error} agencyZone={agencyZone} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("appointments.cancel.submit")}
        submittingLabel={t("appointments.saving")}
        onCancel={onDone}
        tone="danger"
      />
    </form>
  );
}
