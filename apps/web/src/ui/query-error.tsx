import { useTranslation } from "react-i18next";
import { errorMessageKey } from "../lib/api-errors";

/** A failed load, explained, with a way to try again (connections drop often in the field). */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice--error">
      <p>{t(errorMessageKey(error))}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t("common.retry")}
      </button>
    </div>
  );
}
