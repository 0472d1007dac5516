import { useTranslation } from "react-i18next";
import type { PossibleDuplicate } from "./case-types";

/** A warning, never a block: the other team may hold the same child's case and should be called. */
export function DuplicateWarning({ duplicates }: { duplicates: readonly PossibleDuplicate[] }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="notice-region">
      {duplicates.length > 0 && (
        <div className="notice notice--warning notice--stacked">
          <ul className="plain-list plain-list--flush">
            {duplicates.map((duplicate) => (
              <li key={duplicate.caseNumber}>
                {t("cases.duplicates.item", { caseNumber: duplicate.caseNumber, team: duplicate.teamName })}
              </li>
            ))}
          </ul>
          <p>{t("cases.duplicates.hint")}</p>
        </div>
      )}
    </div>
  );
}
