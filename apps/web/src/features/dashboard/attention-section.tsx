import { useTranslation } from "react-i18next";
import type { Dashboard, DashboardFilter } from "@lentera/domain";
import { useDashboardFormat } from "./dashboard-format";
import { DashboardSection } from "./dashboard-section";
import { listHref } from "./filter-url";
import { StatTile, StatTiles } from "./stat-tile";

/** What waits on someone today: overdue work, approvals, risk flags, cases nobody has seen. */
export function AttentionSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  return (
    <DashboardSection id="dashboard-attention" title={t("dashboard.attention.heading")} hint={t("dashboard.attention.hint")}>
      <StatTiles>
        <StatTile
          to={listHref("overdue_reviews", filter)}
          value={format.count(dashboard.overdue.totalReviews)}
          label={t("dashboard.attention.overdueReviews")}
          detail={t("dashboard.attention.overdueReviewsDetail")}
        />
        <StatTile
          to={listHref("outcomes_missing", filter)}
          value={format.count(dashboard.overdue.totalOutcomesMissing)}
          label={t("dashboard.attention.outcomesMissing")}
          detail={t("dashboard.attention.outcomesMissingDetail")}
        />
        <StatTile to={listHref("plans_waiting", filter)} value={format.count(dashboard.waiting.plans)} label={t("dashboard.attention.plansWaiting")} />
        <StatTile
          to={listHref("closures_waiting", filter)}
          value={format.count(dashboard.waiting.closures)}
          label={t("dashboard.attention.closuresWaiting")}
        />
        <StatTile
          to={listHref("open_flags", filter)}
          value={format.count(dashboard.openFlags)}
          label={t("dashboard.attention.openFlags")}
          detail={t("dashboard.attention.openFlagsDetail")}
        />
        <StatTile
          to={listHref("no_contact", filter)}
          value={format.count(dashboard.noContact)}
          label={t("dashboard.attention.noContact")}
          detail={t("dashboard.attention.noContactDetail", { days: format.count(dashboard.noContactDays) })}
        />
      </StatTiles>
    </DashboardSection>
  );
}
