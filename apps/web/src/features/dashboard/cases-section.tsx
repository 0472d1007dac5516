import { useTranslation } from "react-i18next";
import { CASE_STATUSES, HARM_TYPES, RISK_LEVELS, type Dashboard, type DashboardFilter } from "@lentera/domain";
import { DashboardSection } from "./dashboard-section";
import { CountLink, FigureTable } from "./figure-table";
import { listHref } from "./filter-url";

/** Every case by status; the open ones by risk level and by harm type. */
export function CasesSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const openCases = RISK_LEVELS.reduce((sum, level) => sum + dashboard.casesByRisk[level], 0);
  const casesColumn = t("dashboard.column.cases");
  return (
    <DashboardSection id="dashboard-cases" title={t("dashboard.cases.heading")}>
      <div className="dashboard-columns">
        <FigureTable
          caption={t("dashboard.cases.byStatus")}
          rowHeader={t("cases.labels.status")}
          rows={CASE_STATUSES}
          rowKey={(status) => status}
          rowLabel={(status) => t(`cases.status.${status}`)}
          columns={[
            {
              key: "cases",
              header: casesColumn,
              cell: (status) => <CountLink value={dashboard.casesByStatus[status]} to={listHref("cases", filter, { status })} />,
            },
          ]}
        />
        <FigureTable
          caption={t("dashboard.cases.byRisk")}
          rowHeader={t("cases.labels.riskLevel")}
          rows={RISK_LEVELS}
          rowKey={(level) => level}
          rowLabel={(level) => t(`cases.risk.${level}`)}
          columns={[
            {
              key: "cases",
              header: casesColumn,
              cell: (level) => <CountLink value={dashboard.casesByRisk[level]} to={listHref("cases", filter, { riskLevel: level })} />,
            },
          ]}
          footer={{ label: t("dashboard.cases.allOpen"), cells: [<CountLink key="open" value={openCases} to={listHref("cases", filter)} />] }}
        />
        <FigureTable
          caption={t("dashboard.cases.byHarm")}
          rowHeader={t("cases.labels.harmType")}
          rows={HARM_TYPES}
          rowKey={(harm) => harm}
          rowLabel={(harm) => t(`cases.harm.${harm}`)}
          columns={[
            {
              key: "cases",
              header: casesColumn,
              cell: (harm) => <CountLink value={dashboard.casesByHarm[harm]} to={listHref("cases", filter, { harmType: harm })} />,
            },
          ]}
        />
      </div>
      <p className="field__hint">{t("dashboard.cases.harmHint")}</p>
    </DashboardSection>
  );
}
