import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFieldArray, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { scoreScreening, type ScreeningDefinition } from "@lentera/domain";
import { useOutcomeFormat } from "../outcomes/use-outcome-format";
import { screeningAnswers, type NoteFormValues } from "./note-form-values";
import { bandLabel, findDefinition, maxTotal } from "./screening-text";

/** At most this many instruments in one note (the API's limit). */
const MAX_SCREENINGS = 5;

interface ScreeningsProps {
  control: Control<NoteFormValues>;
  register: UseFormRegister<NoteFormValues>;
  definitions: readonly ScreeningDefinition[];
}

/**
 * The screenings given in the session: "Add PHQ-A / CRIES-8 / Distress", then each instrument item
 * by item, scored as you go.
 */
export function ScreeningsFields({ control, register, definitions }: ScreeningsProps) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const { fields, append, remove } = useFieldArray({ control, name: "screenings" });
  const used = new Set(fields.map((field) => field.instrumentCode));
  const available = latestEditions(definitions).filter((definition) => !used.has(definition.code));

  return (
    <section className="note-form__block" aria-labelledby="note-screenings-heading">
      <h2 id="note-screenings-heading">{t("sessions.screening.heading")}</h2>
      {fields.length === 0 && <p className="empty">{t("sessions.screening.none")}</p>}
      {fields.map((field, index) => {
        const definition = findDefinition(definitions, field.instrumentCode, field.instrumentVersion);
        return definition ? (
          <ScreeningFields
            key={field.id}
            index={index}
            definition={definition}
            control={control}
            register={register}
            onRemove={() => remove(index)}
          />
        ) : (
          <p key={field.id} className="notice notice--error">
            {t("sessions.screening.unknown", { code: field.instrumentCode })}
          </p>
        );
      })}
      {available.length > 0 && fields.length < MAX_SCREENINGS && (
        <div className="button-row">
          {available.map((definition) => (
            <button
              key={definition.code}
              type="button"
              className="button button--secondary"
              onClick={() => append({ instrumentCode: definition.code, instrumentVersion: definition.version, answers: {} })}
            >
              {t("sessions.screening.add", { name: shortName(format.text(definition.name)) })}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

/** "PHQ-A: depression screening…" → "PHQ-A" for a button; names without a colon stay whole. */
function shortName(name: string): string {
  const colon = name.indexOf(":");
  return colon > 0 ? name.slice(0, colon) : name;
}

function latestEditions(definitions: readonly ScreeningDefinition[]): ScreeningDefinition[] {
  const newest = new Map<string, ScreeningDefinition>();
  for (const definition of definitions) {
    const seen = newest.get(definition.code);
    if (!seen || definition.version > seen.version) newest.set(definition.code, definition);
  }
  return [...newest.values()];
}

interface ScreeningFieldsProps {
  index: number;
  definition: ScreeningDefinition;
  control: Control<NoteFormValues>;
  register: UseFormRegister<NoteFormValues>;
  onRemove: () => void;
}

/**
 * One instrument: its instructions, each item a group of radio buttons with the instrument's own
 * answers, and the running total, band and positive screen, worked out by the same function the
 * server uses. A critical answer (PHQ-A item 9 above "Not at all") is announced at once.
 */
function ScreeningFields({ index, definition, control, register, onRemove }: ScreeningFieldsProps) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const answers = useWatch({ control, name: `screenings.${index}.answers` });
  const score = scoreScreening(
    definition,
    screeningAnswers(definition, { instrumentCode: definition.code, instrumentVersion: definition.version, answers: answers ?? {} }),
  );
  const name = format.text(definition.name);
  const band = bandLabel(definition, score.band, format.text);
  const critical = new Set(score.criticalItems);
  const headingId = `screening-${definition.code}-heading`;

  return (
    <section className={score.criticalItems.length > 0 ? "screening screening--critical" : "screening"} aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      {!definition.translationsValidated && format.locale !== "en" && (
        <p className="notice notice--warning">{t("sessions.screening.unvalidated")}</p>
      )}
      <p className="screening__instructions">{format.text(definition.instructions)}</p>
      {definition.items.map((item, position) => (
        <Fragment key={item.id}>
          <fieldset className={critical.has(item.id) ? "assessment-item assessment-item--critical" : "assessment-item"}>
            <legend>
              {position + 1}. {format.text(item.label)}
            </legend>
            <div className="assessment-item__options">
              {definition.options.map((option) => (
                <label key={option.value} className="assessment-option">
                  <input type="radio" value={String(option.value)} {...register(`screenings.${index}.answers.${item.id}`)} />
                  <span>
                    <span className="assessment-option__value">{option.value}</span>
                    {format.text(option.label) !== String(option.value) && <> {format.text(option.label)}</>}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {item.criticalAtOrAbove !== undefined && (
            <div role="alert" className="notice-region">
              {critical.has(item.id) && (
                <div className="notice notice--critical">
                  <p>
                    <strong>{t("sessions.screening.criticalTitle")}</strong> {t("sessions.screening.critical", { item: `${position + 1}` })}
                  </p>
                </div>
              )}
            </div>
          )}
        </Fragment>
      ))}
      <p className="screening__score" aria-live="polite">
        {t("sessions.screening.total", {
          total: format.score(score.total),
          max: format.score(maxTotal(definition)),
          answered: String(score.answered),
          items: String(score.items),
        })}
        {band !== null && ` · ${band}`}
        {score.positive && (
          <>
            {" "}
            <span className="pill pill--positive">{t("sessions.screening.positive")}</span>
          </>
        )}
      </p>
      {!score.complete && <p className="field__hint">{t("sessions.screening.incomplete")}</p>}
      <details className="screening__source">
        <summary>{t("sessions.screening.sourceHeading")}</summary>
        <p>{definition.source}</p>
        <p>
          <strong>{t("sessions.screening.terms")}</strong> {definition.termsOfUse}
        </p>
      </details>
      {confirmingRemove ? (
        <div className="confirm">
          <p>{t("sessions.screening.confirmRemove", { name })}</p>
          <div className="button-row">
            <button type="button" className="button button--danger" autoFocus onClick={onRemove}>
              {t("sessions.screening.remove")}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirmingRemove(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => (score.answered > 0 ? setConfirmingRemove(true) : onRemove())}
        >
          {t("sessions.screening.removeNamed", { name: shortName(name) })}
        </button>
      )}
    </section>
  );
}
