import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useDateFormat } from "../cases/format";
import type { GoalReview } from "./plan-types";

/**
 * A goal's progress over its reviews. Loaded lazily (recharts stays out of the first screen); the
 * drawing is hidden from screen readers, which get the summary here and the table beside it.
 */
export default function GoalProgressChart({ reviews, title }: { reviews: readonly GoalReview[]; title: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const points = reviews.map((review) => ({ date: format.date(review.reviewedOn), progress: review.progress ?? 0 }));
  const first = points[0];
  const last = points.at(-1);
  return (
    <figure className="goal-chart">
      <div className="goal-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={160}>
          <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#dde1e7" strokeDasharray="3 3" />
            <XAxis dataKey="date" tick={{ fontSize: 12, fill: "#4a5563" }} interval="preserveStartEnd" minTickGap={16} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12, fill: "#4a5563" }} unit="%" />
            <Tooltip formatter={(value) => [`${String(value)}%`, t("plans.review.progress")]} />
            <Line type="monotone" dataKey="progress" stroke="#1d4e89" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      {first && last && (
        <figcaption className="field__hint">
          {t("plans.review.chartSummary", {
            goal: title,
            from: String(first.progress),
            to: String(last.progress),
            start: first.date,
            end: last.date,
            n: String(points.length),
          })}
        </figcaption>
      )}
    </figure>
  );
}
