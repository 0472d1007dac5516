import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { LanguageSwitch } from "../../app/language-switch";
import { SignOutButton } from "../auth/sign-out-button";
import { Enrolment } from "./enrolment";

/**
 * What a user whose agency requires two-factor sign-in sees until they have set it up: nothing of
 * the app but this (the server refuses everything else to such a session).
 */
export function EnrolmentPage() {
  const { t } = useTranslation();
  usePageTitle(t("security.enrol.title"));
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  async function done() {
    // The session is complete now: auth.me says so and the guard opens the app.
    await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
    await navigate("/", { replace: true });
  }

  return (
    <div className="auth-layout">
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <p className="brand">{t("app.name")}</p>
          <div className="app-header__tools">
            {/* Not saved to the profile: the server refuses everything but enrolment until it is done. */}
            <LanguageSwitch signedIn={false} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page--narrow">
        <h1>{t("security.enrol.title")}</h1>
        <p className="notice notice--info">{t("security.enrol.requiredIntro")}</p>
        <Enrolment onDone={() => void done()} />
      </main>
    </div>
  );
}
