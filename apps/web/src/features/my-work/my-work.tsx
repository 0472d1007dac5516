import { useId, useMemo } from "react";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyWork as MyWorkData, MyWorkItem, MyWorkSection, WorkerOverdue } from "@lentera/domain";
import { currentLocale } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { useDateFormat } from "../cases/format";
import { hasDueDate, isOverdue, itemPath } from "./item-links";
import { itemFacts, type ItemFormat } from "./item-text";

/** The agency's milestone catalog changes rarely. */
const CATALOG_STALE_MS = 5 * 60_000;

/**
 * What the user must do, one section per kind of work, each item a link to where it is done. Loaded
 * with its part of the catalog after Home's first paint; Home starts the request, this renders it.
 */
export function MyWork({ work }: { work: UseQueryResult<MyWorkData, unknown> }) {
  const { t } = useTranslation();
  if (work.isPending) return <Loading />;
  if (work.isError) return <QueryError error={work.error} onRetry={() => void work.refetch()} />;
  const sections = work.data.sections.filter((section) => section.items.length > 0);
  const team = work.data.teamOverdue ?? [];
  return (
    <div className="my-work">
      {sections.length === 0 && <p className="my-work__none">{t("work.nothingDue")}</p>}
      <Sections sections={sections} today={work.data.today} />
      {team.length > 0 && <TeamOverdue rows={team} />}
    </div>
  );
}

function Sections({ sections, today }: { sections: MyWorkSection[]; today: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const dates = useDateFormat();
  const needsCatalog = sections.some((section) => section.items.some((item) => "catalogKey" in item.facts && item.facts.catalogKey));
  const catalog = useQuery({ ...trpc.milestones.catalog.queryOptions(undefined, { staleTime: CATALOG_STALE_MS }), enabled: needsCatalog });
  const lng = currentLocale();
  const format = useMemo<ItemFormat>(() => {
    const time = new Intl.DateTimeFormat(lng, { timeStyle: "short" });
    const labels = new Map((catalog.data?.entries ?? []).map((entry) => [entry.key, entry.label[lng]]));
    return {
      t: (key, values) => t(key, values),
      date: (value) => dates.date(value),
      dateTime: (value) => dates.dateTime(value),
      time: (value) => time.format(value),
      milestone: ({ catalogKey, customTitle }) => customTitle ?? labels.get(catalogKey ?? "") ?? (catalogKey ?? "").replaceAll("_", " "),
    };
  }, [t, lng, dates, catalog.data]);

  return sections.map((section) => (
    <section key={section.key} className="card my-work__section" aria-labelledby={`work-${section.key}`}>
      <h2 id={`work-${section.key}`}>
        {t(`work.section.${section.key}`)} <span className="badge">{section.truncated ? `${section.items.length}+` : section.items.length}</span>
      </h2>
      <ul className="work-list">
        {section.items.map((item) => (
          <WorkItem key={`${item.kind}-${item.link.targetId ?? item.caseId}-${item.dueOn ?? ""}`} item={item} today={today} format={format} />
        ))}
      </ul>
      {section.truncated && <p className="field__hint">{t("work.truncated", { number: String(section.items.length) })}</p>}
    </section>
  ));
}

function WorkItem({ item, today, format }: { item: MyWorkItem; today: string; format: ItemFormat }) {
  const { t } = useTranslation();
  const factsId = useId();
  const overdue = isOverdue(item, today);
  const due = hasDueDate(item) && item.dueOn !== null ? item.dueOn : null;
  return (
    <li className={overdue ? "work-item work-item--overdue" : "work-item"}>
      <Link to={itemPath(item.link)} aria-describedby={factsId}>
        {item.caseNumber}
        {item.alias !== null && ` · ${item.alias}`}
      </Link>
      <p id={factsId}>{itemFacts(item, format)}</p>
      {due !== null && (
        <p className="work-item__due">
          {overdue && <strong className="pill pill--overdue">{t("work.overdue")}</strong>}{" "}
          {due === today ? t("work.dueToday") : t("work.due", { date: format.date(due) })}
        </p>
      )}
    </li>
  );
}

function TeamOverdue({ rows }: { rows: WorkerOverdue[] }) {
  const { t } = useTranslation();
  const columns = ["overdueReviews", "outcomesMissing", "unsignedNotes", "milestonesPastTarget"] as const;
  return (
    <section className="card my-work__section" aria-labelledby="work-team">
      <h2 id="work-team">{t("work.team.heading")}</h2>
      <div className="table-wrap" role="group" aria-labelledby="work-team" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("work.team.worker")}</th>
              {columns.map((column) => (
                <th key={column} scope="col" className="cell--number">
                  {t(`work.team.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.worker.id}>
                <th scope="row">{row.worker.name}</th>
                {columns.map((column) => (
                  <td key={column} className="cell--number">
                    {row[column]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
