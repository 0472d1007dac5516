import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { verifySecondFactorInput } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { domainCodeOf, errorMessageKey, fieldErrorsOf } from "../../lib/api-errors";
import { TextField } from "../../ui/text-field";

type FormInput = z.input<typeof verifySecondFactorInput>;
type FormOutput = z.output<typeof verifySecondFactorInput>;

/**
 * The second step of sign-in: the 6-digit code from the authenticator app, or a recovery code
 * (letters too, so the field leaves the numeric keyboard for it).
 */
export function SecondFactorForm({ onSignedIn, onStartOver }: { onSignedIn: () => Promise<void>; onStartOver: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifySecondFactor.mutationOptions());
  const [recovery, setRecovery] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(verifySecondFactorInput), defaultValues: { code: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await verify.mutateAsync(values);
      await onSignedIn();
    } catch (error) {
      resetField("code");
      const code = domainCodeOf(error);
      if (code === "invalid_credentials") return setError("code", { message: "signIn.codeRefused" }, { shouldFocus: true });
      // The 5 minutes to give a code are over: back to the password.
      if (code === "unauthenticated") return onStartOver();
      const field = fieldErrorsOf(error).code;
      if (field) setError("code", { message: field });
      else setFormError(errorMessageKey(error));
    }
  });

  return (
    <form className="form card" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{recovery ? t("signIn.recoveryIntro") : t("signIn.codeIntro")}</p>
      <div role="alert" className="notice-region">
        {formError && <p className="notice notice--error">{t(formError)}</p>}
      </div>
      <TextField
        key={recovery ? "recovery" : "app"}
        label={recovery ? t("signIn.recoveryCode") : t("signIn.code")}
        autoComplete="one-time-code"
        inputMode={recovery ? "text" : "numeric"}
        autoCapitalize="off"
        spellCheck={false}
        // The field replaced the password form: the cursor belongs here.
        autoFocus
        error={errors.code?.message}
        {...register("code")}
      />
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting ? t("signIn.verifying") : t("signIn.verify")}
      </button>
      <div className="button-row">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setRecovery(!recovery);
            resetField("code");
            setTimeout(() => setFocus("code"), 0);
          }}
        >
          {recovery ? t("signIn.useApp") : t("signIn.useRecovery")}
        </button>
        <button type="button" className="button button--quiet" onClick={onStartOver}>
          {t("signIn.startOver")}
        </button>
      </div>
    </form>
  );
}
