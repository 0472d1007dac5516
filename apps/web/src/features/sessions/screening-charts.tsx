import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import type { ScreeningDefinition } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { useDateFormat } from "../cases/format";
import { useOutcomeFormat } from "../outcomes/use-outcome-format";
import { bandLabel, findDefinition, maxTotal } from "./screening-text";
import type { ScreeningHistory } from "./session-types";

// recharts is large: it comes with this chunk only when a case has totals to draw.
const ScreeningLineChart = lazy(() => import("./screening-line-chart"));

/**
 * Each screening instrument's totals over time, with the positive-screen threshold as a line.
 * The drawing is hidden from screen readers; the table under it says the same, for everyone.
 * Only for clinical readers (the server refuses anyone else).
 */
export function ScreeningCharts({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.sessions.screeningHistory.queryOptions({ caseId }));
  const instruments = useQuery(trpc.sessions.instruments.queryOptions());

  if (history.isPending || instruments.isPending) return <Loading />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (instruments.isError) return <QueryError error={instruments.error} onRetry={() => void instruments.refetch()} />;
  const series = history.data.filter((entry) => entry.points.length > 0);
  if (series.length === 0) return null;
  return (
    <div className="screening-charts">
      <h3>{t("sessions.chart.heading")}</h3>
      {series.map((entry) => (
        <ScreeningChart key={entry.instrumentCode} entry={entry} definition={findDefinition(instruments.data, entry.instrumentCode)} />
      ))}
    </div>
  );
}

function ScreeningChart({ entry, definition }: { entry: ScreeningHistory[number]; definition: ScreeningDefinition | undefined }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const format = useOutcomeFormat();
  const name = definition ? format.text(definition.name) : entry.instrumentCode;
  const points = [...entry.points].sort((a, b) => (a.sessionDate < b.sessionDate ? -1 : a.sessionDate > b.sessionDate ? 1 : 0));
  return (
    <figure className="screening-chart">
      <figcaption>
        <h4>{name}</h4>
        {definition && <p className="case-card__meta">{t("sessions.chart.threshold", { value: format.score(definition.positiveAtOrAbove) })}</p>}
      </figcaption>
      {/* One total is a point, not a change: the table says it all. */}
      {points.length > 1 && (
        <Suspense fallback={<p className="outcome-chart__placeholder">{t("common.loading")}</p>}>
          <ScreeningLineChart
            points={points.map((point) => ({ key: point.noteId, label: dates.date(point.sessionDate), total: point.total }))}
            range={definition ? [0, maxTotal(definition)] : null}
            threshold={definition?.positiveAtOrAbove ?? null}
            thresholdLabel={t("sessions.chart.positiveLine")}
            totalLabel={t("sessions.chart.total")}
          />
        </Suspense>
      )}
      <details className="outcome-chart__table" open={points.length === 1 ? true : undefined}>
        <summary>{t("sessions.chart.asTable")}</summary>
        <div className="table-wrap">
          {/* Named by aria-label rather than a visually hidden caption, which widens a table on a narrow screen. */}
          <table className="data-table" aria-label={t("sessions.chart.caption", { instrument: name })}>
            <thead>
              <tr>
                <th scope="col">{t("sessions.chart.date")}</th>
                <th scope="col" className="cell--number">
                  {t("sessions.chart.total")}
                </th>
                <th scope="col">{t("sessions.chart.band")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.noteId}>
                  <th scope="row" className="cell--nowrap">
                    {dates.date(point.sessionDate)}
                  </th>
                  <td className="cell--number">{format.score(point.total)}</td>
                  <td>
                    {bandLabel(definition, point.band, format.text) ?? "–"}
                    {point.positive && <span className="pill pill--positive">{t("sessions.screening.positive")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
