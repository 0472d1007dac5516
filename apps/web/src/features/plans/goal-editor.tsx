import { useTranslation } from "react-i18next";
import { useFormContext } from "react-hook-form";
import { GOAL_STATUSES, type PlanDomain } from "@lentera/domain";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { asNullableText } from "../cases/intake-schema";
import type { DraftForm } from "./draft-values";
import { InterventionsEditor } from "./interventions-editor";
import { OwnerSelect } from "./owner-select";
import type { OwnerOptions } from "./plan-types";
import type { OutcomeDomainOption } from "./use-outcome-domains";

interface GoalEditorProps {
  index: number;
  count: number;
  /** The domains a goal may be filed under (the agency's, plus this goal's own if switched off since). */
  domains: readonly PlanDomain[];
  outcomeDomains: readonly OutcomeDomainOption[];
  options: OwnerOptions | undefined;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** Every field of one goal of the draft, with buttons to move it up or down and to remove it. */
export function GoalEditor({ index, count, domains, outcomeDomains, options, onMove, onRemove }: GoalEditorProps) {
  const { t } = useTranslation();
  const {
    register,
    formState: { errors },
  } = useFormContext<DraftForm>();
  const goalErrors = errors.goals?.[index];
  const name = `goals.${index}` as const;
  const n = String(index + 1);
  const first = index === 0;
  const last = index === count - 1;

  return (
    <fieldset className="goal-editor">
      <legend>{t("plans.editor.goalN", { n })}</legend>
      <div className="goal-editor__tools">
        <button
          type="button"
          className="button button--quiet"
          aria-disabled={first || undefined}
          onClick={() => {
            if (!first) onMove(index - 1);
          }}
        >
          <span aria-hidden="true">↑ </span>
          {t("plans.editor.moveUp")}
          <span className="visually-hidden"> ({t("plans.editor.goalN", { n })})</span>
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-disabled={last || undefined}
          onClick={() => {
            if (!last) onMove(index + 1);
          }}
        >
          <span aria-hidden="true">↓ </span>
          {t("plans.editor.moveDown")}
          <span className="visually-hidden"> ({t("plans.editor.goalN", { n })})</span>
        </button>
      </div>
      <TextField label={t("plans.fields.title")} error={goalErrors?.title?.message} {...register(`${name}.title`)} />
      <div className="field-row">
        <SelectField label={t("plans.fields.domain")} error={goalErrors?.domain?.message} {...register(`${name}.domain`)}>
          {domains.map((domain) => (
            <option key={domain} value={domain}>
              {t(`plans.domain.${domain}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("plans.fields.status")} error={goalErrors?.status?.message} {...register(`${name}.status`)}>
          {GOAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`plans.goalStatus.${status}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField label={t("plans.fields.description")} rows={2} error={goalErrors?.description?.message} {...register(`${name}.description`)} />
      <div className="field-row">
        <TextareaField label={t("plans.fields.baseline")} rows={2} error={goalErrors?.baseline?.message} {...register(`${name}.baseline`)} />
        <TextareaField label={t("plans.fields.target")} rows={2} error={goalErrors?.target?.message} {...register(`${name}.target`)} />
      </div>
      <div className="field-row">
        <OwnerSelect index={index} options={options} error={goalErrors?.ownerPartnerId?.message ?? goalErrors?.ownerUserId?.message} />
        <TextField
          label={t("plans.fields.targetDate")}
          type="date"
          error={goalErrors?.targetDate?.message}
          {...register(`${name}.targetDate`, { setValueAs: asNullableText })}
        />
      </div>
      <SelectField
        label={t("plans.fields.outcomeDomain")}
        error={goalErrors?.outcomeDomain?.message}
        {...register(`${name}.outcomeDomain`, { setValueAs: asNullableText })}
      >
        <option value="">{t("plans.editor.noOutcomeDomain")}</option>
        {outcomeDomains.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <InterventionsEditor goalIndex={index} options={options} />
      <button type="button" className="button button--quiet button--danger-text goal-editor__remove" onClick={onRemove}>
        {t("plans.editor.removeGoal")}
        <span className="visually-hidden"> ({t("plans.editor.goalN", { n })})</span>
      </button>
    </fieldset>
  );
}
