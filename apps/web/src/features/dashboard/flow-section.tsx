import { useTranslation } from "react-i18next";
import type { Dashboard, DashboardFilter } from "@lentera/domain";
import { ChartFigure } from "./chart-figure";
import { MONTH_LOOK } from "./chart-series";
import { useDashboardFormat } from "./dashboard-format";
import { columnTotals, monthRows } from "./dashboard-rows";
import { DashboardSection } from "./dashboard-section";
import { CountLink, FigureTable } from "./figure-table";
import { listHref } from "./filter-url";
import { StatTile, StatTiles } from "./stat-tile";

const MONTH_SERIES = ["opened", "closed"] as const;

/** Cases opened and closed per month of the period, and how long new cases wait for help. */
export function FlowSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const rows = monthRows(dashboard);
  const totals = columnTotals(rows, MONTH_SERIES);
  const waits = [
    { list: "first_session", figure: dashboard.timeToFirstSession, label: t("dashboard.timing.firstSession") },
    { list: "plan_approval", figure: dashboard.timeToPlanApproval, label: t("dashboard.timing.planApproval") },
  ] as const;
  return (
    <DashboardSection id="dashboard-flow" title={t("dashboard.monthly.heading")} hint={t("dashboard.monthly.hint")}>
      <ChartFigure
        rows={rows.map((row) => ({ key: row.key, label: format.monthShort(row.month), values: row.values }))}
        series={MONTH_SERIES.map((series) => ({ id: series, label: t(`dashboard.monthly.${series}`), ...MONTH_LOOK[series] }))}
        stacked={false}
        axisLabel={t("dashboard.chart.cases")}
      />
      <FigureTable
        caption={t("dashboard.monthly.caption")}
        rowHeader={t("dashboard.column.month")}
        rows={rows}
        rowKey={(row) => row.key}
        rowLabel={(row) => format.month(row.month)}
        columns={MONTH_SERIES.map((series) => ({
          key: series,
          header: t(`dashboard.monthly.${series}`),
          cell: (row: (typeof rows)[number]) => <CountLink value={row.values[series]} to={listHref(series, filter, { month: row.month })} />,
        }))}
        footer={{
          label: t("dashboard.monthly.wholePeriod"),
          cells: MONTH_SERIES.map((series) => <CountLink key={series} value={totals[series]} to={listHref(series, filter)} />),
        }}
      />
      <h3 className="dashboard-subheading">{t("dashboard.timing.heading")}</h3>
      <StatTiles>
        {waits.map(({ list, figure, label }) => (
          <StatTile
            key={list}
            to={listHref(list, filter)}
            value={figure.medianDays === null ? t("dashboard.timing.noneYet") : t("dashboard.timing.days", { days: format.days(figure.medianDays) })}
            label={label}
            detail={t("dashboard.timing.reached", { reached: format.count(figure.reached), cases: format.count(figure.cases) })}
          />
        ))}
      </StatTiles>
    </DashboardSection>
  );
}
