import { useTranslation } from "react-i18next";
import { DASHBOARD_LIST_PAGE_SIZE } from "@lentera/domain";

/** The page in the address ("?page=2" is the second; absent or odd values are the first), counted from 0. */
export function pageFromSearch(search: URLSearchParams): number {
  const page = Number(search.get("page"));
  return Number.isInteger(page) && page > 1 ? Math.min(page - 1, 10_000) : 0;
}

/** "51–100 of 123" and the way to the pages before and after. */
export function ListPager({ page, shown, total, busy, onPage }: { page: number; shown: number; total: number; busy: boolean; onPage: (page: number) => void }) {
  const { t, i18n } = useTranslation();
  if (total === 0) return null;
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const first = page * DASHBOARD_LIST_PAGE_SIZE;
  const hasNext = first + DASHBOARD_LIST_PAGE_SIZE < total;
  return (
    <nav aria-label={t("reports.list.pages")} className="list-pager">
      <p role="status">
        {shown > 0
          ? t("reports.list.range", { from: number(first + 1), to: number(first + shown), total: number(total) })
          : t("reports.list.total", { total: number(total) })}
      </p>
      {(page > 0 || hasNext) && (
        <div className="button-row">
          <button type="button" className="button button--secondary" disabled={page === 0 || busy} onClick={() => onPage(page - 1)}>
            {t("reports.list.previous")}
          </button>
          <button type="button" className="button button--secondary" disabled={!hasNext || busy} onClick={() => onPage(page + 1)}>
            {t("reports.list.next")}
          </button>
        </div>
      )}
    </nav>
  );
}
