import { useTranslation } from "react-i18next";
import type { Dashboard, DashboardFilter } from "@lentera/domain";
import { useDashboardFormat } from "./dashboard-format";
import { DashboardSection } from "./dashboard-section";
import { CountLink, FigureTable } from "./figure-table";
import { listHref } from "./filter-url";

/** Counseling session notes dated in the period, per counselor, the busiest first. */
export function SessionsSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const rows = dashboard.sessionsPerCounselor;
  const sessions = rows.reduce((sum, row) => sum + row.sessions, 0);
  const signed = rows.reduce((sum, row) => sum + row.signed, 0);
  return (
    <DashboardSection id="dashboard-sessions" title={t("dashboard.sessions.heading")} hint={t("dashboard.sessions.hint")}>
      {rows.length === 0 ? (
        <p className="empty">{t("dashboard.sessions.empty")}</p>
      ) : (
        <FigureTable
          titleShown={false}
          caption={t("dashboard.sessions.caption")}
          rowHeader={t("dashboard.column.counselor")}
          rows={rows}
          rowKey={(row) => row.counselor.id}
          rowLabel={(row) => row.counselor.name}
          columns={[
            {
              key: "sessions",
              header: t("dashboard.column.sessions"),
              cell: (row) => <CountLink value={row.sessions} to={listHref("sessions", filter, { personId: row.counselor.id })} />,
            },
            { key: "signed", header: t("dashboard.column.signed"), cell: (row) => format.count(row.signed) },
          ]}
          footer={{
            label: t("dashboard.column.everyone"),
            cells: [<CountLink key="sessions" value={sessions} to={listHref("sessions", filter)} />, format.count(signed)],
          }}
        />
      )}
    </DashboardSection>
  );
}
