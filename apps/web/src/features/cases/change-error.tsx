import { useState } from "react";
import { useTranslation } from "react-i18next";
import { domainCodeOf, errorMessageKey } from "../../lib/api-errors";
import { useCaseChange } from "./case-context";

/** The message for a refused change on a case. */
export function caseErrorKey(error: unknown): string {
  const code = domainCodeOf(error);
  if (code === "stale_version") return "cases.page.stale";
  // Never say whether the case exists: the same words as when opening it.
  if (code === "not_found") return "cases.page.notFound";
  return errorMessageKey(error);
}

/**
 * Why a change on the case failed, next to the form that asked. When someone else changed the
 * case first, the user's text stays in the form until they choose to reload.
 */
export function ChangeError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { reload } = useCaseChange();
  const [reloading, setReloading] = useState(false);
  const stale = domainCodeOf(error) === "stale_version";
  return (
    <div role="alert" className="notice-region">
      {error !== null && error !== undefined && (
        <div className="notice notice--error">
          <p>{t(caseErrorKey(error))}</p>
          {stale && (
            <button
              type="button"
              className="button button--secondary"
              disabled={reloading}
              onClick={() => {
                setReloading(true);
                void reload().finally(() => setReloading(false));
              }}
            >
              {reloading ? t("common.loading") : t("cases.page.reload")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
