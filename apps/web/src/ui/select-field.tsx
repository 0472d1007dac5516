import type { Ref, SelectHTMLAttributes } from "react";
import { Field } from "./field";

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField({ label, error, hint, children, ...selectProps }: SelectFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <select {...control} className="field__input" {...selectProps}>
          {children}
        </select>
      )}
    </Field>
  );
}
