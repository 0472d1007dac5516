import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { signInInput } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { errorMessageKey, fieldErrorsOf } from "../../lib/api-errors";
import { usePageTitle } from "../../lib/use-page-title";
import { LanguageSwitch } from "../../app/language-switch";
import type { SignInState } from "../../app/auth-guard";
import { TextField } from "../../ui/text-field";
import { SecondFactorForm } from "./second-factor-form";

type SignInForm = z.input<typeof signInInput>;

function readState(state: unknown): SignInState {
  if (typeof state !== "object" || state === null) return {};
  const { from, expired } = state as Record<string, unknown>;
  return {
    // Only paths inside the app: never send the user elsewhere after signing in.
    from: typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : undefined,
    expired: expired === true,
  };
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t("signIn.title"));
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { from, expired } = readState(useLocation().state);
  const [formError, setFormError] = useState<string | null>(null);
  /** After the right password, a user with two-factor sign-in gives a code. */
  const [step, setStep] = useState<"password" | "code">("password");
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<SignInForm, unknown, z.output<typeof signInInput>>({
    resolver: zodResolver(signInInput),
    defaultValues: { email: "", password: "" },
  });

  // Nothing from an earlier session stays in memory once someone is at the sign-in page.
  useEffect(() => {
    queryClient.removeQueries();
  }, [queryClient]);

  async function enterApp() {
    queryClient.removeQueries();
    await navigate(from ?? "/", { replace: true });
  }

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { stage } = await signIn.mutateAsync(values);
      if (stage === "second_factor") {
        setStep("code");
        return;
      }
      // complete, or enrolment (the guard shows it in place of the app).
      await enterApp();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields.email) setError("email", { message: fields.email });
      if (fields.password) setError("password", { message: fields.password });
      if (!fields.email && !fields.password) setFormError(errorMessageKey(error));
      resetField("password");
    }
  });

  return (
    <div className="auth-layout">
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <p className="brand">{t("app.name")}</p>
          <div className="app-header__tools">
            <LanguageSwitch signedIn={false} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page--narrow">
        <h1>{t("signIn.title")}</h1>
        {expired && <p className="notice notice--info">{t("signIn.sessionExpired")}</p>}
        {step === "code" ? (
          <SecondFactorForm onSignedIn={enterApp} onStartOver={() => setStep("password")} />
        ) : (
          <form className="form card" noValidate onSubmit={(event) => void onSubmit(event)}>
            <div role="alert" className="notice-region">
              {formError && <p className="notice notice--error">{t(formError)}</p>}
            </div>
            <TextField
              label={t("signIn.email")}
              type="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              error={errors.email?.message}
              {...register("email")}
            />
            <TextField
              label={t("signIn.password")}
              type="password"
              autoComplete="current-password"
              error={errors.password?.message}
              {...register("password")}
            />
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {isSubmitting ? t("signIn.submitting") : t("signIn.submit")}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
