import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDateFormat } from "../cases/format";
import type { GoalReview, PlanGoal, ReviewDue } from "./plan-types";
import { RecordReviewForm } from "./record-review-form";

// recharts is large: it loads only when a goal has a progress history to draw.
const GoalProgressChart = lazy(() => import("./goal-progress-chart"));

/** "60% · Good progress". */
export function useReviewText() {
  const { t } = useTranslation();
  return (review: GoalReview) =>
    [review.progress !== null ? t("plans.review.percent", { value: String(review.progress) }) : null, review.rating ? t(`plans.rating.${review.rating}`) : null]
      .filter(Boolean)
      .join(" · ");
}

/** Under a goal of the plan in force: when it is due, its latest review, the history and a chart. */
export function GoalReviews({
  goal,
  reviews,
  due,
  canReview,
}: {
  goal: PlanGoal;
  reviews: readonly GoalReview[];
  due: ReviewDue | null;
  canReview: boolean;
}) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const reviewText = useReviewText();
  const [recording, setRecording] = useState(false);
  const latest = reviews.at(-1) ?? null;
  const progressPoints = reviews.filter((review) => review.progress !== null);

  return (
    <div className="goal__reviews">
      {due && (
        <p>
          <span className={due.overdue ? "pill pill--overdue" : "pill pill--due"}>
            {due.overdue ? t("plans.review.overdueSince", { date: format.date(due.dueOn) }) : t("plans.review.dueOn", { date: format.date(due.dueOn) })}
          </span>
        </p>
      )}
      <p>
        {latest
          ? t("plans.review.latest", { date: format.date(latest.reviewedOn), result: reviewText(latest), name: latest.reviewedBy })
          : t("plans.review.none")}
      </p>
      {latest?.note && <p className="prewrap goal__note">{latest.note}</p>}
      {reviews.length > 0 && (
        <details className="goal__history">
          <summary>{t("plans.review.history", { n: String(reviews.length) })}</summary>
          {progressPoints.length >= 2 && (
            <Suspense fallback={<p className="status">{t("common.loading")}</p>}>
              <GoalProgressChart reviews={progressPoints} title={goal.title} />
            </Suspense>
          )}
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t("plans.review.tableCaption", { goal: goal.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("plans.review.date")}</th>
                  <th scope="col">{t("plans.review.result")}</th>
                </tr>
              </thead>
              <tbody>
                {reviews.map((review) => (
                  <tr key={review.id}>
                    <td className="cell--nowrap">{format.date(review.reviewedOn)}</td>
                    <td>
                      <strong>{reviewText(review)}</strong>
                      {review.note && <span className="review-note prewrap">{review.note}</span>}
                      <span className="case-card__meta review-note">{review.reviewedBy}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {canReview &&
        (recording ? (
          <RecordReviewForm goal={goal} onDone={() => setRecording(false)} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setRecording(true)}>
            {t("plans.review.record")}
            <span className="visually-hidden"> ({goal.title})</span>
          </button>
        ))}
    </div>
  );
}
