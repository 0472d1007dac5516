import { useTranslation } from "react-i18next";
import type { Dashboard, DashboardFilter } from "@lentera/domain";
import { ChartFigure } from "./chart-figure";
import { RISK_LOOK } from "./chart-series";
import { caseloadRows, columnTotals, RISK_COLUMNS } from "./dashboard-rows";
import { DashboardSection } from "./dashboard-section";
import { CountLink, FigureTable } from "./figure-table";
import { listHref } from "./filter-url";

/** Open cases per primary social worker, the largest first, split by risk level. */
export function CaseloadSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const rows = caseloadRows(dashboard);
  const workerName = (name: string | null) => name ?? t("dashboard.unassigned");
  const totals = columnTotals(rows, RISK_COLUMNS);
  const open = rows.reduce((sum, row) => sum + row.open, 0);
  return (
    <DashboardSection id="dashboard-caseload" title={t("dashboard.caseload.heading")} hint={t("dashboard.caseload.hint")}>
      {rows.length === 0 ? (
        <p className="empty">{t("dashboard.caseload.empty")}</p>
      ) : (
        <>
          <ChartFigure
            rows={rows.map((row) => ({ key: row.key, label: workerName(row.name), values: row.values }))}
            series={RISK_COLUMNS.map((level) => ({ id: level, label: t(`cases.risk.${level}`), ...RISK_LOOK[level] }))}
            stacked
            axisLabel={t("dashboard.chart.openCases")}
          />
          <FigureTable
            caption={t("dashboard.caseload.caption")}
            rowHeader={t("dashboard.column.worker")}
            rows={rows}
            rowKey={(row) => row.key}
            rowLabel={(row) => workerName(row.name)}
            columns={[
              {
                key: "open",
                header: t("dashboard.column.openCases"),
                cell: (row) => <CountLink value={row.open} to={listHref("caseload", filter, { personId: row.personId })} />,
              },
              ...RISK_COLUMNS.map((level) => ({
                key: level,
                header: t(`cases.risk.${level}`),
                cell: (row: (typeof rows)[number]) => (
                  <CountLink value={row.values[level]} to={listHref("caseload", filter, { personId: row.personId, riskLevel: level })} />
                ),
              })),
            ]}
            footer={{
              label: t("dashboard.column.everyone"),
              cells: [
                <CountLink key="open" value={open} to={listHref("caseload", filter)} />,
                ...RISK_COLUMNS.map((level) => <CountLink key={level} value={totals[level]} to={listHref("caseload", filter, { riskLevel: level })} />),
              ],
            }}
          />
        </>
      )}
    </DashboardSection>
  );
}
