import { useId, type InputHTMLAttributes, type Ref } from "react";
import { useTranslation } from "react-i18next";
import { fieldMessageKey } from "../lib/api-errors";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** A message key (validation.* or errors.*), shown translated under the input. */
  error?: string | undefined;
  hint?: string | undefined;
  ref?: Ref<HTMLInputElement>;
  /** Hide the label visually (it stays the input's accessible name). */
  hideLabel?: boolean;
}

export function TextField({ label, error, hint, hideLabel = false, className, ...inputProps }: TextFieldProps) {
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
      <input
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...inputProps}
      />
      {error && (
        <p id={errorId} className="field__error">
          {t(fieldMessageKey(error))}
        </p>
      )}
    </div>
  );
}
