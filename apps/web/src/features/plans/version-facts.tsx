import { useTranslation } from "react-i18next";
import type { PlanVersionStatus } from "@lentera/domain";
import { useDateFormat } from "../cases/format";
import type { PlanVersionSummary } from "./plan-types";

export function VersionStatusPill({ status }: { status: PlanVersionStatus }) {
  const { t } = useTranslation();
  return <span className={`pill pill--version-${status}`}>{t(`plans.versionStatus.${status}`)}</span>;
}

/** Who drafted, submitted and decided a version, and when. */
export function VersionFacts({ version }: { version: PlanVersionSummary }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const facts = [
    version.draftedBy && t("plans.version.drafted", { name: version.draftedBy.name, date: format.date(version.createdAt) }),
    version.submittedBy && version.submittedAt && t("plans.version.submitted", { name: version.submittedBy.name, date: format.date(version.submittedAt) }),
    version.decidedBy &&
      version.decidedAt &&
      t(version.approvedAt ? "plans.version.approved" : "plans.version.returned", {
        name: version.decidedBy.name,
        date: format.date(version.decidedAt),
      }),
  ].filter(Boolean);
  return <p className="case-card__meta">{facts.join(" · ")}</p>;
}

/** The supervisor's comment on a decision, shown as it was written. */
export function DecisionComment({ version }: { version: PlanVersionSummary }) {
  const { t } = useTranslation();
  if (!version.decisionComment) return null;
  return (
    <blockquote className="decision-comment">
      <p className="decision-comment__label">{t("plans.version.comment", { name: version.decidedBy?.name ?? "" })}</p>
      <p className="prewrap">{version.decisionComment}</p>
    </blockquote>
  );
}
