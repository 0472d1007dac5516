import type { Ref, TextareaHTMLAttributes } from "react";
import { Field } from "./field";

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  /** A message key (validation.* or errors.*), shown translated under the text area. */
  error?: string | undefined;
  hint?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextareaField({ label, error, hint, className, rows = 3, ...textareaProps }: TextareaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => <textarea {...control} rows={rows} className="field__input field__input--multiline" {...textareaProps} />}
    </Field>
  );
}
