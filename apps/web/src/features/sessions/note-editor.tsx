import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  COUNSELING_INTERVENTIONS,
  NOTE_FORMATS,
  OPEN_GOAL_STATUSES,
  SESSION_MODALITIES,
  MAX_SESSION_MINUTES,
  type NoteFormat,
  type ScreeningDefinition,
} from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { QueryError } from "../../ui/query-error";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { clearLocalDraft, readLocalDraft, shouldRestore } from "./local-draft";
import { NoteActions } from "./note-actions";
import {
  mergeStoredValues,
  noteFieldErrors,
  noteToFormValues,
  sameNote,
  sectionsOf,
  switchFormat,
  toSaveInput,
  tooLongSections,
  type NoteFormValues,
} from "./note-form-values";
import { RiskCheckFields } from "./risk-check-fields";
import { SaveStatus } from "./save-status";
import { ScreeningsFields } from "./screening-fields";
import type { SessionNote } from "./session-types";
import { useNoteAutosave } from "./use-note-autosave";

interface NoteEditorProps {
  note: SessionNote;
  definitions: readonly ScreeningDefinition[];
  /** Fetch the server's copy again and start the form over (after a conflict). */
  onReload: () => Promise<void>;
  onDiscarded: () => void;
}

/** Where the form starts: the server's copy, or this device's newer unsaved edits of it. */
function startingValues(note: SessionNote, userId: string): { values: NoteFormValues; restoredAt: Date | null } {
  const server = noteToFormValues(note);
  const local = readLocalDraft(note.id, userId);
  if (!local) return { values: server, restoredAt: null };
  const values = mergeStoredValues(server, local.values);
  if (shouldRestore(local, note, !sameNote(values, server))) return { values, restoredAt: new Date(local.editedAt) };
  clearLocalDraft(note.id);
  return { values: server, restoredAt: null };
}

/**
 * The counselor's draft, saved as they type (see useNoteAutosave). Signing locks it; until then
 * its author may change anything or discard it.
 */
