import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import type { DashboardFilter } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { useTranslation } from "react-i18next";
import { isLocale } from "../../i18n";
import { domainLabel, localText } from "../outcomes/instrument-text";
import type { FilterNames } from "./filter-words";

/** The dashboard's teams and workers change rarely: a page opened from the dashboard reuses its answer. */
const NAMES_STALE_MS = 5 * 60_000;

/**
 * Names for the ids a filter holds. They come from the dashboard's own answer for the same filter
 * (usually already in the cache, as the user came from there) and, for outcome lists, from the
 * instruments; asked for only when the filter names a team, a person or an instrument.
 */
export function useReportNames(filter: DashboardFilter, needs: { people: boolean; instruments: boolean }): FilterNames {
  const trpc = useTRPC();
  const dashboard = useQuery({ ...trpc.dashboard.get.queryOptions({ filter }), enabled: needs.people, staleTime: NAMES_STALE_MS });
  const instruments = useQuery({ ...trpc.outcomes.instruments.queryOptions(), enabled: needs.instruments, staleTime: NAMES_STALE_MS });
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "en";
  return useMemo(() => {
    const newest = (code: string) =>
      instruments.data?.filter((definition) => definition.code === code).sort((a, b) => b.version - a.version)[0];
    return {
      team: (id) => dashboard.data?.teams.find((team) => team.id === id)?.name ?? null,
      person: (id) => dashboard.data?.workers.find((worker) => worker.id === id)?.name ?? null,
      instrument: (code) => {
        const definition = newest(code);
        return definition ? localText(definition.name, locale) : null;
      },
      outcomeDomain: (code, domain) => {
        const definition = code ? newest(code) : undefined;
        return definition ? domainLabel(definition, domain, locale) : null;
      },
      partner: (id) => dashboard.data?.referrals.byPartner.find((row) => row.partner.id === id)?.partner.name ?? null,
    };
  }, [dashboard.data, instruments.data, locale]);
}
