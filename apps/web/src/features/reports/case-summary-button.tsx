import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { errorMessageKey, isUnauthenticated } from "../../lib/api-errors";
import { notifySessionExpired } from "../../lib/session-expiry";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { isLocale, loadCatalogPart } from "../../i18n";
import { dateFormatters } from "../cases/format";
import { catalogIndex, milestoneLabel } from "../milestones/milestone-text";
import { domainLabel, localText } from "../outcomes/instrument-text";
import type { SummaryWords } from "./case-summary-document";
import { useCatalogPart } from "./use-catalog-part";

/**
 * "Case summary (PDF)" on the case page, for anyone who can open the case. The server decides
 * what the summary holds (identifying data only for the care team) and records the export; the
 * PDF is drawn here. The summary is kept in no state or cache: it lives only while the file is made.
 */
export function CaseSummaryButton({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const ready = useCatalogPart("reports");
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  if (!ready) return null;

  async function download() {
    setBusy(true);
    setErrorKey(null);
    try {
      // The words of the vocabularies the summary names; the instruments and milestone kinds name
      // the agency's own entries (without them, their codes are shown).
      const [summary, instruments, milestoneCatalog, { downloadCaseSummary }] = await Promise.all([
        client.dashboard.caseSummary.mutate({ caseId }),
        queryClient.fetchQuery(trpc.outcomes.instruments.queryOptions()).catch(() => []),
        queryClient.fetchQuery(trpc.milestones.catalog.queryOptions()).catch(() => null),
        import("./case-summary-pdf"),
        ...(["reports", "cases", "appointments", "milestones"] as const).map((part) => loadCatalogPart(part)),
      ]);
      const locale = isLocale(i18n.language) ? i18n.language : "en";
      const dates = dateFormatters(locale);
      const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      const newest = (code: string) => instruments.filter((definition) => definition.code === code).sort((a, b) => b.version - a.version)[0];
      const milestones = catalogIndex(milestoneCatalog?.entries ?? []);
      const words: SummaryWords = {
        t,
        locale,
        date: (day) => dates.date(day),
        dateTime: (instant) => dates.dateTime(instant),
        number: (value) => numbers.format(value),
        instrumentName: (code) => {
          const definition = newest(code);
          return definition ? localText(definition.name, locale) : code;
        },
        outcomeDomain: (code, domain) => domainLabel(newest(code), domain, locale),
        milestone: (naming) => milestoneLabel(naming, milestones, locale),
      };
      await downloadCaseSummary(summary, words);
    } catch (error) {
      if (isUnauthenticated(error)) notifySessionExpired();
      setErrorKey(errorMessageKey(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="case-header__links">
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download()}>
        {busy ? t("reports.export.preparing") : t("reports.caseSummary.button")}
      </button>
      <div role="alert" className="notice-region">
        {errorKey && <p className="notice notice--error">{t(errorKey)}</p>}
      </div>
    </div>
  );
}
