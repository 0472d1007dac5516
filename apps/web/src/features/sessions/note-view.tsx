import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RISK_CHECK_ITEMS, type ScreeningDefinition } from "@lentera/domain";
import { errorMessageKey } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { RefusedChange } from "../../ui/refused-change";
import { TextareaField } from "../../ui/textarea-field";
import { useDateFormat } from "../cases/format";
import { useOutcomeFormat } from "../outcomes/use-outcome-format";
import { sectionsOf } from "./note-form-values";
import { bandLabel, findDefinition, itemLabel, maxTotal } from "./screening-text";
import type { Addendum, ScreeningResult, SessionNote } from "./session-types";

/**
 * A note as it was written: signed (locked, with its signer and time, and its addenda) or a draft
 * someone else is still writing. Clinical readers only: the server refuses everyone else.
 */
export function NoteView({ note, definitions }: { note: SessionNote; definitions: readonly ScreeningDefinition[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const dates = useDateFormat();
  const plan = useQuery(trpc.plans.byCase.queryOptions({ caseId: note.caseId }));
  const goalTitle = (key: string) =>
    [...(plan.data?.inForce?.goals ?? []), ...(plan.data?.open?.goals ?? [])].find((goal) => goal.key === key)?.title ??
    t("sessions.view.unknownGoal");
  const answer = (value: boolean | null | undefined) =>
    value === true ? t("sessions.risk.yes") : value === false ? t("sessions.risk.no") : t("sessions.view.notAnswered");

  return (
    <div className="note-view">
      {note.status === "signed" ? (
        <p className="notice notice--success">
          {t("sessions.view.signed", {
            name: note.signedBy?.name ?? note.counselor.name,
            time: note.signedAt ? dates.dateTime(note.signedAt) : "",
          })}
        </p>
      ) : (
        <p className="notice notice--warning">{t("sessions.view.draftOfOther", { name: note.counselor.name })}</p>
      )}

      <section className="card" aria-labelledby="note-view-session-heading">
        <h2 id="note-view-session-heading">{t("sessions.note.sessionHeading")}</h2>
        <dl className="facts">
          <Fact term={t("sessions.field.date")} value={dates.date(note.sessionDate)} />
          <Fact term={t("sessions.field.duration")} value={t("sessions.view.minutes", { minutes: String(note.durationMinutes) })} />
          <Fact term={t("sessions.field.modality")} value={t(`sessions.modality.${note.modality}`)} />
          <Fact term={t("sessions.view.counselor")} value={note.counselor.name} />
          <Fact term={t("sessions.view.attendance")} value={t(`sessions.attendance.${note.attendance}`)} />
          <Fact term={t("sessions.field.format")} value={t(`sessions.format.${note.format}`)} />
        </dl>
      </section>

      <section className="card" aria-labelledby="note-view-sections-heading">
        <h2 id="note-view-sections-heading">{t("sessions.view.noteHeading")}</h2>
        {sectionsOf(note.format).map((section) => (
          <div key={section} className="note-view__section">
            <h3>{t(`sessions.section.name.${section}`)}</h3>
            {note.sections[section]?.trim() ? <p className="prewrap">{note.sections[section]}</p> : <p className="empty">–</p>}
          </div>
        ))}
        <h3>{t("sessions.field.goals")}</h3>
        {note.goalKeys.length === 0 ? (
          <p className="empty">{t("sessions.view.none")}</p>
        ) : (
          <ul className="plain-list">
            {note.goalKeys.map((key) => (
              <li key={key}>{goalTitle(key)}</li>
            ))}
          </ul>
        )}
        <h3>{t("sessions.field.interventions")}</h3>
        {note.interventions.length === 0 ? (
          <p className="empty">{t("sessions.view.none")}</p>
        ) : (
          <ul className="tag-list">
            {note.interventions.map((intervention) => (
              <li key={intervention} className="tag">
                {t(`sessions.intervention.${intervention}`)}
              </li>
            ))}
          </ul>
        )}
        <h3>{t("sessions.field.nextStep")}</h3>
        {note.nextStep ? <p className="prewrap">{note.nextStep}</p> : <p className="empty">–</p>}
      </section>

      <section className="card" aria-labelledby="note-view-risk-heading">
        <h2 id="note-view-risk-heading">{t("sessions.risk.heading")}</h2>
        <dl className="facts">
          {RISK_CHECK_ITEMS.map((item) => (
            <Fact
              key={item}
              term={t(`sessions.risk.question.${item}`)}
              value={answer(note.riskCheck.answers[item])}
              strong={note.riskCheck.answers[item] === true}
            />
          ))}
          {note.riskCheck.otherDetail && <Fact term={t("sessions.risk.otherDetail")} value={note.riskCheck.otherDetail} />}
        </dl>
      </section>

      {note.screenings.length > 0 && (
        <section className="card" aria-labelledby="note-view-screenings-heading">
          <h2 id="note-view-screenings-heading">{t("sessions.screening.heading")}</h2>
          {note.screenings.map((screening) => (
            <ScreeningResultView
              key={screening.id}
              screening={screening}
              definition={findDefinition(definitions, screening.instrumentCode, screening.instrumentVersion)}
            />
          ))}
        </section>
      )}

      {note.status === "signed" && <Addenda note={note} />}
    </div>
  );
}

function Fact({ term, value, strong = false }: { term: string; value: string; strong?: boolean }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{strong ? <strong>{value}</strong> : value}</dd>
    </div>
  );
}

function ScreeningResultView({ screening, definition }: { screening: ScreeningResult; definition: ScreeningDefinition | undefined }) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const name = definition ? format.text(definition.name) : screening.instrumentCode;
  const band = bandLabel(definition, screening.band, format.text);
  const optionLabel = (value: number) => {
    const option = definition?.options.find((candidate) => candidate.value === value);
    return option && format.text(option.label) !== String(value) ? `${value} · ${format.text(option.label)}` : String(value);
  };
  return (
    <div className="note-view__screening">
      <h3>{name}</h3>
      <p>
        {screening.total === null
          ? t("sessions.view.notScored")
          : definition
            ? t("sessions.view.total", { total: format.score(screening.total), max: format.score(maxTotal(definition)) })
            : format.score(screening.total)}
        {band !== null && ` · ${band}`}
        {screening.positive && (
          <>
            {" "}
            <span className="pill pill--positive">{t("sessions.screening.positive")}</span>
          </>
        )}
        {!screening.complete && ` · ${t("sessions.view.incomplete")}`}
      </p>
      {screening.criticalItems.length > 0 && (
        <p className="notice notice--critical">
          <strong>{t("sessions.screening.criticalTitle")}</strong>{" "}
          {screening.criticalItems.map((item) => itemLabel(definition, item, format.text)).join("; ")}
        </p>
      )}
      <details>
        <summary>{t("sessions.view.answers")}</summary>
        <dl className="assessment-detail__items">
          {(definition?.items.map((item) => item.id) ?? Object.keys(screening.answers)).map((item) => (
            <div key={item}>
              <dt>{itemLabel(definition, item, format.text)}</dt>
              <dd>{screening.answers[item] === undefined ? "–" : optionLabel(screening.answers[item])}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

/** Corrections after signing: dated, signed by their author, oldest first; the note itself never changes. */
function Addenda({ note }: { note: SessionNote }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const [adding, setAdding] = useState(false);
  const ordered = [...note.addenda].sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime());
  return (
    <section className="card" aria-labelledby="note-addenda-heading">
      <h2 id="note-addenda-heading">{t("sessions.addenda.heading")}</h2>
      {ordered.length === 0 ? (
        <p className="empty">{t("sessions.addenda.none")}</p>
      ) : (
        <ol className="addenda">
          {ordered.map((addendum: Addendum) => (
            <li key={addendum.id} className="addendum">
              <p className="addendum__meta">
                {t("sessions.addenda.by", { name: addendum.author.name, time: dates.dateTime(addendum.signedAt) })}
              </p>
              <p className="prewrap">{addendum.body}</p>
            </li>
          ))}
        </ol>
      )}
      {adding ? (
        <AddAddendumForm noteId={note.id} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          {t("sessions.addenda.open")}
        </button>
      )}
    </section>
  );
}

function AddAddendumForm({ noteId, onDone }: { noteId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const add = useMutation(trpc.sessions.addAddendum.mutationOptions());
  const [body, setBody] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  return (
    <form
      className="form subform"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim() === "") {
          setFieldError("validation.required");
          return;
        }
        setFieldError(undefined);
        add.mutate(
          { noteId, body: body.trim() },
          {
            onSuccess: () => {
              onDone();
              void queryClient.invalidateQueries(trpc.sessions.get.queryFilter({ noteId }));
            },
          },
        );
      }}
    >
      <TextareaField
        label={t("sessions.addenda.body")}
        hint={t("sessions.addenda.hint")}
        rows={5}
        maxLength={10_000}
        value={body}
        error={fieldError}
        onChange={(event) => setBody(event.target.value)}
      />
      <RefusedChange message={add.error ? t(errorMessageKey(add.error)) : null} />
      <FormActions
        submitting={add.isPending}
        submitLabel={t("sessions.addenda.submit")}
        submittingLabel={t("sessions.addenda.submitting")}
        onCancel={onDone}
      />
    </form>
  );
}
