import { useTranslation } from "react-i18next";
import { Controller, useFormContext } from "react-hook-form";
import { HARM_TYPES, REFERRAL_SOURCES, RISK_LEVELS } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { SelectField } from "../../ui/select-field";
import { TextareaField } from "../../ui/textarea-field";
import { asOptionalText, type IntakeInput } from "./intake-schema";

/** What happened and how urgent it is; the team when the user works in more than one. */
export function IntakeCaseFields() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<IntakeInput>();

  return (
    <section aria-labelledby="intake-case-heading" className="card form-section">
      <h2 id="intake-case-heading">{t("cases.intake.caseHeading")}</h2>
      <Controller
        control={control}
        name="harmTypes"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={t("cases.fields.harmTypes")}
            options={HARM_TYPES.map((harm) => ({ value: harm, label: t(`cases.harm.${harm}`) }))}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
          />
        )}
      />
      <div className="field-row">
        <SelectField label={t("cases.fields.referralSource")} error={errors.referralSource?.message} {...register("referralSource")}>
          <option value="">{t("cases.intake.choose")}</option>
          {REFERRAL_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`cases.referral.${source}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("cases.fields.riskLevel")} error={errors.riskLevel?.message} {...register("riskLevel")}>
          <option value="">{t("cases.intake.choose")}</option>
          {RISK_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`cases.risk.${level}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField label={t("cases.fields.riskConcerns")} error={errors.riskConcerns?.message} {...register("riskConcerns")} />
      <TextareaField
        label={t("cases.intake.firstSafetyNotes")}
        hint={t("cases.intake.safetyNotesHint")}
        error={errors.safetyNotes?.message}
        {...register("safetyNotes")}
      />
      {user.teams.length > 1 && (
        <SelectField
          label={t("cases.fields.team")}
          error={errors.teamId?.message}
          {...register("teamId", { setValueAs: asOptionalText })}
        >
          <option value="">{t("cases.intake.choose")}</option>
          {user.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
      )}
    </section>
  );
}
