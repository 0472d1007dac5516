import { useId, type Ref, type SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { fieldMessageKey } from "../lib/api-errors";

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField({ label, error, children, ...selectProps }: SelectFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...selectProps}
      >
        {children}
      </select>
      {error && (
        <p id={errorId} className="field__error">
          {t(fieldMessageKey(error))}
        </p>
      )}
    </div>
  );
}
