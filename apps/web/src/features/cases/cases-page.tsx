import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { CaseFilters } from "./case-filters";
import { CaseList } from "./case-list";
import { registersCases, supervisesCases } from "./case-permissions";
import { EmergencyAccessForm } from "./emergency-access-form";
import { listInput, readListFilters, writeListFilters, type ListFilters } from "./list-filters";

export function CasesPage() {
  const { t } = useTranslation();
  usePageTitle(t("cases.list.title"));
  const user = useCurrentUser();
  const supervisor = supervisesCases(user);
  const [params, setParams] = useSearchParams();
  const filters = readListFilters(params, supervisor);
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.cases.list.infiniteQueryOptions(listInput(filters), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.search || filters.status || filters.riskLevel || filters.harmType);

  function onChange(next: ListFilters) {
    setParams(writeListFilters(next), { replace: true });
  }

  return (
    <>
      <div className="page-heading">
        <h1>{t("cases.list.title")}</h1>
        {registersCases(user) && (
          <Link to="/cases/new" className="button button--primary">
            {t("cases.list.newCase")}
          </Link>
        )}
      </div>
      <section aria-labelledby="case-filters-heading">
        <h2 id="case-filters-heading" className="visually-hidden">
          {t("cases.list.filtersHeading")}
        </h2>
        <CaseFilters key={filters.search} filters={filters} supervisor={supervisor} onChange={onChange} />
      </section>
      <section aria-labelledby="case-list-heading" aria-busy={list.isFetching}>
        <h2 id="case-list-heading">{filters.scope === "team" ? t("cases.list.team") : t("cases.list.mine")}</h2>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <p className="empty">{filtered ? t("cases.list.noMatch") : t("cases.list.empty")}</p>
        ) : (
          <>
            <CaseList items={items} labelledBy="case-list-heading" />
            {list.hasNextPage && (
              <button
                type="button"
                className="button button--secondary load-more"
                disabled={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {list.isFetchingNextPage ? t("common.loading") : t("cases.list.loadMore")}
              </button>
            )}
          </>
        )}
      </section>
      <EmergencyAccessForm />
    </>
  );
}