export function NoteEditor({ note, definitions, onReload, onDiscarded }: NoteEditorProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  // The agency's today, as the server judges "future" dates; the device's own date may differ.
  const today = note.agencyToday;
  const [start] = useState(() => startingValues(note, user.id));
  const [flagRaised, setFlagRaised] = useState(false);
  // "always": offline, a save fails at once (and is retried by the autosave, the text kept on this
  // device) instead of waiting silently in the query client's queue.
  const save = useMutation({ ...trpc.sessions.save.mutationOptions(), networkMode: "always" });
  const plan = useQuery(trpc.plans.byCase.queryOptions({ caseId: note.caseId }));
  const { register, control, getValues, setValue, setError, clearErrors, watch, formState } = useForm<NoteFormValues>({
    defaultValues: start.values,
  });
  const { errors } = formState;
  const format = useWatch({ control, name: "format" });
  const [pendingFormat, setPendingFormat] = useState<{ to: NoteFormat; dropped: string[] } | null>(null);
  const formatSelect = useRef<HTMLSelectElement>(null);

  const check = useCallback(
    (values: NoteFormValues) => {
      const fieldErrors = noteFieldErrors(values, today);
      for (const field of ["sessionDate", "durationMinutes"] as const) {
        const message = fieldErrors[field];
        if (message) setError(field, { message });
        else clearErrors(field);
      }
      const long = tooLongSections(values);
      for (const section of sectionsOf(values.format)) {
        if (long.includes(section)) setError(`sections.${section}`, { message: "validation.tooLong" });
        else clearErrors(`sections.${section}`);
      }
      return Object.keys(fieldErrors).length === 0 && long.length === 0;
    },
    [today, setError, clearErrors],
  );

  const autosave = useNoteAutosave({
    noteId: note.id,
    userId: user.id,
    initialVersion: note.version,
    read: getValues,
    check,
    send: async (values, version) => {
      const saved = await save.mutateAsync(toSaveInput(note.id, version, values, definitions));
      return { version: saved.version, flagRaised: saved.flagRaised };
    },
    onSaved: (outcome) => {
      if (outcome.flagRaised) {
        setFlagRaised(true);
        void queryClient.invalidateQueries(trpc.supervision.pathFilter());
        void queryClient.invalidateQueries(trpc.notifications.pathFilter());
      }
    },
  });
  const { changed } = autosave;

  useEffect(() => {
    const subscription = watch(() => changed());
    return () => subscription.unsubscribe();
  }, [watch, changed]);

  // Edits restored from this device go to the server at once.
  useEffect(() => {
    if (start.restoredAt) changed();
  }, [start.restoredAt, changed]);

  // Leaving the page: the case page lists this session with its new date and duration.
  useEffect(
    () => () => {
      void queryClient.invalidateQueries(trpc.sessions.byCase.queryFilter({ caseId: note.caseId }));
    },
    [queryClient, trpc, note.caseId],
  );

  const chooseFormat = (to: NoteFormat) => {
    if (to === getValues("format")) return;
    const result = switchFormat(getValues("sections"), to);
    if (result.dropped.length > 0) {
      setPendingFormat({ to, dropped: result.dropped });
      return;
    }
    applyFormat(to);
  };
  const applyFormat = (to: NoteFormat) => {
    setValue("sections", switchFormat(getValues("sections"), to).sections);
    setValue("format", to);
    setPendingFormat(null);
  };

  const goals = (plan.data?.inForce?.goals ?? []).filter(
    (goal) => (OPEN_GOAL_STATUSES as readonly string[]).includes(goal.status) || start.values.goalKeys.includes(goal.key),
  );
  const restoredTime = start.restoredAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(start.restoredAt)
    : null;

  return (
    <form
      className="form note-form"
      noValidate
      onSubmit={(event) => event.preventDefault()}
      // A field left: save now rather than after the quiet moment.
      onBlur={() => void autosave.flush()}
    >
      <SaveStatus status={autosave.status} onReload={onReload} />
      {restoredTime && <p className="notice">{t("sessions.note.restored", { time: restoredTime })}</p>}
      <div role="status" className="notice-region">
        {flagRaised && (
          <div className="notice notice--warning">
            <p>{t("sessions.note.flagRaised")}</p>
          </div>
        )}
      </div>

      <section className="note-form__block" aria-labelledby="note-session-heading">
        <h2 id="note-session-heading">{t("sessions.note.sessionHeading")}</h2>
        <div className="field-row">
          <TextField label={t("sessions.field.date")} type="date" max={today} error={errors.sessionDate?.message} {...register("sessionDate")} />
          <TextField
            label={t("sessions.field.duration")}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_SESSION_MINUTES}
            step={1}
            className="field--short"
            error={errors.durationMinutes?.message}
            {...register("durationMinutes")}
          />
          <SelectField label={t("sessions.field.modality")} {...register("modality")}>
            {SESSION_MODALITIES.map((modality) => (
              <option key={modality} value={modality}>
                {t(`sessions.modality.${modality}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <SelectField
          ref={formatSelect}
          label={t("sessions.field.format")}
          hint={t("sessions.field.formatHint")}
          value={format}
          onChange={(event) => chooseFormat(event.target.value as NoteFormat)}
        >
          {NOTE_FORMATS.map((option) => (
            <option key={option} value={option}>
              {t(`sessions.format.${option}`)}
            </option>
          ))}
        </SelectField>
        {pendingFormat && (
          <div className="confirm confirm--wide" role="alert">
            <p>
              {t("sessions.note.formatDrops", {
                format: t(`sessions.formatShort.${pendingFormat.to}`),
                sections: pendingFormat.dropped.map((section) => t(`sessions.section.name.${section}`)).join(", "),
              })}
            </p>
            <div className="button-row">
              <button type="button" className="button button--danger" onClick={() => applyFormat(pendingFormat.to)}>
                {t("sessions.note.formatSwitch")}
              </button>
              <button
                type="button"
                className="button button--quiet"
                autoFocus
                onClick={() => {
                  setPendingFormat(null);
                  formatSelect.current?.focus();
                }}
              >
                {t("sessions.note.formatKeep", { format: t(`sessions.formatShort.${format}`) })}
              </button>
            </div>
          </div>
        )}
      </section>

      {/* Not a named region: its name (the format, "DAP: Data, Assessment, Plan") would compete with the section fields' own labels. */}
      <section className="note-form__block">
        <h2>{t(`sessions.format.${format}`)}</h2>
        {sectionsOf(format).map((section) => (
          <TextareaField
            key={section}
            label={t(`sessions.section.name.${section}`)}
            hint={t(`sessions.section.hint.${section}`)}
            rows={section === "note" ? 10 : 5}
            error={errors.sections?.[section]?.message}
            {...register(`sections.${section}`)}
          />
        ))}
      </section>

      <section className="note-form__block" aria-labelledby="note-work-heading">
        <h2 id="note-work-heading">{t("sessions.note.workHeading")}</h2>
        {plan.isError ? (
          <QueryError error={plan.error} onRetry={() => void plan.refetch()} />
        ) : goals.length > 0 ? (
          <Controller
            control={control}
            name="goalKeys"
            render={({ field }) => (
              <CheckboxGroup
                legend={t("sessions.field.goals")}
                options={goals.map((goal) => ({ value: goal.key, label: goal.title }))}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            )}
          />
        ) : (
          !plan.isPending && <p className="empty">{t("sessions.field.noGoals")}</p>
        )}
        <Controller
          control={control}
          name="interventions"
          render={({ field }) => (
            <CheckboxGroup
              legend={t("sessions.field.interventions")}
              options={COUNSELING_INTERVENTIONS.map((intervention) => ({ value: intervention, label: t(`sessions.intervention.${intervention}`) }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
        <TextField label={t("sessions.field.nextStep")} maxLength={1000} autoComplete="off" {...register("nextStep")} />
      </section>

      <RiskCheckFields control={control} register={register} errors={errors} />
      <ScreeningsFields control={control} register={register} definitions={definitions} />
      <NoteActions note={note} definitions={definitions} autosave={autosave} read={getValues} onDiscarded={onDiscarded} onReload={onReload} />
    </form>
  );
}
