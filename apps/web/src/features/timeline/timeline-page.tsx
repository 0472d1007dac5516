import { useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { TIMELINE_KINDS, type TimelineCursor, type TimelineEntry, type TimelineKind } from "@lentera/domain";
import { currentLocale } from "../../i18n";
import { domainCodeOf } from "../../lib/api-errors";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { viewerTimeZone } from "../appointments/appointment-time";
import { useDateFormat } from "../cases/format";
import { catalogIndex, milestoneLabel } from "../milestones/milestone-text";
import { entryWords, groupByDay, kindsParam, readKinds, type TimelineFormat } from "./timeline-text";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entries per request: a phone renders a page of them quickly; "Load more" brings the older ones. */
const PAGE_SIZE = 100;
/** The agency's milestone catalog changes rarely. */
const CATALOG_STALE_MS = 5 * 60_000;

/** /cases/:caseId/timeline: the case's life in one chronological view, newest first, printable. */
export function TimelinePage() {
  const { caseId = "" } = useParams();
  return UUID.test(caseId) ? <CaseTimeline key={caseId} caseId={caseId} /> : <TimelineNotFound />;
}

function TimelineNotFound() {
  const { t } = useTranslation();
  usePageTitle(t("cases.page.notFoundTitle"));
  return (
    <section className="message-page" role="alert">
      <h1>{t("cases.page.notFoundTitle")}</h1>
      <p>{t("cases.page.notFound")}</p>
      <p>
        <Link to="/cases">{t("cases.page.backToCases")}</Link>
      </p>
    </section>
  );
}

function CaseTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const dates = useDateFormat();
  const [params, setParams] = useSearchParams();
  // The boxes follow the click at once; the address keeps the choice (for a reload, a shared link).
  const [kinds, setKinds] = useState(() => readKinds(params.get("kinds")));
  const all = kinds.length === TIMELINE_KINDS.length;
  const overview = useQuery(trpc.cases.byId.queryOptions({ caseId }));
  const catalog = useQuery(trpc.milestones.catalog.queryOptions(undefined, { staleTime: CATALOG_STALE_MS }));
  const input = { caseId, limit: PAGE_SIZE, ...(all ? {} : { kinds }) };
  const timeline = useInfiniteQuery({
    queryKey: [...trpc.timeline.byCase.queryKey(input), "pages"],
    queryFn: ({ pageParam }) => client.timeline.byCase.query(pageParam ? { ...input, before: pageParam } : input),
    initialPageParam: null as TimelineCursor | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: kinds.length > 0,
  });
  const notFound = ["not_found", "invalid_input"].includes(domainCodeOf(overview.error) ?? "");
  usePageTitle(overview.data ? t("timeline.title", { caseNumber: overview.data.caseNumber }) : t("timeline.heading"));

  const format = useMemo<TimelineFormat>(() => {
    const index = catalogIndex(catalog.data?.entries ?? []);
    const locale = currentLocale();
    return {
      t: (key, values) => t(key, values),
      date: (value) => dates.date(value),
      dateTime: (value) => dates.dateTime(value),
      milestone: (naming) => milestoneLabel(naming, index, locale),
    };
  }, [t, dates, catalog.data]);

  if (notFound) return <TimelineNotFound />;
  const entries = timeline.data?.pages.flatMap((page) => page.entries) ?? [];

  function choose(next: TimelineKind[]) {
    setKinds(next);
    const value = kindsParam(next);
    setParams(value === null ? {} : { kinds: value }, { replace: true });
  }

  return (
    <div className="case-timeline">
      <div className="page-heading">
        <h1>
          {t("timeline.heading")}
          {overview.data && (
            <>
              {" "}
              {overview.data.client.alias} <span className="case-number">{overview.data.caseNumber}</span>
            </>
          )}
        </h1>
        <div className="button-row no-print">
          <Link to={`/cases/${caseId}`} className="button button--secondary">
            {t("timeline.backToCase")}
          </Link>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t("timeline.print")}
          </button>
        </div>
      </div>
      <div className="case-timeline__filter no-print">
        <CheckboxGroup
          legend={t("timeline.filter")}
          options={TIMELINE_KINDS.map((kind) => ({ value: kind, label: t(`timeline.kind.${kind}`) }))}
          value={kinds}
          onChange={choose}
        />
        {!all && (
          <button type="button" className="button button--quiet" onClick={() => choose([...TIMELINE_KINDS])}>
            {t("timeline.showAll")}
          </button>
        )}
      </div>
      {!all && (
        <p className="print-only">{t("timeline.printedKinds", { kinds: kinds.map((kind) => t(`timeline.kind.${kind}`)).join(", ") })}</p>
      )}
      <div aria-busy={timeline.isFetching}>
        {kinds.length === 0 ? (
          <p className="empty">{t("timeline.chooseKind")}</p>
        ) : timeline.isPending ? (
          <Loading />
        ) : timeline.isError ? (
          <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : entries.length === 0 ? (
          <p className="empty">{t("timeline.empty")}</p>
        ) : (
          <>
            <Days entries={entries} format={format} caseId={caseId} />
            {timeline.hasNextPage && (
              <div className="no-print load-more">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={timeline.isFetchingNextPage}
                  onClick={() => void timeline.fetchNextPage()}
                >
                  {timeline.isFetchingNextPage ? t("common.loading") : t("timeline.loadMore")}
                </button>
                <p className="field__hint">{t("timeline.printLoaded")}</p>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function Days({ entries, format, caseId }: { entries: TimelineEntry[]; format: TimelineFormat; caseId: string }) {
  const { t } = useTranslation();
  const zone = viewerTimeZone();
  const lng = currentLocale();
  const dayName = new Intl.DateTimeFormat(lng, { dateStyle: "full", timeZone: "UTC" });
  const time = new Intl.DateTimeFormat(lng, { timeStyle: "short", timeZone: zone });
  return groupByDay(entries, zone).map(({ day, entries: ofDay }) => (
    <section key={day} className="case-timeline__day" aria-labelledby={`day-${day}`}>
      <h2 id={`day-${day}`}>{dayName.format(new Date(`${day}T00:00:00Z`))}</h2>
      <ol className="case-timeline__list">
        {ofDay.map((entry) => (
          <li key={entry.id} className={`case-timeline__entry case-timeline__entry--${entry.kind}`}>
            <p className="case-timeline__meta">
              <span className="case-timeline__kind">{t(`timeline.kind.${entry.kind}`)}</span>{" "}
              <time dateTime={entry.at.toISOString()}>{time.format(entry.at)}</time>
              {entry.actor && <> · {t("timeline.by", { name: entry.actor.name })}</>}
            </p>
            <p className="case-timeline__words">{entryWords(entry, format)}</p>
            {entry.action === "session_held" && entry.link.noteId && (
              <p className="no-print">
                <Link to={`/cases/${caseId}/sessions/${entry.link.noteId}`}>{t("timeline.openNote")}</Link>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  ));
}
