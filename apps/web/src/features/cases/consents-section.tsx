import { useState } from "react";
import { useTranslation } from "react-i18next";
import { consentInForce } from "@lentera/domain";
import { useCaseChange } from "./case-context";
import type { CaseConsent } from "./case-types";
import { RecordConsentForm, WithdrawConsentForm } from "./consent-forms";
import { todayIso, useDateFormat } from "./format";

export function ConsentsSection({ canRecord }: { canRecord: boolean }) {
  const { t } = useTranslation();
  const { caseData } = useCaseChange();
  const [recording, setRecording] = useState(false);
  const inForce = caseData.consentScopesInForce;

  return (
    <section aria-labelledby="case-consents-heading" className="card">
      <h2 id="case-consents-heading">{t("cases.consents.heading")}</h2>
      <p>
        {inForce.length > 0
          ? t("cases.consents.inForceSummary", { scopes: inForce.map((scope) => t(`cases.consentScope.${scope}`)).join(", ") })
          : t("cases.consents.noneInForce")}
      </p>
      {caseData.consents.length === 0 ? (
        <p className="empty">{t("cases.consents.empty")}</p>
      ) : (
        <ul className="consent-list">
          {caseData.consents.map((consent) => (
            <ConsentItem key={consent.id} consent={consent} canWithdraw={canRecord} />
          ))}
        </ul>
      )}
      {canRecord &&
        (recording ? (
          <RecordConsentForm onDone={() => setRecording(false)} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setRecording(true)}>
            {t("cases.consents.record")}
          </button>
        ))}
    </section>
  );
}

function ConsentItem({ consent, canWithdraw }: { consent: CaseConsent; canWithdraw: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [withdrawing, setWithdrawing] = useState(false);
  const active = consentInForce(consent, todayIso());
  const scope = t(`cases.consentScope.${consent.scope}`);

  return (
    <li className="consent">
      <p className="consent__title">
        <strong>{scope}</strong>{" "}
        <span className={active ? "pill pill--in-force" : "pill pill--not-in-force"}>
          {active ? t("cases.consents.inForce") : t("cases.consents.notInForce")}
        </span>
      </p>
      <p className="case-card__meta">
        {t("cases.consents.given", {
          giver: t(`cases.consentGiver.${consent.givenBy}`),
          date: format.date(consent.givenOn),
        })}
        {consent.expiresOn && ` · ${t("cases.consents.expires", { date: format.date(consent.expiresOn) })}`}
        {consent.withdrawnOn && ` · ${t("cases.consents.withdrawnOn", { date: format.date(consent.withdrawnOn) })}`}
      </p>
      {consent.note && <p className="prewrap">{consent.note}</p>}
      {consent.withdrawalReason && <p className="prewrap">{t("cases.consents.withdrawalReason", { reason: consent.withdrawalReason })}</p>}
      {canWithdraw &&
        !consent.withdrawnOn &&
        (withdrawing ? (
          <WithdrawConsentForm consent={consent} onDone={() => setWithdrawing(false)} />
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setWithdrawing(true)}>
            {t("cases.consents.withdraw")}
            <span className="visually-hidden"> {scope}</span>
          </button>
        ))}
    </li>
  );
}
