import { useId, type ReactNode } from "react";
import { Link } from "react-router";
import { useDashboardFormat } from "./dashboard-format";

/**
 * A dashboard figure as a table: a caption, a header cell per column and per row, every count a
 * link to its list. Charts draw the same rows; this is what screen readers and keyboards use.
 */
export interface FigureColumn<R> {
  key: string;
  header: string;
  cell: (row: R) => ReactNode;
}

interface FigureTableProps<R> {
  caption: string;
  /** The first column's header: what each row is (a worker, a month…). */
  rowHeader: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowLabel: (row: R) => ReactNode;
  columns: readonly FigureColumn<R>[];
  /** A last row, in the table's footer (totals). */
  footer?: { label: string; cells: readonly ReactNode[] } | undefined;
  /** False when the section's heading already says what the caption says (it stays for screen readers). */
  titleShown?: boolean;
}

export function FigureTable<R>({ caption, rowHeader, rows, rowKey, rowLabel, columns, footer, titleShown = true }: FigureTableProps<R>) {
  const captionId = useId();
  return (
    <div className="dashboard-table-block">
      {/* The caption as sighted readers see it: above the scrolling area, so a wide table does not cut it. */}
      {titleShown && (
        <p className="dashboard-table__title" aria-hidden="true">
          {caption}
        </p>
      )}
      {/* Scrolls sideways inside itself on a narrow phone (never the page), and can be scrolled from the keyboard. */}
      <div className="table-wrap" role="group" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table dashboard-table">
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {columns.map((column) => (
                <th key={column.key} scope="col" className="cell--number">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                <th scope="row">{rowLabel(row)}</th>
                {columns.map((column) => (
                  <td key={column.key} className="cell--number">
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {footer && (
            <tfoot>
              <tr>
                <th scope="row">{footer.label}</th>
                {footer.cells.map((cell, index) => (
                  <td key={columns[index]?.key ?? index} className="cell--number">
                    {cell}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}

/** A count that opens the list behind it; a zero is plain text (its list would be empty). */
export function CountLink({ value, to }: { value: number; to: string }) {
  const format = useDashboardFormat();
  if (value === 0) return <>{format.count(0)}</>;
  return <Link to={to}>{format.count(value)}</Link>;
}
