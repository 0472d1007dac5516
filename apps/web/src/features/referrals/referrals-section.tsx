import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { canOnCase, type ReferralSummary } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import type { CaseOverview } from "../cases/case-types";
import { useDisclosureForm } from "../milestones/use-disclosure-form";
import { useCatalogPart } from "../reports/use-catalog-part";
import { ReferForm } from "./refer-form";
import { ReferralItem } from "./referral-item";
import { overridesConsent } from "./referral-rules";
import "./referrals.css";

/**
 * The case's referrals to partners, with their status, dates and feedback; the care team and the
 * team's supervisor refer the case (the referral consent gate and a supervisor's override) and
 * record an outside partner's answer.
 */
export function ReferralsSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // The partner directory's words (kinds, services): the case page's route does not load that part.
  const wordsReady = useCatalogPart("partners");
  const referrals = useQuery(trpc.referrals.byCase.queryOptions({ caseId: caseData.id }));

  return (
    <section aria-labelledby="case-referrals-heading" className="card">
      <h2 id="case-referrals-heading">{t("referrals.section.heading")}</h2>
      {referrals.isPending || !wordsReady ? (
        <Loading />
      ) : referrals.isError ? (
        <QueryError error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : (
        <ReferralsBody caseData={caseData} referrals={referrals.data} />
      )}
    </section>
  );
}

function ReferralsBody({ caseData, referrals }: { caseData: CaseOverview; referrals: readonly ReferralSummary[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { open, close, opener } = useDisclosureForm<"refer">();
  const canWork = canOnCase(caseData.access, "edit_plan");
  const canRefer = canWork && caseData.status !== "closed";
  const referralConsent = caseData.consentScopesInForce.includes("referral");
  const informationSharing = caseData.consentScopesInForce.includes("information_sharing");
  const override = !referralConsent && overridesConsent(user, caseData.team.id);

  return (
    <>
      {canRefer && !referralConsent && (
        <div className="banner banner--warning">
          <p>{t("referrals.consent.missing")}</p>
          <p>{override ? t("referrals.consent.supervisorOverride") : t("referrals.consent.cannotSend")}</p>
        </div>
      )}
      {canRefer &&
        (referralConsent || override) &&
        (open === "refer" ? (
          <ReferForm override={override} informationSharing={informationSharing} onDone={close} />
        ) : (
          <div className="action-list">
            <button type="button" className="button button--primary" {...opener("refer")}>
              {t("referrals.section.refer")}
            </button>
          </div>
        ))}
      {referrals.length === 0 ? (
        <p className="empty">{t("referrals.section.empty")}</p>
      ) : (
        <ul className="consent-list">
          {referrals.map((referral) => (
            <ReferralItem key={referral.id} referral={referral} canWork={canWork} />
          ))}
        </ul>
      )}
    </>
  );
}
