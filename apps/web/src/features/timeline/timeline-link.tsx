import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** From the case page to its timeline. */
export function TimelineLink({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <p className="case-header__links">
      <Link to={`/cases/${caseId}/timeline`}>{t("timeline.link")}</Link>
    </p>
  );
}
