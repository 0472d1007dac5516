import { useId, type Ref, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { fieldMessageKey } from "../lib/api-errors";

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  /** A message key (validation.* or errors.*), shown translated under the text area. */
  error?: string | undefined;
  hint?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextareaField({ label, error, hint, className, rows = 3, ...textareaProps }: TextareaFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        className="field__input field__input--multiline"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...textareaProps}
      />
      {error && (
        <p id={errorId} className="field__error">
          {t(fieldMessageKey(error))}
        </p>
      )}
    </div>
  );
}
