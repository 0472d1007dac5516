import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PossibleDuplicate } from "./case-types";

/** What the intake form hands to the new case's page (router state). */
export interface CreatedCaseState {
  created: { caseNumber: string; possibleDuplicates: PossibleDuplicate[] };
}

export function readCreatedCase(state: unknown): CreatedCaseState["created"] | null {
  if (typeof state !== "object" || state === null || !("created" in state)) return null;
  const { created } = state;
  if (typeof created !== "object" || created === null) return null;
  const { caseNumber, possibleDuplicates } = created as Record<string, unknown>;
  if (typeof caseNumber !== "string" || !Array.isArray(possibleDuplicates)) return null;
  return {
    caseNumber,
    possibleDuplicates: possibleDuplicates.filter(
      (item): item is PossibleDuplicate =>
        typeof item === "object" && item !== null && typeof (item as PossibleDuplicate).caseNumber === "string",
    ),
  };
}

/** "Case LNT-2026-000001 was registered", with the duplicate warning if the server found any. */
export function CreatedCaseNotice({ created }: { created: CreatedCaseState["created"] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(true);
  return (
    <div role="status" className="notice-region">
      {shown && (
        <div className="notice notice--success notice--stacked">
          <p>{t("cases.page.created", { caseNumber: created.caseNumber })}</p>
          {created.possibleDuplicates.length > 0 && (
            <ul className="plain-list plain-list--flush">
              {created.possibleDuplicates.map((duplicate) => (
                <li key={duplicate.caseNumber}>
                  {t("cases.duplicates.item", { caseNumber: duplicate.caseNumber, team: duplicate.teamName })}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button button--quiet" onClick={() => setShown(false)}>
            {t("common.dismiss")}
          </button>
        </div>
      )}
    </div>
  );
}
