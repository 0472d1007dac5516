import { useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import type { DashboardFilter, Statistics } from "@lentera/domain";
import { errorMessageKey, isUnauthenticated } from "../../lib/api-errors";
import { notifySessionExpired } from "../../lib/session-expiry";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { useDateFormat } from "../cases/format";
import { dashboardHref, filterFromSearch, statisticsHref } from "../dashboard/filter-url";
import { exportFileName } from "./export-cells";
import { saveCsv } from "./save-file";
import { countText, statisticKeyText, statisticsCsv } from "./statistics-csv";
import { StatisticsFilter } from "./statistics-filter";
import "./reports.css";

/**
 * /dashboard/statistics — counts for reporting upward, over the cases opened in the period whose
 * consent covers reporting; a count under 5 is published as "<5" (the server never sends it).
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // By team or agency only: a single worker's cases would make small, telling numbers.
  const filter = useMemo<DashboardFilter>(() => ({ ...filterFromSearch(search), workerId: undefined }), [search]);
  const statistics = useQuery(trpc.dashboard.statistics.queryOptions({ filter }));
  usePageTitle(t("reports.statistics.title"));

  return (
    <>
      <p>
        <Link to={dashboardHref(filter)}>{t("reports.list.backToDashboard")}</Link>
      </p>
      <h1>{t("reports.statistics.title")}</h1>
      <p>{t("reports.statistics.intro")}</p>
      <p>{t("reports.statistics.smallCells")}</p>
      <section className="card statistics-filter-card">
        <StatisticsFilter key={search.toString()} filter={filter} onApply={(next) => void navigate(statisticsHref(next))} />
      </section>
      <section aria-labelledby="statistics-results-heading">
        <h2 id="statistics-results-heading">{t("reports.statistics.resultsHeading")}</h2>
        {statistics.isPending ? (
          <Loading />
        ) : statistics.isError ? (
          <QueryError error={statistics.error} onRetry={() => void statistics.refetch()} />
        ) : (
          <StatisticsResults statistics={statistics.data} filter={filter} />
        )}
      </section>
    </>
  );
}

function StatisticsResults({ statistics, filter }: { statistics: Statistics; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const count = (value: number | null) => String(countText(value));
  return (
    <>
      <dl className="facts report-totals">
        <div className="fact">
          <dt>{t("reports.filter.period")}</dt>
          <dd>{t("reports.filter.periodValue", { from: format.date(statistics.from), to: format.date(statistics.to) })}</dd>
        </div>
        <div className="fact">
          <dt>{t("reports.statistics.included")}</dt>
          <dd>{count(statistics.includedCases)}</dd>
        </div>
        <div className="fact">
          <dt>{t("reports.statistics.excluded")}</dt>
          <dd>{count(statistics.excludedCases)}</dd>
        </div>
      </dl>
      <StatisticsExport filter={filter} />
      {statistics.includedCases === 0 ? (
        <p className="empty">{t("reports.statistics.empty")}</p>
      ) : (
        <div className="cards statistics-tables">
          {statistics.breakdowns.map((breakdown) => (
            <BreakdownTable key={breakdown.dimension} breakdown={breakdown} />
          ))}
        </div>
      )}
    </>
  );
}

function BreakdownTable({ breakdown }: { breakdown: Statistics["breakdowns"][number] }) {
  const { t, i18n } = useTranslation();
  const headingId = `statistics-${breakdown.dimension}`;
  const name = t(`reports.dimension.${breakdown.dimension}`);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      {breakdown.dimension === "harm_type" && <p className="field__hint">{t("reports.statistics.harmOverlap")}</p>}
      {breakdown.dimension === "takedown_platform_kind" && <p className="field__hint">{t("reports.statistics.takedownsCounted")}</p>}
      {breakdown.cells.length === 0 ? (
        <p className="empty">{t("reports.statistics.noCells")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">{name}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.statistics.category")}</th>
                <th scope="col" className="cell--number">
                  {t("reports.statistics.cases")}
                </th>
              </tr>
            </thead>
            <tbody>
              {breakdown.cells.map((cell) => (
                <tr key={cell.key}>
                  <th scope="row">{statisticKeyText(breakdown.dimension, cell.key, t, i18n.language)}</th>
                  <td className="cell--number">{String(countText(cell.count))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One CSV of every breakdown, written here from the audited export's answer. */
function StatisticsExport({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  async function download() {
    setBusy(true);
    setNotice(null);
    try {
      const statistics = await client.dashboard.exportStatistics.mutate({ filter });
      saveCsv(statisticsCsv(statistics, t), exportFileName("statistics", statistics, "csv"));
    } catch (error) {
      if (isUnauthenticated(error)) notifySessionExpired();
      setNotice({ kind: "error", key: errorMessageKey(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="statistics-export">
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download()}>
        {busy ? t("reports.export.preparing") : t("reports.export.csv")}
      </button>
      <p className="field__hint">{t("reports.export.audited")}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </div>
  );
}
