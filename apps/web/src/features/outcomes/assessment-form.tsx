import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ASSESSMENT_TIMEPOINTS, scoreInstrument } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import type { NoticeMessage } from "../../ui/notice";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { todayIso } from "../cases/format";
import { AssessmentDomainFields } from "./assessment-domain-fields";
import { AssessmentError } from "./assessment-error";
import {
  answersFor,
  assessmentFormSchema,
  initialFormValues,
  instrumentFromKey,
  numericAnswers,
  toSaveInput,
  type AssessmentFormValues,
  type CheckedAssessmentForm,
} from "./assessment-form-values";
import { currentEditions, instrumentKey } from "./instrument-text";
import type { Assessment, Instrument } from "./outcome-types";
import { useOutcomeFormat } from "./use-outcome-format";

interface AssessmentFormProps {
  caseId: string;
  /** The draft being continued, or null for a new assessment. */
  draft: Assessment | null;
  assessments: Assessment[];
  instruments: Instrument[];
  onDone: (notice: NoticeMessage | null) => void;
}

/**
 * Enter an assessment: instrument, timepoint and date, then every item, scored as you go. "Save
 * draft" keeps it to finish later; "Complete" saves it whole and completes it, which is final.
 */
export function AssessmentForm({ caseId, draft, assessments, instruments, onDone }: AssessmentFormProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useOutcomeFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reasonId = useId();
  const [today] = useState(todayIso);
  const [saved, setSaved] = useState(draft ? { id: draft.id, version: draft.version } : null);
  const [error, setError] = useState<unknown>(null);
  const save = useMutation(trpc.outcomes.save.mutationOptions());
  const complete = useMutation(trpc.outcomes.complete.mutationOptions());

  const {
    register,
    control,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<AssessmentFormValues, unknown, CheckedAssessmentForm>({
    resolver: zodResolver(assessmentFormSchema(today)),
    defaultValues: initialFormValues(draft, instruments, assessments, today),
  });
  const instrumentValue = useWatch({ control, name: "instrument" });
  const answerValues = useWatch({ control, name: "answers" });
  const definition = instrumentFromKey(instruments, instrumentValue);
  const score = useMemo(
    () => (definition ? scoreInstrument(definition, answersFor(definition, numericAnswers(answerValues))) : null),
    [definition, answerValues],
  );
  const missing = score ? score.domains.reduce((total, domain) => total + domain.items - domain.answered, 0) : 0;
  const editions = currentEditions(instruments);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.outcomes.byCase.queryFilter({ caseId })),
      // The plan names the at-risk domains of the latest completed assessment.
      queryClient.invalidateQueries(trpc.plans.byCase.queryFilter({ caseId })),
      queryClient.invalidateQueries(trpc.cases.history.queryFilter({ caseId })),
    ]);

  const submit = (intent: "draft" | "complete") =>
    handleSubmit(async (values) => {
      if (!definition) return;
      setError(null);
      try {
        const current = await save.mutateAsync(toSaveInput(caseId, saved, definition, values));
        setSaved({ id: current.id, version: current.version });
        if (intent === "complete") {
          await complete.mutateAsync({ assessmentId: current.id, version: current.version });
        }
        await refresh();
        onDone({ kind: "success", key: intent === "complete" ? "outcomes.notice.completed" : "outcomes.notice.saved" });
      } catch (caught) {
        setError(caught);
      }
    });

  const reload = () => {
    void refresh();
    onDone(null);
  };

  return (
    <form className="form subform assessment-form" noValidate onSubmit={(event) => void submit("draft")(event)}>
      <h3 ref={headingRef} tabIndex={-1}>
        {draft ? t("outcomes.form.continueHeading") : t("outcomes.form.heading")}
      </h3>
      <div className="field-row">
        {/* Fixed for a draft (its answers belong to it); nothing to choose when there is one. */}
        {draft || editions.length === 1 ? (
          <p className="field">
            <span className="field__label">{t("outcomes.form.instrument")}</span>
            <span>{definition ? format.text(definition.name) : instrumentValue}</span>
          </p>
        ) : (
          <SelectField
            label={t("outcomes.form.instrument")}
            error={errors.instrument?.message}
            {...register("instrument", { onChange: () => setValue("answers", {}) })}
          >
            {editions.map((edition) => (
              <option key={instrumentKey(edition)} value={instrumentKey(edition)}>
                {format.text(edition.name)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t("outcomes.form.timepoint")} error={errors.timepoint?.message} {...register("timepoint")}>
          <option value="">{t("outcomes.form.choose")}</option>
          {ASSESSMENT_TIMEPOINTS.map((timepoint) => (
            <option key={timepoint} value={timepoint}>
              {t(`outcomes.timepoint.${timepoint}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("outcomes.form.assessedOn")}
          type="date"
          max={today}
          error={errors.assessedOn?.message}
          {...register("assessedOn")}
        />
      </div>
      {definition ? (
        <>
          {definition.description && <p className="field__hint">{format.text(definition.description)}</p>}
          {definition.domains.map((domain) => (
            <AssessmentDomainFields
              key={domain.id}
              definition={definition}
              domain={domain}
              score={score?.domains.find((candidate) => candidate.domain === domain.id)}
              register={register}
              disabled={isSubmitting}
            />
          ))}
        </>
      ) : (
        <p className="notice notice--error">{t("outcomes.form.unknownInstrument")}</p>
      )}
      <TextareaField label={t("outcomes.form.note")} error={errors.note?.message} {...register("note")} />
      <AssessmentError error={error} onReload={reload} />
      <p id={reasonId} className="assessment-form__progress">
        {missing > 0
          ? t("outcomes.form.completeNeeds", { missing: String(missing) })
          : t("outcomes.form.allAnswered")}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={isSubmitting || !score?.complete}
          aria-describedby={reasonId}
          onClick={(event) => void submit("complete")(event)}
        >
          {isSubmitting && complete.isPending ? t("outcomes.form.completing") : t("outcomes.form.complete")}
        </button>
        <button type="submit" className="button button--secondary" disabled={isSubmitting || !definition}>
          {isSubmitting && !complete.isPending ? t("outcomes.form.saving") : t("outcomes.form.saveDraft")}
        </button>
        <button type="button" className="button button--quiet" disabled={isSubmitting} onClick={() => onDone(null)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
