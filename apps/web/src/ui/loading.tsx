import { useTranslation } from "react-i18next";

/** What a page shows while it waits for the network (on a slow connection that can take a while). */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="status">
      {t("common.loading")}
    </p>
  );
}
