import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { DashboardList, DashboardListRow } from "@lentera/domain";
import { useDateFormat } from "../cases/format";
import { cellValue, headerKey, isNumberColumn, listColumns, type ListColumn } from "./list-columns";

/**
 * One page of a drill-down list. The case comes first (its alias links to the case when the viewer
 * may open it); on a phone the table scrolls inside its own frame, never the page.
 */
export function ListTable({ list, rows, caption }: { list: DashboardList; rows: readonly DashboardListRow[]; caption: string }) {
  const { t } = useTranslation();
  const columns = listColumns(list);
  const captionId = `list-caption-${list}`;
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table data-table--wide">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.column.case")}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className={isNumberColumn(column) ? "cell--number" : undefined}>
                {t(headerKey(list, column))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.caseId}-${row.targetId ?? ""}-${index}`}>
              <th scope="row">
                <CaseCell row={row} />
              </th>
              {columns.map((column) => (
                <td key={column} className={isNumberColumn(column) ? "cell--number" : column === "on" ? "cell--nowrap" : undefined}>
                  <Cell list={list} column={column} row={row} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CaseCell({ row }: { row: DashboardListRow }) {
  const { t } = useTranslation();
  if (row.alias === null) {
    return (
      <>
        <span className="case-number">{row.caseNumber}</span> <span className="empty">({t("reports.list.outsideTeams")})</span>
      </>
    );
  }
  return (
    <>
      <Link to={`/cases/${row.caseId}`}>{row.alias}</Link> <span className="case-number">{row.caseNumber}</span>
    </>
  );
}

function Cell({ list, column, row }: { list: DashboardList; column: ListColumn; row: DashboardListRow }) {
  const { t, i18n } = useTranslation();
  const format = useDateFormat();
  const value = cellValue(list, column, row, t);
  if (value === null || value === "") return <span className="empty">{t("reports.list.none")}</span>;
  if (typeof value === "number") {
    // A change in score reads with its sign: +0.5, −1.
    const signed = list === "outcome_change" && column === "value";
    return <>{new Intl.NumberFormat(i18n.language, signed ? { signDisplay: "exceptZero" } : {}).format(value)}</>;
  }
  if (column !== "on") return <>{value}</>;
  const day = format.date(value);
  // A session's day leads to its note (the counselor and supervisors may read it; the server decides).
  if (list === "sessions" && row.targetId && row.alias !== null) return <Link to={`/cases/${row.caseId}/sessions/${row.targetId}`}>{day}</Link>;
  return <>{day}</>;
}
