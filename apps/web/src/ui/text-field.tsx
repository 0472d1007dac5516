import type { InputHTMLAttributes, Ref } from "react";
import { Field } from "./field";

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
  return (
    <Field label={label} error={error} hint={hint} hideLabel={hideLabel} className={className}>
      {(control) => <input {...control} className="field__input" {...inputProps} />}
    </Field>
  );
}
