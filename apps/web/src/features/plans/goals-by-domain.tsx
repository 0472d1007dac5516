import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PlanDomain } from "@lentera/domain";
import { groupByDomain } from "./plan-grouping";
import type { PlanGoal } from "./plan-types";
import { GoalCard } from "./goal-card";

/** A version's goals under their domains; `extra` adds what belongs under a goal (its reviews). */
export function GoalsByDomain({
  goals,
  domains,
  extra,
}: {
  goals: readonly PlanGoal[];
  domains: readonly PlanDomain[];
  extra?: (goal: PlanGoal) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="plan-domains">
      {groupByDomain(domains, goals).map((group) => (
        <div key={group.domain} className="plan-domain">
          <h4 className="plan-domain__heading">{t(`plans.domain.${group.domain}`)}</h4>
          {group.goals.length === 0 ? (
            <p className="empty">{t("plans.noGoalsInDomain")}</p>
          ) : (
            <ul className="goal-list">
              {group.goals.map((goal) => (
                <GoalCard key={goal.key} goal={goal}>
                  {extra?.(goal)}
                </GoalCard>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
