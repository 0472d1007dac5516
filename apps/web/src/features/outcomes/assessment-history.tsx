import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDateFormat } from "../cases/format";
import { AssessmentDetail } from "./assessment-detail";
import { findInstrument } from "./instrument-text";
import type { Assessment, Instrument } from "./outcome-types";
import { useOutcomeFormat } from "./use-outcome-format";

interface AssessmentHistoryProps {
  assessments: Assessment[];
  instruments: Instrument[];
  canContinue: boolean;
  onContinue: (draft: Assessment) => void;
}

/** Every assessment of the case, newest first; each opens read-only, a draft can be continued. */
export function AssessmentHistory({ assessments, instruments, canContinue, onContinue }: AssessmentHistoryProps) {
  const { t } = useTranslation();
  if (assessments.length === 0) return null;
  const newestFirst = [...assessments].reverse();
  return (
    <div className="outcome-history">
      <h3>{t("outcomes.history.heading")}</h3>
      <ul className="consent-list">
        {newestFirst.map((assessment) => (
          <HistoryItem
            key={assessment.id}
            assessment={assessment}
            definition={findInstrument(instruments, assessment.instrumentCode, assessment.instrumentVersion)}
            canContinue={canContinue}
            onContinue={onContinue}
          />
        ))}
      </ul>
    </div>
  );
}

function HistoryItem({
  assessment,
  definition,
  canContinue,
  onContinue,
}: {
  assessment: Assessment;
  definition: Instrument | undefined;
  canContinue: boolean;
  onContinue: (draft: Assessment) => void;
}) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const format = useOutcomeFormat();
  const [open, setOpen] = useState(false);
  const draft = assessment.status === "draft";
  const title = `${dates.date(assessment.assessedOn)} · ${t(`outcomes.timepoint.${assessment.timepoint}`)}`;
  const detailId = `assessment-${assessment.id}`;

  return (
    <li className="consent">
      <p className="consent__title">
        <strong>{title}</strong>{" "}
        <span className={`pill pill--assessment-${assessment.status}`}>{t(`outcomes.status.${assessment.status}`)}</span>
      </p>
      <p className="case-card__meta">
        {definition ? format.text(definition.name) : `${assessment.instrumentCode} ${assessment.instrumentVersion}`}
        {" · "}
        {t("outcomes.history.by", { name: assessment.assessedBy.name })}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={open}
          aria-controls={detailId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? t("outcomes.history.hide") : t("outcomes.history.view")}
          <span className="visually-hidden"> {title}</span>
        </button>
        {draft && canContinue && (
          <button type="button" className="button button--secondary" onClick={() => onContinue(assessment)}>
            {t("outcomes.history.continue")}
            <span className="visually-hidden"> {title}</span>
          </button>
        )}
      </div>
      <div id={detailId} hidden={!open}>
        {open && <AssessmentDetail assessment={assessment} definition={definition} />}
      </div>
    </li>
  );
}
