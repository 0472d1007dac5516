import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The recovery codes, shown once: a list to read, copy or print. Nothing keeps them after this
 * component is gone (only their hashes are on the server).
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied(true);
    } catch {
      // No clipboard (an old browser or an insecure page): the codes are still on screen to write down.
    }
  }

  return (
    <section className="card form-section recovery-codes" aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading">{t("security.recovery.heading")}</h2>
      <p>{t("security.recovery.intro")}</p>
      <ol className="recovery-codes__list" aria-labelledby="recovery-codes-heading">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t("security.recovery.copy")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t("security.recovery.print")}
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {t("security.recovery.done")}
        </button>
      </div>
      <p role="status" className="notice-region">
        {copied && t("security.recovery.copied")}
      </p>
    </section>
  );
}
