import { useMemo } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { DashboardFilter, DashboardList, DashboardListParams } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { useDateFormat } from "../cases/format";
import { dashboardHref, filterFromSearch, isDashboardList, listParamsFromSearch } from "../dashboard/filter-url";
import { filterFacts, paramFacts, type FilterFact } from "./filter-words";
import { ListExport } from "./list-export";
import { ListTable } from "./list-table";
import { ListPager, pageFromSearch } from "./list-pager";
import { monthLabel } from "./month-label";
import { useReportNames } from "./use-report-names";
import "./reports.css";

/** /dashboard/lists/:list — the cases behind one dashboard figure, with the same filter. */
export function DashboardListPage() {
  const { list } = useParams();
  const [search] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  if (!isDashboardList(list)) return <UnknownList filter={filter} />;
  return <ListView key={list} list={list} filter={filter} />;
}

function ListView({ list, filter }: { list: DashboardList; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => listParamsFromSearch(search), [search]);
  const page = pageFromSearch(search);
  const title = t(`reports.lists.${list}`);
  usePageTitle(title);
  // The previous page stays on screen while the next one loads (no jump on a slow connection).
  const result = useQuery({ ...trpc.dashboard.list.queryOptions({ filter, list, params, page }), placeholderData: keepPreviousData });

  function goTo(nextPage: number) {
    const next = new URLSearchParams(search);
    if (nextPage > 0) next.set("page", String(nextPage + 1));
    else next.delete("page");
    setSearch(next);
  }

  return (
    <>
      <p>
        <Link to={dashboardHref(filter)}>{t("reports.list.backToDashboard")}</Link>
      </p>
      <h1>{title}</h1>
      <ListFacts list={list} filter={filter} params={params} />
      <ListExport list={list} filter={filter} params={params} />
      <section aria-labelledby="list-rows-heading">
        <h2 id="list-rows-heading" className="visually-hidden">
          {t("reports.list.rowsHeading")}
        </h2>
        {result.isPending ? (
          <Loading />
        ) : result.isError ? (
          <QueryError error={result.error} onRetry={() => void result.refetch()} />
        ) : result.data.rows.length === 0 ? (
          <p className="empty">{page > 0 ? t("reports.list.pageEmpty") : t("reports.list.empty")}</p>
        ) : (
          <>
            <ListTable list={list} rows={result.data.rows} caption={title} />
            {result.data.rows.some((row) => row.alias === null) && <p className="field__hint list-note">{t("reports.list.outsideTeamsNote")}</p>}
          </>
        )}
        {result.data && <ListPager page={result.data.page} shown={result.data.rows.length} total={result.data.total} busy={result.isFetching} onPage={goTo} />}
      </section>
    </>
  );
}

/** What the list is of: the period, whose cases, and the part of the figure it shows. */
function ListFacts({ list, filter, params }: { list: DashboardList; filter: DashboardFilter; params: DashboardListParams }) {
  const { t, i18n } = useTranslation();
  const format = useDateFormat();
  const names = useReportNames(filter, {
    people: Boolean(filter.teamId || filter.workerId || params.partnerId || (params.personId && params.personId !== "unassigned")),
    instruments: Boolean(params.instrumentCode),
  });
  const facts: FilterFact[] = [
    ...filterFacts(filter, t, names, format),
    ...paramFacts(list, params, t, names, { date: (day) => format.date(day), month: (month) => monthLabel(month, i18n.language) }),
  ];
  return (
    <dl className="facts list-facts">
      {facts.map((fact) => (
        <div key={fact.label} className="fact">
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function UnknownList({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation();
  usePageTitle(t("reports.list.unknownTitle"));
  return (
    <section className="message-page">
      <h1>{t("reports.list.unknownTitle")}</h1>
      <p>{t("reports.list.unknown")}</p>
      <p>
        <Link to={dashboardHref(filter)}>{t("reports.list.backToDashboard")}</Link>
      </p>
    </section>
  );
}
