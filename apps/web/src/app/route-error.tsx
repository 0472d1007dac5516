import { useTranslation } from "react-i18next";

/** Replaces the router's developer error screen with a plain, translated message. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="page page--centered">
      <section className="message-page" role="alert">
        <h1>{t("routeError.title")}</h1>
        <p>{t("routeError.body")}</p>
        <p>
          <a href="/">{t("common.backHome")}</a>
        </p>
      </section>
    </main>
  );
}
