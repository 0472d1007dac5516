import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Dashboard, DashboardFilter } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { AppointmentsSection } from "./appointments-section";
import { AttentionSection } from "./attention-section";
import { CaseloadSection } from "./caseload-section";
import { CasesSection } from "./cases-section";
import { usableFilter, type DashboardViewer } from "./dashboard-filter";
import { DashboardFilters } from "./dashboard-filters";
import { useDashboardFormat } from "./dashboard-format";
import { countsNothing } from "./dashboard-rows";
import { filterFromSearch, filterToSearch, statisticsHref } from "./filter-url";
import { FlowSection } from "./flow-section";
import { MilestonesSection } from "./milestones-section";
import { OutcomesSection } from "./outcomes-section";
import { OverdueSection } from "./overdue-section";
import { PartnersSection } from "./partners-section";
import { SessionsSection } from "./sessions-section";
import "./dashboard.css";

/**
 * /dashboard — the supervisor's Monday review: caseloads, overdue work, the flow of cases, how
 * survivors recover. The filter lives in the address; every number opens the list behind it.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.dashboard"));
  const user = useCurrentUser();
  const supervisesTeams = user.roles.includes("supervisor") && user.teams.length > 0;
  const viewer = useMemo<DashboardViewer>(() => ({ dashboard: user.dashboard, supervisesTeams }), [user.dashboard, supervisesTeams]);
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => usableFilter(filterFromSearch(search), viewer), [search, viewer]);
  const trpc = useTRPC();
  // The figures on screen stay while those of a new filter load (no jump on a slow connection).
  const result = useQuery({ ...trpc.dashboard.get.queryOptions({ filter }), placeholderData: keepPreviousData });
  const updating = result.isPlaceholderData && result.isFetching;

  function apply(next: DashboardFilter) {
    setSearch(filterToSearch(next), { replace: true });
  }

  return (
    <>
      <h1>{t(filter.agencyWide ? "dashboard.agencyTitle" : "dashboard.title")}</h1>
      <p>{t("dashboard.intro")}</p>
      {result.isPending ? (
        <Loading />
      ) : result.isError && !result.data ? (
        <>
          <QueryError error={result.error} onRetry={() => void result.refetch()} />
          <p>
            <Link to="/dashboard">{t("dashboard.resetFilters")}</Link>
          </p>
        </>
      ) : (
        <>
          <section aria-labelledby="dashboard-filters-heading" className="dashboard-filters-section">
            <h2 id="dashboard-filters-heading" className="visually-hidden">
              {t("dashboard.filter.heading")}
            </h2>
            <DashboardFilters filter={filter} choices={result.data} viewer={viewer} onApply={apply} />
          </section>
          <div role="status" className="notice-region">
            {updating && <p className="status">{t("dashboard.updating")}</p>}
          </div>
          {result.isError && <QueryError error={result.error} onRetry={() => void result.refetch()} />}
          <DashboardFigures dashboard={result.data} filter={filter} busy={updating} />
        </>
      )}
    </>
  );
}

function DashboardFigures({ dashboard, filter, busy }: { dashboard: Dashboard; filter: DashboardFilter; busy: boolean }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  return (
    <div className={busy ? "dashboard dashboard--busy" : "dashboard"} aria-busy={busy}>
      <dl className="dashboard-dates">
        <div>
          <dt>{t("dashboard.dates.today")}</dt>
          <dd>{format.dayWithWeekday(dashboard.today)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.dates.thisWeek")}</dt>
          <dd>{t("dashboard.dates.range", { from: format.date(dashboard.week.from), to: format.date(dashboard.week.to) })}</dd>
        </div>
        <div>
          <dt>{t("dashboard.dates.period")}</dt>
          <dd>{t("dashboard.dates.range", { from: format.date(filter.from), to: format.date(filter.to) })}</dd>
        </div>
      </dl>
      <p>
        <Link to={statisticsHref(filter)}>{t("dashboard.statisticsLink")}</Link>
      </p>
      {countsNothing(dashboard) && <p className="notice">{t("dashboard.noCases")}</p>}
      <AttentionSection dashboard={dashboard} filter={filter} />
      <CaseloadSection dashboard={dashboard} filter={filter} />
      <OverdueSection dashboard={dashboard} filter={filter} />
      <CasesSection dashboard={dashboard} filter={filter} />
      <FlowSection dashboard={dashboard} filter={filter} />
      <div className="dashboard-columns dashboard-columns--wide">
        <AppointmentsSection dashboard={dashboard} filter={filter} />
        <SessionsSection dashboard={dashboard} filter={filter} />
      </div>
      <MilestonesSection dashboard={dashboard} filter={filter} />
      <OutcomesSection dashboard={dashboard} filter={filter} />
      <PartnersSection dashboard={dashboard} filter={filter} />
    </div>
  );
}
