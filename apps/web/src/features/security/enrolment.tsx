import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { confirmTwoFactorInput } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { errorMessageKey, reasonOf, showFieldErrors } from "../../lib/api-errors";
import { TextField } from "../../ui/text-field";
import { RecoveryCodes } from "./recovery-codes";

type FormInput = z.input<typeof confirmTwoFactorInput>;
type FormOutput = z.output<typeof confirmTwoFactorInput>;

/** The server draws the QR code as SVG; an <img> shows it (the CSP allows data: images, not inline markup). */
const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * Two-factor enrolment: a new key as a QR code and as text, a first code to turn it on, then the
 * recovery codes once. `onDone` runs when the user has saved the codes.
 */
export function Enrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const begin = useMutation(trpc.auth.twoFactor.beginEnrolment.mutationOptions());
  const confirm = useMutation(trpc.auth.twoFactor.confirmEnrolment.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(confirmTwoFactorInput), defaultValues: { code: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await confirm.mutateAsync(values);
    } catch (error) {
      if (reasonOf(error) === "invalid_code") return setError("code", { message: "errors.invalid_code" }, { shouldFocus: true });
      if (!showFieldErrors(error, ["code"], setError)) setFormError(errorMessageKey(error));
    }
  });

  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onDone} />;

  const key = begin.data;
  return (
    <section className="card form-section enrolment" aria-labelledby="enrolment-heading">
      <h2 id="enrolment-heading">{t("security.enrol.title")}</h2>
      <p>{t("security.enrol.intro")}</p>
      {!key ? (
        <>
          <div role="alert" className="notice-region">
            {begin.error && <p className="notice notice--error">{t(errorMessageKey(begin.error))}</p>}
          </div>
          <button type="button" className="button button--primary" disabled={begin.isPending} onClick={() => begin.mutate()}>
            {begin.isPending ? t("security.enrol.starting") : t("security.enrol.start")}
          </button>
        </>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <p>{t("security.enrol.scan")}</p>
          <img className="enrolment__qr" src={svgDataUrl(key.qrSvg)} alt={t("security.enrol.qrAlt")} width={220} height={220} />
          <p>{t("security.enrol.manualKey")}</p>
          <p>
            <code className="enrolment__key" data-testid="totp-manual-key">
              {key.manualKey}
            </code>
          </p>
          <p>{t("security.enrol.enterCode")}</p>
          <div role="alert" className="notice-region">
            {formError && <p className="notice notice--error">{t(formError)}</p>}
          </div>
          <TextField
            label={t("security.enrol.code")}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={8}
            spellCheck={false}
            className="field--short"
            error={errors.code?.message}
            {...register("code")}
          />
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t("security.enrol.confirming") : t("security.enrol.confirm")}
          </button>
        </form>
      )}
    </section>
  );
}
