import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { currentCodeInput } from "@lentera/domain";
import { errorMessageKey, reasonOf, showFieldErrors } from "../../lib/api-errors";
import { TextField } from "../../ui/text-field";

type FormInput = z.input<typeof currentCodeInput>;
type FormOutput = z.output<typeof currentCodeInput>;

interface CurrentCodeFormProps {
  /** The form's heading id prefix and its texts. */
  id: string;
  heading: string;
  submit: string;
  submitting: string;
  danger?: boolean;
  onSubmit: (code: string) => Promise<unknown>;
}

/** Asks for a current code (from the app, or a recovery code) before a change to two-factor sign-in. */
export function CurrentCodeForm({ id, heading, submit, submitting, danger = false, onSubmit }: CurrentCodeFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(currentCodeInput), defaultValues: { code: "" } });

  const send = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values.code);
      reset();
    } catch (error) {
      if (reasonOf(error) === "invalid_code") return setError("code", { message: "errors.invalid_code" }, { shouldFocus: true });
      if (!showFieldErrors(error, ["code"], setError)) setFormError(errorMessageKey(error));
    }
  });

  return (
    <form className="form" noValidate aria-labelledby={`${id}-heading`} onSubmit={(event) => void send(event)}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <div role="alert" className="notice-region">
        {formError && <p className="notice notice--error">{t(formError)}</p>}
      </div>
      <TextField
        label={t("security.twoFactor.currentCode")}
        autoComplete="one-time-code"
        spellCheck={false}
        className="field--short"
        error={errors.code?.message}
        {...register("code")}
      />
      <button type="submit" className={`button ${danger ? "button--danger" : "button--secondary"}`} disabled={isSubmitting}>
        {isSubmitting ? submitting : submit}
      </button>
    </form>
  );
}
