import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fieldMessageKey } from "../lib/api-errors";

/** What a field's control needs to be labelled and described for screen readers. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  label: string;
  /** A message key (validation.* or errors.*), shown translated under the control. */
  error?: string | undefined;
  hint?: string | undefined;
  /** Hide the label visually (it stays the control's accessible name). */
  hideLabel?: boolean;
  className?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

/** The label, hint and error around one form control, wired together for assistive technology. */
export function Field({ label, error, hint, hideLabel = false, className, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : "field__label"}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
      {error && (
        <p id={errorId} className="field__error">
          {t(fieldMessageKey(error))}
        </p>
      )}
    </div>
  );
}
