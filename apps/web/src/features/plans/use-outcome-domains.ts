import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { localize, type PlanDomain } from "@lentera/domain";
import { isLocale } from "../../i18n";
import { useTRPC } from "../../lib/trpc";

export interface OutcomeDomainOption {
  id: string;
  label: string;
  planDomain: PlanDomain;
}

/**
 * The outcome-instrument domains a goal can work on, named in the interface language (each
 * instrument definition carries its own translations). The first instrument naming an id wins.
 */
export function useOutcomeDomains() {
  const trpc = useTRPC();
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "en";
  const instruments = useQuery({ ...trpc.outcomes.instruments.queryOptions(), staleTime: 10 * 60_000 });
  return useMemo(() => {
    const options: OutcomeDomainOption[] = [];
    for (const definition of instruments.data ?? []) {
      for (const domain of definition.domains) {
        if (!options.some((option) => option.id === domain.id)) {
          options.push({ id: domain.id, label: localize(domain.label, locale), planDomain: domain.planDomain });
        }
      }
    }
    /** The name of an outcome domain; its id while the definitions load (or if none names it). */
    const labelOf = (id: string) => options.find((option) => option.id === id)?.label ?? id;
    return { options, labelOf };
  }, [instruments.data, locale]);
}
