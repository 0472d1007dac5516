import { useId, type InputHTMLAttributes, type Ref } from "react";

interface CheckboxFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** Read with the checkbox (aria-describedby), shown under it. */
  hint: string;
  ref?: Ref<HTMLInputElement>;
}

/** One checkbox with its label and a hint that explains what ticking it does. */
export function CheckboxField({ label, hint, ...inputProps }: CheckboxFieldProps) {
  const hintId = `${useId()}-hint`;
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" aria-describedby={hintId} {...inputProps} />
        <span>{label}</span>
      </label>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
    </div>
  );
}
