import { useTranslation } from "react-i18next";
import { useFieldArray, useFormContext, type ChangeHandler, type UseFormRegisterReturn } from "react-hook-form";
import { IDENTITY_NUMBER_KINDS } from "@lentera/domain";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import type { IntakeInput } from "./intake-schema";

const MAX_NUMBERS = 6;

/** Calls `after` once react-hook-form has seen the blur (for the duplicate check). */
function withBlur(field: UseFormRegisterReturn, after: () => void): UseFormRegisterReturn {
  return {
    ...field,
    onBlur: async (event: Parameters<ChangeHandler>[0]) => {
      await field.onBlur(event);
      after();
    },
  };
}

/**
 * Identifying data: stored encrypted, shown later only to the care team on request. Marked as
 * protected so that no one types it into the free-text fields instead.
 */
export function IntakeIdentityFields({ onIdentityBlur }: { onIdentityBlur: () => void }) {
  const { t } = useTranslation();
  const {
    register,
    control,
    getValues,
    formState: { errors },
  } = useFormContext<IntakeInput>();
  const numbers = useFieldArray({ control, name: "identity.identityNumbers" });
  const identityErrors = errors.identity;

  return (
    <section aria-labelledby="intake-identity-heading" className="card card--protected form-section">
      <h2 id="intake-identity-heading">
        {t("cases.intake.identityHeading")} <span className="protected-tag">{t("cases.identity.protected")}</span>
      </h2>
      <p className="field__hint">{t("cases.intake.identityExplanation")}</p>
      <TextField
        label={t("cases.fields.identity.legalName")}
        autoComplete="off"
        spellCheck={false}
        error={identityErrors?.legalName?.message}
        {...withBlur(register("identity.legalName"), onIdentityBlur)}
      />
      <fieldset className="field field-group">
        <legend className="field__label">{t("cases.fields.identity.identityNumbers")}</legend>
        {numbers.fields.length === 0 && <p className="field__hint">{t("cases.intake.noIdentityNumbers")}</p>}
        {numbers.fields.map((row, index) => (
          <div key={row.id} className="identity-number-row">
            <SelectField
              label={t("cases.intake.numberKind", { n: index + 1 })}
              {...register(`identity.identityNumbers.${index}.kind`)}
            >
              {IDENTITY_NUMBER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`cases.identityKind.${kind}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("cases.intake.number", { n: index + 1 })}
              autoComplete="off"
              spellCheck={false}
              error={identityErrors?.identityNumbers?.[index]?.number?.message}
              {...withBlur(register(`identity.identityNumbers.${index}.number`), onIdentityBlur)}
            />
            <button type="button" className="button button--quiet" onClick={() => numbers.remove(index)}>
              {t("cases.intake.removeNumber", { n: index + 1 })}
            </button>
          </div>
        ))}
        {numbers.fields.length < MAX_NUMBERS && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              numbers.append({ kind: getValues("client.address.country") === "VN" ? "cccd" : "nik", number: "" })
            }
          >
            {t("cases.intake.addNumber")}
          </button>
        )}
      </fieldset>
      <div className="field-row">
        <TextField
          label={t("cases.fields.identity.phone")}
          type="tel"
          autoComplete="off"
          error={identityErrors?.phone?.message}
          {...register("identity.phone")}
        />
        <TextField
          label={t("cases.fields.identity.email")}
          type="email"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          error={identityErrors?.email?.message}
          {...register("identity.email")}
        />
      </div>
      <TextField
        label={t("cases.fields.identity.villageOrCommune")}
        autoComplete="off"
        error={identityErrors?.villageOrCommune?.message}
        {...register("identity.villageOrCommune")}
      />
      <TextField
        label={t("cases.fields.identity.streetAddress")}
        autoComplete="off"
        error={identityErrors?.streetAddress?.message}
        {...register("identity.streetAddress")}
      />
      <div className="field-row">
        <TextField
          label={t("cases.fields.identity.guardianName")}
          autoComplete="off"
          error={identityErrors?.guardianName?.message}
          {...register("identity.guardianName")}
        />
        <TextField
          label={t("cases.fields.identity.guardianContact")}
          autoComplete="off"
          error={identityErrors?.guardianContact?.message}
          {...register("identity.guardianContact")}
        />
      </div>
    </section>
  );
}
