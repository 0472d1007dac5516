import { useId } from "react";
import { useTranslation } from "react-i18next";
import { fieldMessageKey } from "../lib/api-errors";

interface CheckboxGroupProps<T extends string> {
  legend: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  onBlur?: () => void;
  error?: string | undefined;
}

/** A set of checkboxes bound to an array value (roles, teams). */
export function CheckboxGroup<T extends string>({ legend, options, value, onChange, onBlur, error }: CheckboxGroupProps<T>) {
  const { t } = useTranslation();
  const errorId = `${useId()}-error`;
  function toggle(option: T, checked: boolean) {
    const next = checked ? [...value, option] : value.filter((item) => item !== option);
    onChange(options.map((o) => o.value).filter((item) => next.includes(item)));
  }
  return (
    <fieldset className="field checkbox-group" aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            value={option.value}
            checked={value.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
            onBlur={onBlur}
          />
          <span>{option.label}</span>
        </label>
      ))}
      {error && (
        <p id={errorId} className="field__error">
          {t(fieldMessageKey(error))}
        </p>
      )}
    </fieldset>
  );
}
