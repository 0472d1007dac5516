import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Names the browser tab after the page, so the title says where the user is. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const product = t("app.name");
  useEffect(() => {
    document.title = `${title} · ${product}`;
  }, [title, product]);
}
