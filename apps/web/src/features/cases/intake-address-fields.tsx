import { useTranslation } from "react-i18next";
import { useFormContext, useWatch } from "react-hook-form";
import { COUNTRIES, PROVINCES_BY_COUNTRY } from "@lentera/domain";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { asNullableText, type IntakeInput } from "./intake-schema";

/**
 * The address levels kept in the clear (for statistics), in the country's own hierarchy:
 * Indonesia province / regency-city / district, Vietnam province. Village, commune and street are
 * identifying and are asked for in the protected section.
 */
export function IntakeAddressFields() {
  const { t } = useTranslation();
  const {
    register,
    setValue,
    getFieldState,
    formState,
  } = useFormContext<IntakeInput>();
  const country = useWatch<IntakeInput, "client.address.country">({ name: "client.address.country" });
  const errorOf = (name: Parameters<typeof getFieldState>[0]) => getFieldState(name, formState).error?.message;
  const countryField = register("client.address.country", {
    // Another country's provinces do not apply: start the address again.
    onChange: () => setValue("client.address.province", null),
  });

  return (
    <fieldset className="field field-group">
      <legend className="field__label">{t("cases.intake.addressLegend")}</legend>
      <SelectField label={t("cases.fields.client.country")} error={errorOf("client.address.country")} {...countryField}>
        {COUNTRIES.map((code) => (
          <option key={code} value={code}>
            {t(`cases.country.${code}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("cases.fields.client.province")}
        error={errorOf("client.address.province")}
        {...register("client.address.province", { setValueAs: asNullableText })}
      >
        <option value="">{t("cases.intake.notKnown")}</option>
        {PROVINCES_BY_COUNTRY[country].map((province) => (
          <option key={province} value={province}>
            {province}
          </option>
        ))}
      </SelectField>
      {country === "ID" && (
        <div className="field-row">
          <TextField
            label={t("cases.fields.client.regencyCity")}
            autoComplete="off"
            error={errorOf("client.address.regencyCity")}
            {...register("client.address.regencyCity")}
          />
          <TextField
            label={t("cases.fields.client.district")}
            autoComplete="off"
            error={errorOf("client.address.district")}
            {...register("client.address.district")}
          />
        </div>
      )}
    </fieldset>
  );
}
