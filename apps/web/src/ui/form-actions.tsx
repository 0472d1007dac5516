import { useTranslation } from "react-i18next";

interface FormActionsProps {
  submitting: boolean;
  submitLabel: string;
  submittingLabel: string;
  onCancel: () => void;
  tone?: "primary" | "danger";
}

/** A form's submit and cancel buttons; both wait while the form is being sent. */
export function FormActions({ submitting, submitLabel, submittingLabel, onCancel, tone = "primary" }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" className={`button button--${tone}`} disabled={submitting}>
        {submitting ? submittingLabel : submitLabel}
      </button>
      <button type="button" className="button button--quiet" disabled={submitting} onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </div>
  );
}
