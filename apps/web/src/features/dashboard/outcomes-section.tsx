import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { OUTCOME_CHANGES, type Dashboard, type DashboardFilter } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { currentEditions, domainLabel, localText } from "../outcomes/instrument-text";
import { useOutcomeFormat } from "../outcomes/use-outcome-format";
import { ChartFigure } from "./chart-figure";
import { OUTCOME_LOOK } from "./chart-series";
import { outcomeParams, outcomeRows, type OutcomeNames } from "./dashboard-rows";
import { DashboardSection } from "./dashboard-section";
import { CountLink, FigureTable } from "./figure-table";
import { listHref } from "./filter-url";

/** Instruments change rarely: the dashboard's filters do not ask for them again. */
const INSTRUMENTS_STALE_MS = 5 * 60_000;

/** Per instrument domain: the cases whose latest assessment improved, stayed or worsened since intake. */
export function OutcomesSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const names = useInstrumentNames(dashboard.outcomeChange.length > 0);
  const rows = outcomeRows(dashboard, names);
  // Several instruments may share a domain's name: then each row says which instrument it is.
  const instruments = new Set(rows.map((row) => row.instrumentCode)).size;
  const rowName = (row: (typeof rows)[number]) => (instruments > 1 ? `${row.instrumentName}: ${row.domainName}` : row.domainName);
  return (
    <DashboardSection id="dashboard-outcomes" title={t("dashboard.outcomes.heading")} hint={t("dashboard.outcomes.hint")}>
      {rows.length === 0 ? (
        <p className="empty">{t("dashboard.outcomes.empty")}</p>
      ) : (
        <>
          {instruments === 1 && rows[0] && <p>{t("dashboard.outcomes.instrument", { name: rows[0].instrumentName })}</p>}
          <ChartFigure
            rows={rows.map((row) => ({ key: row.key, label: rowName(row), values: row.values }))}
            series={OUTCOME_CHANGES.map((change) => ({ id: change, label: t(`dashboard.change.${change}`), ...OUTCOME_LOOK[change] }))}
            stacked
            axisLabel={t("dashboard.chart.cases")}
          />
          <FigureTable
            caption={t("dashboard.outcomes.caption")}
            rowHeader={t("dashboard.column.domain")}
            rows={rows}
            rowKey={(row) => row.key}
            rowLabel={rowName}
            columns={[
              ...OUTCOME_CHANGES.map((change) => ({
                key: change,
                header: t(`dashboard.change.${change}`),
                cell: (row: (typeof rows)[number]) => (
                  <CountLink value={row.values[change]} to={listHref("outcome_change", filter, outcomeParams(row, change))} />
                ),
              })),
              {
                key: "total",
                header: t("dashboard.column.total"),
                cell: (row) => <CountLink value={row.total} to={listHref("outcome_change", filter, outcomeParams(row))} />,
              },
            ]}
          />
        </>
      )}
    </DashboardSection>
  );
}

/** Instrument and domain names in the reader's language, from the newest edition the agency has. */
function useInstrumentNames(needed: boolean): OutcomeNames {
  const trpc = useTRPC();
  const format = useOutcomeFormat();
  const instruments = useQuery({ ...trpc.outcomes.instruments.queryOptions(), enabled: needed, staleTime: INSTRUMENTS_STALE_MS });
  return useMemo(() => {
    const editions = currentEditions(instruments.data ?? []);
    const edition = (code: string) => editions.find((definition) => definition.code === code);
    return {
      instrument: (code) => {
        const definition = edition(code);
        return definition ? localText(definition.name, format.locale) : null;
      },
      domain: (code, domain) => {
        const definition = edition(code);
        return definition ? domainLabel(definition, domain, format.locale) : null;
      },
    };
  }, [instruments.data, format.locale]);
}
