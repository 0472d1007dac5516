import { useTranslation } from "react-i18next";
import { useDateFormat } from "../cases/format";
import { GoalReviews } from "./goal-reviews";
import { GoalsByDomain } from "./goals-by-domain";
import type { PlanData } from "./plan-types";

type InForce = NonNullable<PlanData["inForce"]>;

/** The approved version: goals by domain, each with its reviews and when the next one is due. */
export function PlanInForce({ plan, inForce }: { plan: PlanData; inForce: InForce }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const approvedAt = inForce.approvedAt ?? inForce.decidedAt;
  return (
    <div className="plan-block">
      <h3>
        {t("plans.inForce.heading", { number: String(inForce.number) })} <span className="pill pill--in-force">{t("plans.inForce.pill")}</span>
      </h3>
      <p className="case-card__meta">
        {approvedAt && inForce.decidedBy
          ? t("plans.inForce.approved", { date: format.date(approvedAt), name: inForce.decidedBy.name })
          : t("plans.inForce.approvedUnknown")}
      </p>
      <GoalsByDomain
        goals={inForce.goals}
        domains={plan.settings.domains}
        extra={(goal) => (
          <GoalReviews
            goal={goal}
            reviews={plan.reviews.filter((review) => review.goalKey === goal.key)}
            due={plan.reviewsDue.find((due) => due.goalKey === goal.key) ?? null}
            canReview={plan.permissions.review}
          />
        )}
      />
    </div>
  );
}
