import { useTranslation } from "react-i18next";
import type { Dashboard, DashboardFilter } from "@lentera/domain";
import { overdueRows } from "./dashboard-rows";
import { DashboardSection } from "./dashboard-section";
import { CountLink, FigureTable } from "./figure-table";
import { listHref } from "./filter-url";

/** Per worker, the most overdue first: goal reviews past due and appointments left without an outcome. */
export function OverdueSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const rows = overdueRows(dashboard);
  return (
    <DashboardSection id="dashboard-overdue" title={t("dashboard.overdue.heading")} hint={t("dashboard.overdue.hint")}>
      {rows.length === 0 ? (
        <p className="empty">{t("dashboard.overdue.none")}</p>
      ) : (
        <FigureTable
          titleShown={false}
          caption={t("dashboard.overdue.caption")}
          rowHeader={t("dashboard.column.worker")}
          rows={rows}
          rowKey={(row) => row.key}
          rowLabel={(row) => row.name ?? t("dashboard.unassigned")}
          columns={[
            {
              key: "reviews",
              header: t("dashboard.column.overdueReviews"),
              cell: (row) => <CountLink value={row.overdueReviews} to={listHref("overdue_reviews", filter, { personId: row.personId })} />,
            },
            {
              key: "outcomes",
              header: t("dashboard.column.outcomesMissing"),
              cell: (row) => <CountLink value={row.outcomesMissing} to={listHref("outcomes_missing", filter, { personId: row.personId })} />,
            },
          ]}
          footer={{
            label: t("dashboard.column.everyone"),
            cells: [
              <CountLink key="reviews" value={dashboard.overdue.totalReviews} to={listHref("overdue_reviews", filter)} />,
              <CountLink key="outcomes" value={dashboard.overdue.totalOutcomesMissing} to={listHref("outcomes_missing", filter)} />,
            ],
          }}
        />
      )}
    </DashboardSection>
  );
}
