import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessageKey, isUnauthenticated } from "../../lib/api-errors";
import { notifySessionExpired } from "../../lib/session-expiry";
import { useTRPCClient } from "../../lib/trpc";
import { saveFile } from "../reports/save-file";
import type { CaseOverview } from "./case-types";

/**
 * "Export client data" on the case page, for the care team only (the server refuses anyone else
 * and records the export before sending it): everything held on the client as one JSON file. The
 * data is kept in no state or cache: it lives only while the file is made.
 */
export function ClientDataExportButton({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  if (caseData.access !== "care_team") return null;

  async function download() {
    setBusy(true);
    setErrorKey(null);
    try {
      const file = await client.dataRights.exportClientData.mutate({ caseId: caseData.id });
      saveFile(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }), `${caseData.caseNumber}-client-data.json`);
    } catch (error) {
      if (isUnauthenticated(error)) notifySessionExpired();
      setErrorKey(errorMessageKey(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="case-header__links">
      <button type="button" className="button button--secondary" disabled={busy} title={t("cases.dataExport.hint")} onClick={() => void download()}>
        {busy ? t("cases.dataExport.preparing") : t("cases.dataExport.button")}
      </button>
      <div role="alert" className="notice-region">
        {errorKey && <p className="notice notice--error">{t(errorKey)}</p>}
      </div>
    </div>
  );
}
