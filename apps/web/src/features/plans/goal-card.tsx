import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDateFormat } from "../cases/format";
import type { PlanGoal, PlanIntervention } from "./plan-types";
import { useOutcomeDomains } from "./use-outcome-domains";

/** "Counseling · Puskesmas Harapan · weekly · 1 Mar 2026 – 31 May 2026". */
export function useInterventionText() {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (item: PlanIntervention) => {
    const span =
      item.startDate || item.endDate
        ? `${item.startDate ? format.date(item.startDate) : "…"} – ${item.endDate ? format.date(item.endDate) : "…"}`
        : null;
    return [t(`plans.interventionType.${item.type}`), item.providerName, item.frequency, span].filter(Boolean).join(" · ");
  };
}

export function GoalStatusPill({ status }: { status: PlanGoal["status"] }) {
  const { t } = useTranslation();
  return <span className={`pill pill--goal-${status}`}>{t(`plans.goalStatus.${status}`)}</span>;
}

/** One goal as read: what it is, who owns it, by when, and the services that work on it. */
export function GoalCard({ goal, children }: { goal: PlanGoal; children?: ReactNode }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const { labelOf } = useOutcomeDomains();
  const interventionText = useInterventionText();
  const none = t("cases.page.none");
  return (
    <li className="goal">
      <p className="goal__title">
        <strong>{goal.title}</strong> <GoalStatusPill status={goal.status} />
      </p>
      {goal.description && <p className="prewrap">{goal.description}</p>}
      <dl className="goal__facts">
        <div>
          <dt>{t("plans.fields.baselineToTarget")}</dt>
          <dd>
            {goal.baseline ?? none} → {goal.target ?? none}
          </dd>
        </div>
        <div>
          <dt>{t("plans.fields.owner")}</dt>
          <dd>{goal.ownerName ?? none}</dd>
        </div>
        <div>
          <dt>{t("plans.fields.targetDate")}</dt>
          <dd>{goal.targetDate ? format.date(goal.targetDate) : none}</dd>
        </div>
        {goal.outcomeDomain && (
          <div>
            <dt>{t("plans.fields.outcomeDomain")}</dt>
            <dd>{labelOf(goal.outcomeDomain)}</dd>
          </div>
        )}
      </dl>
      {goal.interventions.length > 0 && (
        <>
          <p className="goal__label">{t("plans.fields.interventions")}</p>
          <ul className="plain-list plain-list--flush">
            {goal.interventions.map((item, index) => (
              <li key={index}>{interventionText(item)}</li>
            ))}
          </ul>
        </>
      )}
      {children}
    </li>
  );
}
