import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../../app/current-user";
import { usePageTitle } from "../../lib/use-page-title";
import { IntakeForm } from "./intake-form";

export function NewCasePage() {
  const { t } = useTranslation();
  usePageTitle(t("cases.intake.title"));
  const user = useCurrentUser();
  return (
    <>
      <h1>{t("cases.intake.title")}</h1>
      {user.teams.length === 0 ? (
        <p className="notice notice--info">{t("errors.no_team")}</p>
      ) : (
        <>
          <p>{t("cases.intake.intro")}</p>
          <IntakeForm />
        </>
      )}
    </>
  );
}
