import { useTranslation } from "react-i18next";
import { useFormContext } from "react-hook-form";
import { SEXES } from "@lentera/domain";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { IntakeAddressFields } from "./intake-address-fields";
import { asAge, asList, asNullableText, type IntakeInput } from "./intake-schema";

/** The client's profile: the alias used on every screen, and nothing that identifies them. */
export function IntakeClientFields({ onBirthDateBlur }: { onBirthDateBlur: () => void }) {
  const { t } = useTranslation();
  const {
    register,
    formState: { errors },
  } = useFormContext<IntakeInput>();
  const clientErrors = errors.client;
  const birthDate = register("client.birthDate", { setValueAs: asNullableText });

  return (
    <section aria-labelledby="intake-client-heading" className="card form-section">
      <h2 id="intake-client-heading">{t("cases.intake.clientHeading")}</h2>
      <TextField
        label={t("cases.fields.client.alias")}
        hint={t("cases.intake.aliasHint")}
        autoComplete="off"
        error={clientErrors?.alias?.message}
        {...register("client.alias")}
      />
      <fieldset className="field field-group">
        <legend className="field__label">{t("cases.intake.ageLegend")}</legend>
        <p className="field__hint">{t("cases.intake.ageHint")}</p>
        <div className="field-row">
          <TextField
            label={t("cases.fields.client.birthDate")}
            type="date"
            error={clientErrors?.birthDate?.message}
            {...birthDate}
            onBlur={(event) => {
              void birthDate.onBlur(event);
              onBirthDateBlur();
            }}
          />
          <TextField
            label={t("cases.fields.client.estimatedAge")}
            inputMode="numeric"
            autoComplete="off"
            maxLength={3}
            error={clientErrors?.estimatedAge?.message}
            {...register("client.estimatedAge", { setValueAs: asAge })}
          />
        </div>
      </fieldset>
      <div className="field-row">
        <SelectField label={t("cases.fields.client.sex")} error={clientErrors?.sex?.message} {...register("client.sex")}>
          <option value="">{t("cases.intake.choose")}</option>
          {SEXES.map((sex) => (
            <option key={sex} value={sex}>
              {t(`cases.sex.${sex}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("cases.fields.client.gender")}
          hint={t("cases.intake.genderHint")}
          autoComplete="off"
          error={clientErrors?.gender?.message}
          {...register("client.gender")}
        />
      </div>
      <TextField
        label={t("cases.fields.client.languages")}
        hint={t("cases.intake.languagesHint")}
        autoComplete="off"
        error={clientErrors?.languages?.message}
        {...register("client.languages", { setValueAs: asList })}
      />
      <TextField
        label={t("cases.fields.client.disability")}
        autoComplete="off"
        error={clientErrors?.disability?.message}
        {...register("client.disability")}
      />
      <TextField
        label={t("cases.fields.client.guardianRelationship")}
        hint={t("cases.intake.guardianRelationshipHint")}
        autoComplete="off"
        error={clientErrors?.guardianRelationship?.message}
        {...register("client.guardianRelationship")}
      />
      <IntakeAddressFields />
    </section>
  );
}
