import { useTranslation } from "react-i18next";
import type { Dashboard, DashboardFilter } from "@lentera/domain";
import { ChartFigure } from "./chart-figure";
import { MILESTONE_LOOK } from "./chart-series";
import { useDashboardFormat } from "./dashboard-format";
import { columnTotals, MILESTONE_COLUMNS, milestoneRows } from "./dashboard-rows";
import { DashboardSection } from "./dashboard-section";
import { CountLink, FigureTable } from "./figure-table";
import { listHref } from "./filter-url";

/** Reintegration milestones per domain by status; attainment is the achieved share. */
export function MilestonesSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const rows = milestoneRows(dashboard);
  const totals = columnTotals(rows, MILESTONE_COLUMNS);
  const all = rows.reduce((sum, row) => sum + row.total, 0);
  const attainment = (achieved: number, total: number) => (total > 0 ? format.percent(achieved / total) : "–");
  const domainName = (row: (typeof rows)[number]) => t(`milestones.domain.${row.domain}`);
  return (
    <DashboardSection id="dashboard-milestones" title={t("dashboard.milestones.heading")} hint={t("dashboard.milestones.hint")}>
      {rows.length === 0 ? (
        <p className="empty">{t("dashboard.milestones.empty")}</p>
      ) : (
        <>
          <ChartFigure
            rows={rows.map((row) => ({ key: row.domain, label: domainName(row), values: row.values }))}
            series={MILESTONE_COLUMNS.map((status) => ({ id: status, label: t(`milestones.status.${status}`), ...MILESTONE_LOOK[status] }))}
            stacked
            axisLabel={t("dashboard.chart.milestones")}
          />
          <FigureTable
            caption={t("dashboard.milestones.caption")}
            rowHeader={t("dashboard.column.domain")}
            rows={rows}
            rowKey={(row) => row.domain}
            rowLabel={domainName}
            columns={[
              ...MILESTONE_COLUMNS.map((status) => ({
                key: status,
                header: t(`milestones.status.${status}`),
                cell: (row: (typeof rows)[number]) => (
                  <CountLink value={row.values[status]} to={listHref("milestones", filter, { milestoneDomain: row.domain, milestoneStatus: status })} />
                ),
              })),
              {
                key: "total",
                header: t("dashboard.column.total"),
                cell: (row) => <CountLink value={row.total} to={listHref("milestones", filter, { milestoneDomain: row.domain })} />,
              },
              { key: "attainment", header: t("dashboard.column.attainment"), cell: (row) => attainment(row.values.achieved, row.total) },
            ]}
            footer={{
              label: t("dashboard.milestones.allDomains"),
              cells: [
                ...MILESTONE_COLUMNS.map((status) => (
                  <CountLink key={status} value={totals[status]} to={listHref("milestones", filter, { milestoneStatus: status })} />
                )),
                <CountLink key="total" value={all} to={listHref("milestones", filter)} />,
                attainment(totals.achieved, all),
              ],
            }}
          />
        </>
      )}
    </DashboardSection>
  );
}
