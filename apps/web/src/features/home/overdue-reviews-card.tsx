import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PLAN_DOMAINS } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { useDateFormat } from "../cases/format";

/** Counted exactly up to this many; the server sends the oldest first, so these are the most urgent. */
const COUNTED = 100;
/** Shown before "Show all": the card stays short on a phone. */
const FIRST = 10;

const isPlanDomain = (value: string): value is (typeof PLAN_DOMAINS)[number] =>
  (PLAN_DOMAINS as readonly string[]).includes(value);

/**
 * Open goals whose progress review is overdue, on the cases the user works on or supervises.
 * Plain text and links only: this is on the first screen after sign-in, often on a slow phone.
 */
export function OverdueReviewsCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useDateFormat();
  // One more than we count, to know whether there are more.
  const reviews = useQuery(trpc.plans.overdueReviews.queryOptions({ limit: COUNTED + 1 }));
  const [showAll, setShowAll] = useState(false);

  return (
    <section className="card overdue-reviews" aria-labelledby="home-overdue-reviews">
      <h2 id="home-overdue-reviews">{t("home.overdueReviews.heading")}</h2>
      {reviews.isPending ? (
        <Loading />
      ) : reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <p className="empty">{t("home.overdueReviews.empty")}</p>
      ) : (
        <>
          <p className="overdue-reviews__count">
            {reviews.data.length > COUNTED
              ? t("home.overdueReviews.countMore", { number: String(COUNTED) })
              : t("home.overdueReviews.count", { number: String(reviews.data.length) })}
          </p>
          <ul className="overdue-reviews__list">
            {reviews.data.slice(0, showAll ? COUNTED : FIRST).map((review) => (
              <li key={`${review.caseId}-${review.goalKey}`}>
                <Link to={`/cases/${review.caseId}`}>
                  {review.caseNumber} · {review.alias}
                </Link>
                <p className="overdue-reviews__goal">{review.goalTitle}</p>
                <p className="overdue-reviews__meta">
                  {t("home.overdueReviews.domain", {
                    domain: isPlanDomain(review.domain) ? t(`settings.domains.${review.domain}`) : review.domain,
                  })}
                  {" · "}
                  {t("home.overdueReviews.due", { date: format.date(review.dueOn) })}
                </p>
              </li>
            ))}
          </ul>
          {reviews.data.length > FIRST && (
            <button type="button" className="button button--secondary" onClick={() => setShowAll(!showAll)}>
              {showAll ? t("home.overdueReviews.showFewer") : t("home.overdueReviews.showAll")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
