import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { SettingsForm } from "./settings-form";

/** The agency's plan settings: which domains plans use, self-approval, and how often goals are reviewed. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t("settings.title"));
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());

  return (
    <>
      <h1>{t("settings.title")}</h1>
      <p>{t("settings.intro")}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </>
  );
}
