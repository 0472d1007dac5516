import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { INTERVENTION_TYPES } from "@lentera/domain";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { asNullableText } from "../cases/intake-schema";
import { newIntervention, type DraftForm } from "./draft-values";
import type { OwnerOptions } from "./plan-types";

const MAX_INTERVENTIONS = 20;

/** The services that work on one goal: type, provider (a partner or a name), frequency, dates. */
export function InterventionsEditor({ goalIndex, options }: { goalIndex: number; options: OwnerOptions | undefined }) {
  const { t } = useTranslation();
  const { control } = useFormContext<DraftForm>();
  const items = useFieldArray({ control, name: `goals.${goalIndex}.interventions` });

  return (
    <fieldset className="field field-group intervention-group">
      <legend className="field__label">{t("plans.fields.interventions")}</legend>
      {items.fields.length === 0 && <p className="field__hint">{t("plans.editor.noInterventions")}</p>}
      {items.fields.map((row, index) => (
        <InterventionRow key={row.id} goalIndex={goalIndex} index={index} options={options} onRemove={() => items.remove(index)} />
      ))}
      {items.fields.length < MAX_INTERVENTIONS && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => items.append(newIntervention(), { focusName: `goals.${goalIndex}.interventions.${items.fields.length}.type` })}
        >
          {t("plans.editor.addIntervention")}
        </button>
      )}
    </fieldset>
  );
}

function InterventionRow({
  goalIndex,
  index,
  options,
  onRemove,
}: {
  goalIndex: number;
  index: number;
  options: OwnerOptions | undefined;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const {
    register,
    control,
    setValue,
    formState: { errors },
  } = useFormContext<DraftForm>();
  const name = `goals.${goalIndex}.interventions.${index}` as const;
  const [partnerId, providerName] = useWatch({ control, name: [`${name}.providerPartnerId`, `${name}.providerName`] });
  const [other, setOther] = useState(() => !partnerId && Boolean(providerName));
  const itemErrors = errors.goals?.[goalIndex]?.interventions?.[index];
  const n = index + 1;
  const provider = partnerId ? `partner:${partnerId}` : other ? "other" : "";

  return (
    <div className="intervention">
      <p className="intervention__title">{t("plans.editor.interventionN", { n: String(n) })}</p>
      <div className="field-row">
        <SelectField label={t("plans.fields.interventionType")} error={itemErrors?.type?.message} {...register(`${name}.type`)}>
          {INTERVENTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`plans.interventionType.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("plans.fields.provider")}
          value={provider}
          onChange={(event) => {
            const choice = event.target.value;
            setOther(choice === "other");
            setValue(`${name}.providerPartnerId`, choice.startsWith("partner:") ? choice.slice("partner:".length) : null, { shouldDirty: true });
            if (choice !== "other") setValue(`${name}.providerName`, "", { shouldDirty: true });
          }}
        >
          <option value="">{t("plans.editor.noProvider")}</option>
          {options?.partners.map((partner) => (
            <option key={partner.id} value={`partner:${partner.id}`}>
              {partner.name}
            </option>
          ))}
          {partnerId && options && !options.partners.some((partner) => partner.id === partnerId) && (
            <option value={`partner:${partnerId}`}>{t("plans.editor.currentOwner")}</option>
          )}
          <option value="other">{t("plans.editor.otherProvider")}</option>
        </SelectField>
      </div>
      {other && (
        <TextField label={t("plans.fields.providerName")} error={itemErrors?.providerName?.message} {...register(`${name}.providerName`)} />
      )}
      <TextField
        label={t("plans.fields.frequency")}
        hint={t("plans.editor.frequencyHint")}
        error={itemErrors?.frequency?.message}
        {...register(`${name}.frequency`)}
      />
      <div className="field-row">
        <TextField
          label={t("plans.fields.startDate")}
          type="date"
          error={itemErrors?.startDate?.message}
          {...register(`${name}.startDate`, { setValueAs: asNullableText })}
        />
        <TextField
          label={t("plans.fields.endDate")}
          type="date"
          error={itemErrors?.endDate?.message}
          {...register(`${name}.endDate`, { setValueAs: asNullableText })}
        />
      </div>
      <button type="button" className="button button--quiet" onClick={onRemove}>
        {t("plans.editor.removeIntervention", { n: String(n) })}
      </button>
    </div>
  );
}
