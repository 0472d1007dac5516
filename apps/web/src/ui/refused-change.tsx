import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Why a change was refused, next to the form that asked; announced to screen readers. When the
 * record changed elsewhere, a button loads the latest, and the user's text stays until they press it.
 */
export function RefusedChange({
  message,
  reload,
}: {
  /** The translated message, or null when nothing was refused. */
  message: string | null;
  /** Offered when only a reload can show what is true now. */
  reload?: { label: string; run: () => Promise<void> | void } | null;
}) {
  const { t } = useTranslation();
  const [reloading, setReloading] = useState(false);
  return (
    <div role="alert" className="notice-region">
      {message !== null && (
        <div className="notice notice--error">
          <p>{message}</p>
          {reload && (
            <button
              type="button"
              className="button button--secondary"
              disabled={reloading}
              onClick={() => {
                setReloading(true);
                void Promise.resolve(reload.run()).finally(() => setReloading(false));
              }}
            >
              {reloading ? t("common.loading") : reload.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
