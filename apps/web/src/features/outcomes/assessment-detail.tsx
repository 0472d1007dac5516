import { useTranslation } from "react-i18next";
import { domainLabel } from "./instrument-text";
import { AtRiskMark } from "./outcome-marks";
import type { Assessment, Instrument } from "./outcome-types";
import { useOutcomeFormat } from "./use-outcome-format";

/** One assessment, read-only: each domain's score and the answer given to each of its items. */
export function AssessmentDetail({ assessment, definition }: { assessment: Assessment; definition: Instrument | undefined }) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();

  const answerText = (value: number | undefined) => {
    if (value === undefined) return t("outcomes.detail.notAnswered");
    const option = definition?.scale.find((candidate) => candidate.value === value);
    return option ? t("outcomes.detail.answer", { value: String(value), label: format.text(option.label) }) : String(value);
  };

  return (
    <div className="assessment-detail">
      {assessment.scores.map((score) => {
        const domain = definition?.domains.find((candidate) => candidate.id === score.domain);
        return (
          <div key={score.domain} className="assessment-detail__domain">
            <h4 className="outcome-domain__title">
              <span>{domainLabel(definition, score.domain, format.locale)}</span>
              {score.atRisk === true && (
                <>
                  {" "}
                  <AtRiskMark />
                </>
              )}{" "}
              <span className="outcome-domain__score">{t("outcomes.summary.score", { score: format.score(score.score) })}</span>
            </h4>
            {domain && (
              <dl className="assessment-detail__items">
                {domain.items.map((item) => (
                  <div key={item.id}>
                    <dt>{format.text(item.label)}</dt>
                    <dd>{answerText(assessment.answers[item.id])}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
        );
      })}
      {assessment.note && (
        <p className="prewrap">{t("outcomes.detail.note", { note: assessment.note })}</p>
      )}
    </div>
  );
}
