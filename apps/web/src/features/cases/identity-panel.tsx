import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useTRPCClient } from "../../lib/trpc";
import { isUnauthenticated } from "../../lib/api-errors";
import { notifySessionExpired } from "../../lib/session-expiry";
import { caseErrorKey } from "./change-error";
import { Fact } from "./case-overview-section";
import type { RevealedIdentity } from "./case-types";

/** Identifying details leave the screen by themselves after this long (a phone may be shared). */
const SHOWN_FOR_MS = 3 * 60_000;

/**
 * Legal name, numbers, contact and exact address, only when asked for (the server logs every
 * request). Kept in this component's state alone, never in the query cache: "Hide", leaving the
 * page or the time running out drops them from memory.
 */
export function IdentityPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const [identity, setIdentity] = useState<RevealedIdentity | null>(null);
  const [loading, setLoading] = useState(false);
  const [errorKey, setErrorKey] = useState<string | null>(null);

  useEffect(() => {
    if (!identity) return;
    const timer = window.setTimeout(() => setIdentity(null), SHOWN_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [identity]);

  async function reveal() {
    setLoading(true);
    setErrorKey(null);
    try {
      setIdentity(await client.cases.revealIdentity.mutate({ caseId }));
    } catch (error) {
      if (isUnauthenticated(error)) notifySessionExpired();
      setErrorKey(caseErrorKey(error));
    } finally {
      setLoading(false);
    }
  }

  return (
    <section aria-labelledby="case-identity-heading" className="card card--protected">
      <h2 id="case-identity-heading">
        {t("cases.identity.heading")} <span className="protected-tag">{t("cases.identity.protected")}</span>
      </h2>
      <div role="alert" className="notice-region">
        {errorKey && <p className="notice notice--error">{t(errorKey)}</p>}
      </div>
      {identity ? (
        <>
          <IdentityDetails identity={identity} />
          <button
            type="button"
            className="button button--secondary"
            // The "Show" button the user pressed is gone; keep the keyboard where it was.
            autoFocus
            onClick={() => setIdentity(null)}
          >
            {t("cases.identity.hide")}
          </button>
        </>
      ) : (
        <>
          <p className="field__hint">{t("cases.identity.explanation")}</p>
          <button type="button" className="button button--secondary" disabled={loading} onClick={() => void reveal()}>
            {loading ? t("common.loading") : t("cases.identity.show")}
          </button>
        </>
      )}
    </section>
  );
}

function IdentityDetails({ identity }: { identity: RevealedIdentity }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <Fact label={t("cases.fields.identity.legalName")}>{identity.legalName}</Fact>
      <Fact label={t("cases.fields.identity.identityNumbers")}>
        {identity.identityNumbers.length > 0 && (
          <ul className="plain-list plain-list--flush">
            {identity.identityNumbers.map((entry, index) => (
              <li key={`${entry.kind}-${index}`}>
                {t(`cases.identityKind.${entry.kind}`)}: {entry.number}
              </li>
            ))}
          </ul>
        )}
      </Fact>
      <Fact label={t("cases.fields.identity.phone")}>{identity.phone}</Fact>
      <Fact label={t("cases.fields.identity.email")}>{identity.email}</Fact>
      <Fact label={t("cases.fields.identity.villageOrCommune")}>{identity.villageOrCommune}</Fact>
      <Fact label={t("cases.fields.identity.streetAddress")}>{identity.streetAddress}</Fact>
      <Fact label={t("cases.fields.identity.guardianName")}>{identity.guardianName}</Fact>
      <Fact label={t("cases.fields.identity.guardianContact")}>{identity.guardianContact}</Fact>
    </dl>
  );
}
