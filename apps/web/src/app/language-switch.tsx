import { useId, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LOCALES } from "@lentera/domain";
import { useTRPC } from "../lib/trpc";
import { errorMessageKey } from "../lib/api-errors";
import { applyLocale, currentLocale, isLocale } from "../i18n";

/**
 * The interface language. Before sign-in the choice is kept on this device; after sign-in it is
 * also saved to the user's profile, so it follows them to other devices.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const updatePreferences = useMutation(
    trpc.auth.updatePreferences.mutationOptions({
      onSuccess: () => setErrorKey(null),
      onError: (error) => {
        setErrorKey(errorMessageKey(error) === "errors.network" ? "errors.network" : "language.notSaved");
        // Back to what the server has.
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      },
    }),
  );

  async function onChange(event: ChangeEvent<HTMLSelectElement>) {
    const locale = event.target.value;
    if (!isLocale(locale)) return;
    try {
      await applyLocale(locale);
    } catch {
      // A page's strings in the new language did not download: stay in the current one.
      setErrorKey("errors.network");
      return;
    }
    setErrorKey(null);
    if (!signedIn) return;
    // Keep the cached profile in step, or it would switch the language back.
    queryClient.setQueryData(trpc.auth.me.queryKey(), (old) => (old ? { ...old, locale } : old));
    updatePreferences.mutate({ locale });
  }

  return (
    <div className="language-switch">
      <label htmlFor={id}>{t("language.label")}</label>
      <select id={id} value={currentLocale()} onChange={(event) => void onChange(event)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.names.${locale}`)}
          </option>
        ))}
      </select>
      {errorKey && (
        <p role="alert" className="field__error">
          {t(errorKey)}
        </p>
      )}
    </div>
  );
}
