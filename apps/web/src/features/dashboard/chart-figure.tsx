import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { DrawnSeries } from "./bar-chart-drawing";
import { chartSlice, type ChartRow } from "./dashboard-rows";
import { useDashboardFormat } from "./dashboard-format";

// recharts comes in its own chunk: the tables (and their links) show while it downloads.
const BarChartDrawing = lazy(() => import("./bar-chart-drawing"));

/** More bars than this would make a phone scroll for long: the table below has every row. */
const MAX_BARS = 15;

interface ChartFigureProps<K extends string> {
  rows: readonly ChartRow<K>[];
  series: readonly DrawnSeries<K>[];
  stacked: boolean;
  axisLabel: string;
}

/** A chart of the rows its table lists. Drawn for sighted readers only; the table is the accessible version. */
export function ChartFigure<K extends string>({ rows, series, stacked, axisLabel }: ChartFigureProps<K>) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const shown = chartSlice(rows, MAX_BARS);
  if (shown.rows.length === 0) return null;
  return (
    <div className="dashboard-chart">
      <Suspense fallback={<p className="dashboard-chart__placeholder">{t("common.loading")}</p>}>
        <BarChartDrawing
          rows={shown.rows}
          series={series}
          stacked={stacked}
          axisLabel={axisLabel}
          formatNumber={format.count}
        />
      </Suspense>
      {shown.truncated && <p className="field__hint">{t("dashboard.chart.firstRows", { number: format.count(MAX_BARS) })}</p>}
    </div>
  );
}
