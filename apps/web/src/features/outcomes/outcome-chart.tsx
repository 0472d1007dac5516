import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useDateFormat } from "../cases/format";
import { domainLabel, findInstrument } from "./instrument-text";
import { scoreRange, scoreSeries } from "./outcome-summary";
import type { Assessment, Instrument } from "./outcome-types";
import { useOutcomeFormat } from "./use-outcome-format";

// recharts is large: it loads with this chunk only when a case has scores to draw.
const OutcomeLineChart = lazy(() => import("./outcome-line-chart"));

/**
 * Each domain's score over time for the instrument of the latest completed assessment. The drawing
 * is hidden from screen readers; the table below it says the same and is there for everyone.
 */
export function OutcomeChart({ assessments, instruments }: { assessments: Assessment[]; instruments: Instrument[] }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const format = useOutcomeFormat();
  const latest = assessments.filter((assessment) => assessment.status === "completed").at(-1);
  if (!latest) return null;
  const points = scoreSeries(assessments, latest.instrumentCode);
  // One assessment is a point, not a change: the summary above says it all.
  if (points.length < 2) return null;
  const definition = findInstrument(instruments, latest.instrumentCode, latest.instrumentVersion);
  const domains = latest.scores.map((score) => ({ id: score.domain, label: domainLabel(definition, score.domain, format.locale) }));

  return (
    <figure className="outcome-chart">
      <figcaption>
        <h3>{t("outcomes.chart.heading")}</h3>
        {definition && <p className="case-card__meta">{format.text(definition.name)}</p>}
      </figcaption>
      <Suspense fallback={<p className="outcome-chart__placeholder">{t("common.loading")}</p>}>
        <OutcomeLineChart
          points={points.map((point) => ({ ...point, label: dates.date(point.assessedOn) }))}
          domains={domains}
          range={definition ? scoreRange(definition) : null}
          atRiskAtOrBelow={definition?.atRiskAtOrBelow ?? null}
          atRiskLabel={t("outcomes.atRisk")}
          formatScore={format.score}
        />
      </Suspense>
      <details className="outcome-chart__table">
        <summary>{t("outcomes.chart.asTable")}</summary>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t("outcomes.chart.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outcomes.chart.domain")}</th>
                {points.map((point) => (
                  <th key={point.assessmentId} scope="col" className="cell--number cell--nowrap">
                    {dates.date(point.assessedOn)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {domains.map((domain) => (
                <tr key={domain.id}>
                  <th scope="row">{domain.label}</th>
                  {points.map((point) => (
                    <td key={point.assessmentId} className="cell--number">
                      {format.score(point.scores[domain.id])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
