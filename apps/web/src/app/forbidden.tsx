import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../lib/use-page-title";

export function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t("forbidden.title"));
  return (
    <section className="message-page">
      <h1>{t("forbidden.title")}</h1>
      <p>{t("forbidden.body")}</p>
      <p>
        <Link to="/">{t("common.backHome")}</Link>
      </p>
    </section>
  );
}
