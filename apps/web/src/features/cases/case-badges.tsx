import { useTranslation } from "react-i18next";
import type { CaseStatus, RiskLevel } from "@lentera/domain";

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`pill pill--status-${status}`}>
      <span className="visually-hidden">{t("cases.labels.status")}: </span>
      {t(`cases.status.${status}`)}
    </span>
  );
}

export function RiskBadge({ riskLevel }: { riskLevel: RiskLevel }) {
  const { t } = useTranslation();
  return <span className={`pill pill--risk-${riskLevel}`}>{t("cases.riskBadge", { level: t(`cases.risk.${riskLevel}`) })}</span>;
}
