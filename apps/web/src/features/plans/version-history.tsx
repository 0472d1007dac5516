import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanDomain } from "@lentera/domain";
import { VersionCompare } from "./version-compare";
import { VersionView } from "./version-view";
import type { PlanVersionSummary } from "./plan-types";
import { DecisionComment, VersionFacts, VersionStatusPill } from "./version-facts";

/** Every version of the plan, newest first; any one opens read-only, and two can be compared. */
export function VersionHistory({ versions, domains }: { versions: readonly PlanVersionSummary[]; domains: readonly PlanDomain[] }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  if (versions.length === 0) return null;

  // Nothing inside is rendered (or fetched) until the history is opened.
  return (
    <details className="plan-details plan-history" onToggle={(event) => setExpanded(event.currentTarget.open)}>
      <summary>{t("plans.history.heading", { n: String(versions.length) })}</summary>
      {expanded && <VersionList versions={versions} domains={domains} />}
    </details>
  );
}

function VersionList({ versions, domains }: { versions: readonly PlanVersionSummary[]; domains: readonly PlanDomain[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  return (
    <>
      <ul className="version-list">
        {versions.map((version) => {
          const name = t("plans.version.number", { number: String(version.number) });
          const open = shown === version.id;
          return (
            <li key={version.id} className="version">
              <p className="version__title">
                <strong>{name}</strong> <VersionStatusPill status={version.status} />
              </p>
              <VersionFacts version={version} />
              <DecisionComment version={version} />
              <button type="button" className="button button--quiet" aria-expanded={open} onClick={() => setShown(open ? null : version.id)}>
                {open ? t("plans.history.close") : t("plans.history.open")}
                <span className="visually-hidden"> ({name})</span>
              </button>
              {open && <VersionView versionId={version.id} domains={domains} />}
            </li>
          );
        })}
      </ul>
      {versions.length >= 2 && <VersionCompare versions={versions} />}
    </>
  );
}
