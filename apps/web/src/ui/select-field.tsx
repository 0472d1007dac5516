import type { Ref, SelectHTMLAttributes } from "react";
import { Field } from "./field";

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField({ label, error, children, ...selectProps }: SelectFieldProps) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select {...control} className="field__input" {...selectProps}>
          {children}
        </select>
      )}
    </Field>
  );
}
