import { useTranslation } from "react-i18next";
import { domainCodeOf, domainDetailsOf, errorMessageKey, reasonOf } from "../../lib/api-errors";
import { RefusedChange } from "../../ui/refused-change";
import { useOutcomeDomains } from "./use-outcome-domains";
import { usePlanChange } from "./use-plan-change";

/** Someone else saved, submitted or decided first: only a reload shows what is true now. */
export function needsReload(error: unknown): boolean {
  const code = domainCodeOf(error);
  return code === "stale_version" || code === "conflict";
}

/**
 * Why a change to the plan was refused, next to the form that asked. The user's text stays in the
 * form until they choose to reload (which drops every open plan form, so nothing stale is kept).
 */
export function PlanChangeError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { labelOf } = useOutcomeDomains();
  const { reloadPlan } = usePlanChange();
  const present = error !== null && error !== undefined;

  let message = "";
  if (present) {
    if (reasonOf(error) === "at_risk_domains_without_goals") {
      const details = domainDetailsOf(error);
      const domains = Array.isArray(details?.domains) ? details.domains.filter((item): item is string => typeof item === "string") : [];
      message = t("errors.at_risk_domains_without_goals", { domains: domains.map(labelOf).join(", ") });
    } else if (domainCodeOf(error) === "stale_version") {
      message = t("plans.stale");
    } else {
      message = t(errorMessageKey(error));
    }
  }

  return (
    <RefusedChange
      message={present ? message : null}
      reload={needsReload(error) ? { label: t("plans.reload"), run: reloadPlan } : null}
    />
  );
}
