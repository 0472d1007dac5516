import { useTranslation } from "react-i18next";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { APPOINTMENT_KINDS, APPOINTMENT_MODES, SERIES_FREQUENCIES } from "@lentera/domain";
import { showFieldErrors } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { FormActions } from "../../ui/form-actions";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { AppointmentChangeError } from "./appointment-error";
import { localInputs } from "./appointment-time";
import { bookFormSchema, bookRequest, DURATIONS, type BookFormValues } from "./book-form-values";
import { DurationOptions } from "./time-change-form";

/** Goals an appointment can still serve: the open goals of the plan in force. */
const OPEN_GOAL_STATUSES = new Set(["not_started", "in_progress"]);

/** The next full hour from now, in the browser's zone. */
function nextHour(): Date {
  const next = new Date();
  next.setHours(next.getHours() + 1, 0, 0, 0);
  return next;
}

/**
 * Books an appointment on a case, for anyone on its team (a social worker books for the counselor),
 * once or weekly / every two weeks. A clash is named, with every clashing time of a series; nothing is saved then.
 */
export function BookForm({
  caseId,
  agencyZone,
  onDone,
  onBooked,
}: {
  caseId: string;
  agencyZone: string;
  onDone: () => void;
  onBooked: (count: number) => Promise<void>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const staff = useQuery(trpc.appointments.staffOptions.queryOptions({ caseId }));
  const plan = useQuery(trpc.plans.byCase.queryOptions({ caseId }));
  const book = useMutation(trpc.appointments.book.mutationOptions());
  const bookSeries = useMutation(trpc.appointments.bookSeries.mutationOptions());
  const start = localInputs(nextHour());
  const {
    register,
    handleSubmit,
    control,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<BookFormValues>({
    resolver: zodResolver(bookFormSchema, { error: requiredWhenEmpty }),
    defaultValues: {
      kind: "counseling",
      staffUserId: "",
      goalKeys: [],
      date: start.date,
      time: start.time,
      duration: "60",
      mode: "in_person",
      place: "",
      notes: "",
      repeat: "none",
      repeatEnd: "count",
      count: "4",
      until: "",
    },
  });
  const repeat = watch("repeat");
  const repeatEnd = watch("repeatEnd");
  const goals = (plan.data?.inForce?.goals ?? []).filter((goal) => OPEN_GOAL_STATUSES.has(goal.status));
  const error = book.error ?? bookSeries.error;

  const onSubmit = handleSubmit(async (values) => {
    const request = bookRequest(caseId, values);
    if (!request) {
      setError("time", { message: "validation.required" });
      return;
    }
    book.reset();
    bookSeries.reset();
    try {
      const count = request.series ? (await bookSeries.mutateAsync(request.input)).appointments.length : (await book.mutateAsync(request.input), 1);
      onDone();
      await onBooked(count);
    } catch (failure) {
      showFieldErrors(failure, ["count", "until"] as const, setError);
    }
  });

  if (staff.isPending) return <Loading />;
  if (staff.isError) return <QueryError error={staff.error} onRetry={() => void staff.refetch()} />;

  return (
    <form className="form subform appointment-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3>{t("appointments.book.heading")}</h3>
      <div className="field-row">
        <SelectField label={t("appointments.field.kind")} error={errors.kind?.message} {...register("kind")}>
          {APPOINTMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`appointments.kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("appointments.field.staff")} error={errors.staffUserId?.message} {...register("staffUserId")}>
          <option value="">{t("appointments.field.chooseStaff")}</option>
          {staff.data.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name} ({member.roles.map((role) => t(`roles.${role}`)).join(", ")})
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field-row">
        <TextField label={t("appointments.field.date")} type="date" error={errors.date?.message} {...register("date")} />
        <TextField label={t("appointments.field.time")} type="time" step={300} error={errors.time?.message} {...register("time")} />
        <SelectField label={t("appointments.field.duration")} error={errors.duration?.message} {...register("duration")}>
          <DurationOptions durations={DURATIONS} />
        </SelectField>
      </div>
      <div className="field-row">
        <SelectField label={t("appointments.field.mode")} error={errors.mode?.message} {...register("mode")}>
          {APPOINTMENT_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`appointments.mode.${mode}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("appointments.field.place")} autoComplete="off" error={errors.place?.message} {...register("place")} />
      </div>
      {goals.length > 0 && (
        <Controller
          control={control}
          name="goalKeys"
          render={({ field }) => (
            <CheckboxGroup
              legend={t("appointments.field.goals")}
              options={goals.map((goal) => ({ value: goal.key, label: goal.title }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.goalKeys?.message}
            />
          )}
        />
      )}
      <TextareaField
        label={t("appointments.field.notes")}
        hint={t("appointments.field.notesHint")}
        error={errors.notes?.message}
        {...register("notes")}
      />
      <SelectField label={t("appointments.field.repeat")} error={errors.repeat?.message} {...register("repeat")}>
        <option value="none">{t("appointments.repeat.none")}</option>
        {SERIES_FREQUENCIES.map((frequency) => (
          <option key={frequency} value={frequency}>
            {t(`appointments.repeat.${frequency}`)}
          </option>
        ))}
      </SelectField>
      {repeat !== "none" && (
        <div className="field-row">
          <SelectField label={t("appointments.field.repeatEnd")} {...register("repeatEnd")}>
            <option value="count">{t("appointments.repeat.endCount")}</option>
            <option value="until">{t("appointments.repeat.endUntil")}</option>
          </SelectField>
          {repeatEnd === "count" ? (
            <TextField
              label={t("appointments.field.count")}
              type="number"
              inputMode="numeric"
              min={2}
              max={52}
              error={errors.count?.message}
              {...register("count")}
            />
          ) : (
            <TextField label={t("appointments.field.until")} type="date" error={errors.until?.message} {...register("until")} />
          )}
        </div>
      )}
      <AppointmentChangeError error={error} agencyZone={agencyZone} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={t("appointments.book.submit")}
        submittingLabel={t("appointments.saving")}
        onCancel={onDone}
      />
    </form>
  );
}
