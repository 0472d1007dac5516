import { useTranslation } from "react-i18next";
import { APPOINTMENT_STATUSES, type Dashboard, type DashboardFilter } from "@lentera/domain";
import { useDashboardFormat } from "./dashboard-format";
import { DashboardSection } from "./dashboard-section";
import { CountLink, FigureTable } from "./figure-table";
import { listHref } from "./filter-url";
import { StatTile, StatTiles } from "./stat-tile";

/** This week's appointments by status, and the period's no-show rate. */
export function AppointmentsSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const week = { from: format.date(dashboard.week.from), to: format.date(dashboard.week.to) };
  const thisWeek = APPOINTMENT_STATUSES.reduce((sum, status) => sum + dashboard.appointmentsThisWeek[status], 0);
  const { attended, noShow, rate } = dashboard.noShows;
  return (
    <DashboardSection id="dashboard-appointments" title={t("dashboard.appointments.heading")}>
      <FigureTable
        caption={t("dashboard.appointments.caption", week)}
        rowHeader={t("dashboard.column.status")}
        rows={APPOINTMENT_STATUSES}
        rowKey={(status) => status}
        rowLabel={(status) => t(`appointments.status.${status}`)}
        columns={[
          {
            key: "count",
            header: t("dashboard.column.appointments"),
            cell: (status) => (
              <CountLink value={dashboard.appointmentsThisWeek[status]} to={listHref("appointments_week", filter, { appointmentStatus: status })} />
            ),
          },
        ]}
        footer={{ label: t("dashboard.appointments.allThisWeek"), cells: [<CountLink key="all" value={thisWeek} to={listHref("appointments_week", filter)} />] }}
      />
      <StatTiles>
        <StatTile
          to={listHref("no_shows", filter)}
          value={rate === null ? t("dashboard.appointments.noRate") : format.percent(rate)}
          label={t("dashboard.appointments.noShowRate")}
          detail={t("dashboard.appointments.noShowDetail", { noShow: format.count(noShow), attended: format.count(attended) })}
        />
      </StatTiles>
    </DashboardSection>
  );
}
