import { useEffect, useMemo, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Notice } from "../../ui/notice";
import { RiskBadge, StatusBadge } from "./case-badges";
import { caseActionsFor } from "./case-actions";
import { CaseChangeProvider, useCaseChangeState } from "./case-context";
import { CaseHistory } from "./case-history";
import { CaseOverviewSection } from "./case-overview-section";
import type { CaseOverview } from "./case-types";
import { CareTeamSection } from "./care-team-section";
import { ConsentsSection } from "./consents-section";
import { CreatedCaseNotice, readCreatedCase } from "./created-case-notice";
import { EditCaseSection } from "./edit-case-section";
import { IdentityPanel } from "./identity-panel";
import { StatusSection } from "./status-section";
import { PlanSection } from "../plans/plan-section";
import { OutcomesSection } from "../outcomes/outcomes-section";
import { AppointmentsSection } from "../appointments/appointments-section";
import { CaseRiskFlags } from "../sessions/case-risk-flags";
import { SessionsSection } from "../sessions/sessions-section";
import { MilestonesSection } from "../milestones/milestones-section";
import { FollowUpsSection } from "../follow-ups/follow-ups-section";
import { TimelineLink } from "../timeline/timeline-link";
import { CaseSummaryButton } from "../reports/case-summary-button";
import { ClientDataExportButton } from "./client-data-export-button";
import { ReferralsSection } from "../referrals/referrals-section";
import { OnlineHarmSection } from "../online-harm/online-harm-section";

export function CaseView({ caseData, routerState }: { caseData: CaseOverview; routerState: unknown }) {
  const { t } = useTranslation();
  const { notice, dismiss, succeeded, reload, formsKey } = useCaseChangeState(caseData.id);
  const change = useMemo(() => ({ caseData, succeeded, reload }), [caseData, succeeded, reload]);
  const actions = caseActionsFor(caseData);
  const [created] = useState(() => readCreatedCase(routerState));
  const navigate = useNavigate();
  const { pathname } = useLocation();

  // The "registered" notice is for this visit only: a reload or Back must not show it again.
  useEffect(() => {
    if (created) void navigate(pathname, { replace: true, state: null });
  }, [created, navigate, pathname]);

  return (
    <CaseChangeProvider value={change}>
      <header className="case-header">
        <h1>
          {caseData.client.alias} <span className="case-number">{caseData.caseNumber}</span>
        </h1>
        <p className="pill-row">
          <StatusBadge status={caseData.status} />
          <RiskBadge riskLevel={caseData.riskLevel} />
          <span className="case-header__team">{caseData.team.name}</span>
        </p>
        <TimelineLink caseId={caseData.id} />
        <CaseSummaryButton caseId={caseData.id} />
        <ClientDataExportButton caseData={caseData} />
      </header>
      {caseData.access === "break_glass" && (
        <p className="banner banner--warning">
          <strong>{t("cases.page.breakGlassBanner")}</strong> {t("cases.page.breakGlassDetail")}
        </p>
      )}
      <CaseRiskFlags caseId={caseData.id} />
      {created && <CreatedCaseNotice created={created} />}
      <Notice notice={notice} onDismiss={dismiss} />
      <div className="case-sections">
        <CaseOverviewSection caseData={caseData} />
        <StatusSection key={`status-${formsKey}`} actions={actions} />
        {caseData.status === "closed" && <FollowUpsSection key={`follow-ups-${formsKey}`} caseData={caseData} />}
        <PlanSection key={`plan-${formsKey}`} caseData={caseData} />
        <AppointmentsSection key={`appointments-${formsKey}`} caseData={caseData} />
        <SessionsSection key={`sessions-${formsKey}`} caseData={caseData} />
        <MilestonesSection key={`milestones-${formsKey}`} caseData={caseData} />
        <OutcomesSection key={`outcomes-${formsKey}`} caseData={caseData} />
        <ReferralsSection key={`referrals-${formsKey}`} caseData={caseData} />
        <OnlineHarmSection key={`online-harm-${formsKey}`} caseData={caseData} />
        {actions.revealIdentity && <IdentityPanel caseId={caseData.id} />}
        <CareTeamSection key={`care-team-${formsKey}`} canManage={actions.manageCareTeam} />
        <ConsentsSection key={`consents-${formsKey}`} canRecord={actions.recordConsent} />
        {actions.edit && <EditCaseSection key={`edit-${formsKey}`} />}
        <CaseHistory caseData={caseData} />
      </div>
    </CaseChangeProvider>
  );
}
