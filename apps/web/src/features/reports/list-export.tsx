import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EXPORT_MAX_ROWS, type DashboardFilter, type DashboardList, type DashboardListParams, type ExportFormat } from "@lentera/domain";
import { errorMessageKey, isUnauthenticated } from "../../lib/api-errors";
import { notifySessionExpired } from "../../lib/session-expiry";
import { useTRPCClient } from "../../lib/trpc";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { exportFileName, exportHeader, listCsv, listSheet } from "./export-cells";
import { saveCsv, saveFile } from "./save-file";

/**
 * "Download CSV" and "Download Excel": the server hands over the rows (and records the export in
 * the audit trail); the file is written here, with the page's words, so no file ever sits on the
 * server. The spreadsheet writer is fetched only when asked for.
 */
export function ListExport({ list, filter, params }: { list: DashboardList; filter: DashboardFilter; params: DashboardListParams }) {
  const { t, i18n } = useTranslation();
  const client = useTRPCClient();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setNotice(null);
    try {
      const result = await client.dashboard.exportList.mutate({ filter, list, params, format });
      if (format === "csv") {
        saveCsv(listCsv(list, result.rows, t), exportFileName(list, filter, "csv"));
      } else {
        const { xlsxBlob } = await import("./xlsx-file");
        saveFile(await xlsxBlob(listSheet(list, result.rows, t), list, exportHeader(list, t).length), exportFileName(list, filter, "xlsx"));
      }
      const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
      setNotice(
        result.truncated
          ? { kind: "success", key: "reports.export.truncated", values: { max: number(EXPORT_MAX_ROWS), total: number(result.total) } }
          : { kind: "success", key: "reports.export.done", values: { number: number(result.rows.length) } },
      );
    } catch (error) {
      if (isUnauthenticated(error)) notifySessionExpired();
      setNotice({ kind: "error", key: errorMessageKey(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="list-export">
      <div className="button-row">
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void download("csv")}>
          {busy === "csv" ? t("reports.export.preparing") : t("reports.export.csv")}
        </button>
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void download("xlsx")}>
          {busy === "xlsx" ? t("reports.export.preparing") : t("reports.export.xlsx")}
        </button>
      </div>
      <p className="field__hint">{t("reports.export.audited")}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </div>
  );
}
