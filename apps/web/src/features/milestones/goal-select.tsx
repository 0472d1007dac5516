import type { Ref, SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../ui/select-field";
import type { GoalChoice } from "./milestone-types";

interface GoalSelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  goals: readonly GoalChoice[];
  /** The goal already linked, kept as a choice when the plan no longer offers it. */
  current?: { key: string; title: string | null } | null;
  error?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
}

/** "Plan goal": none, or one of the case plan's goals. */
export function GoalSelect({ goals, current, error, ...selectProps }: GoalSelectProps) {
  const { t } = useTranslation();
  const kept = current && !goals.some((goal) => goal.key === current.key) ? current : null;
  return (
    <SelectField label={t("milestones.field.goal")} error={error} {...selectProps}>
      <option value="">{t("milestones.field.noGoal")}</option>
      {kept && <option value={kept.key}>{kept.title ?? t("milestones.facts.earlierGoal")}</option>}
      {goals.map((goal) => (
        <option key={goal.key} value={goal.key}>
          {goal.title}
        </option>
      ))}
    </SelectField>
  );
}
