import { useTranslation } from "react-i18next";
import type { Trend } from "./outcome-summary";

const ARROWS: Record<Trend, string> = { better: "▲", worse: "▼", same: "=" };

/** Better, worse or the same: an arrow for the eye and always the word (never colour alone). */
export function TrendMark({ trend }: { trend: Trend | null }) {
  const { t } = useTranslation();
  if (!trend) return null;
  return (
    <span className={`trend trend--${trend}`}>
      <span aria-hidden="true">{ARROWS[trend]}</span> {t(`outcomes.trend.${trend}`)}
    </span>
  );
}

/** A domain at risk, marked in words with a symbol. */
export function AtRiskMark() {
  const { t } = useTranslation();
  return (
    <span className="pill pill--at-risk">
      <span aria-hidden="true">⚠</span> {t("outcomes.atRisk")}
    </span>
  );
}
