import { useTranslation } from "react-i18next";
import { diffPlanGoals, type ComparedGoalField } from "@lentera/domain";
import { useDateFormat } from "../cases/format";
import { useInterventionText } from "./goal-card";
import type { PlanGoal } from "./plan-types";
import { useOutcomeDomains } from "./use-outcome-domains";

type ShownField = Exclude<ComparedGoalField, "ownerUserId" | "ownerPartnerId"> | "owner";

/** The changed fields as a reader sees them: a user owner and a partner owner are one "owner". */
export function shownFields(fields: readonly ComparedGoalField[]): ShownField[] {
  const shown: ShownField[] = [];
  for (const field of fields) {
    const next: ShownField = field === "ownerUserId" || field === "ownerPartnerId" ? "owner" : field;
    if (!shown.includes(next)) shown.push(next);
  }
  return shown;
}

function useFieldValue() {
  const { t } = useTranslation();
  const format = useDateFormat();
  const { labelOf } = useOutcomeDomains();
  const interventionText = useInterventionText();
  const none = t("cases.page.none");
  return (goal: PlanGoal, field: ShownField): string => {
    switch (field) {
      case "domain":
        return t(`plans.domain.${goal.domain}`);
      case "status":
        return t(`plans.goalStatus.${goal.status}`);
      case "owner":
        return goal.ownerName ?? none;
      case "outcomeDomain":
        return goal.outcomeDomain ? labelOf(goal.outcomeDomain) : none;
      case "targetDate":
        return goal.targetDate ? format.date(goal.targetDate) : none;
      case "interventions":
        return goal.interventions.length ? goal.interventions.map(interventionText).join("; ") : none;
      default:
        return goal[field] ?? none;
    }
  };
}

/** What changed between two versions, goal by goal: added, removed, and each changed field before → after. */
export function PlanDiff({ before, after }: { before: readonly PlanGoal[]; after: readonly PlanGoal[] }) {
  const { t } = useTranslation();
  const valueOf = useFieldValue();
  const diffs = diffPlanGoals(before, after);
  const changes = diffs.filter((diff) => diff.kind !== "unchanged");
  const unchanged = diffs.length - changes.length;

  return (
    <div className="plan-diff">
      {changes.length === 0 ? (
        <p className="empty">{t("plans.diff.none")}</p>
      ) : (
        <ul className="diff-list">
          {changes.map((diff) => {
            const { before: old, after: next } = diff;
            const goal = next ?? old;
            if (!goal) return null;
            return (
              <li key={diff.key} className={`diff diff--${diff.kind}`}>
                <p className="diff__title">
                  <span className={`pill pill--diff-${diff.kind}`}>{t(`plans.diff.kind.${diff.kind}`)}</span>{" "}
                  <strong>{goal.title}</strong> <span className="case-card__meta">({t(`plans.domain.${goal.domain}`)})</span>
                </p>
                {diff.kind === "changed" && old && next && (
                  <dl className="diff__fields">
                    {shownFields(diff.fields).map((field) => (
                      <div key={field}>
                        <dt>{t(`plans.diff.field.${field}`)}</dt>
                        <dd>
                          <del>{valueOf(old, field)}</del> <span aria-hidden="true">→</span>
                          <span className="visually-hidden">{t("plans.diff.becomes")}</span> <ins>{valueOf(next, field)}</ins>
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
                {diff.kind === "added" && (
                  <p className="case-card__meta">
                    {[valueOf(goal, "baseline"), valueOf(goal, "target")].join(" → ")} · {t("plans.fields.owner")}: {valueOf(goal, "owner")}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {unchanged > 0 && <p className="field__hint">{t("plans.diff.unchanged", { n: String(unchanged) })}</p>}
    </div>
  );
}
