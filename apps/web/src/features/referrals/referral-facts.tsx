import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PartnerService, ReferralUrgency } from "@lentera/domain";

/**
 * What a referral asks for, as both sides read it: services, urgency, reason, then whatever the
 * side adds (`children`, e.g. what was shared), then the feedback when there is some.
 */
export function ReferralFacts({
  referral,
  children,
}: {
  referral: { services: readonly PartnerService[]; urgency: ReferralUrgency; reason: string; feedback: string | null };
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <dl className="referral-facts">
      <div>
        <dt>{t("referrals.item.services")}</dt>
        <dd>{referral.services.map((service) => t(`partners.service.${service}`)).join(", ")}</dd>
      </div>
      <div>
        <dt>{t("referrals.item.urgency")}</dt>
        <dd>{t(`referrals.urgency.${referral.urgency}`)}</dd>
      </div>
      <div>
        <dt>{t("referrals.item.reason")}</dt>
        <dd className="prewrap">{referral.reason}</dd>
      </div>
      {children}
      {referral.feedback && (
        <div>
          <dt>{t("referrals.item.feedback")}</dt>
          <dd className="prewrap">{referral.feedback}</dd>
        </div>
      )}
    </dl>
  );
}
