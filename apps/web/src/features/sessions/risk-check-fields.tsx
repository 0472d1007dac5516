import { useTranslation } from "react-i18next";
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { RISK_CHECK_ITEMS } from "@lentera/domain";
import { TextField } from "../../ui/text-field";
import type { NoteFormValues } from "./note-form-values";

/**
 * The risk check every note records: each item a yes/no pair, neither chosen at first (a note
 * cannot be signed until each is answered). A "yes" alerts the supervisor and the care team once
 * the note is saved; "other" asks what it is.
 */
export function RiskCheckFields({
  control,
  register,
  errors,
}: {
  control: Control<NoteFormValues>;
  register: UseFormRegister<NoteFormValues>;
  errors: FieldErrors<NoteFormValues>;
}) {
  const { t } = useTranslation();
  const risk = useWatch({ control, name: "risk" });
  const anyYes = RISK_CHECK_ITEMS.some((item) => risk[item] === "yes");

  return (
    <section className="note-form__block risk-check" aria-labelledby="note-risk-heading">
      <h2 id="note-risk-heading">{t("sessions.risk.heading")}</h2>
      <p className="field__hint">{t("sessions.risk.hint")}</p>
      {RISK_CHECK_ITEMS.map((item) => (
        <fieldset key={item} className={risk[item] === "yes" ? "risk-item risk-item--yes" : "risk-item"}>
          <legend>{t(`sessions.risk.question.${item}`)}</legend>
          <div className="risk-item__options">
            <label className="assessment-option">
              <input type="radio" value="yes" {...register(`risk.${item}`)} />
              <span>{t("sessions.risk.yes")}</span>
            </label>
            <label className="assessment-option">
              <input type="radio" value="no" {...register(`risk.${item}`)} />
              <span>{t("sessions.risk.no")}</span>
            </label>
          </div>
        </fieldset>
      ))}
      {risk.other === "yes" && (
        <TextField
          label={t("sessions.risk.otherDetail")}
          maxLength={500}
          autoComplete="off"
          error={errors.otherDetail?.message}
          {...register("otherDetail")}
        />
      )}
      {anyYes && <p className="notice notice--warning">{t("sessions.risk.willAlert")}</p>}
    </section>
  );
}
