import { useTranslation } from "react-i18next";
import type { CaseOverview } from "./case-types";

/** Who works on the case. Changing it needs a list of colleagues the API does not offer yet. */
export function CareTeamSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-care-team-heading" className="card">
      <h2 id="case-care-team-heading">{t("cases.careTeam.heading")}</h2>
      {caseData.careTeam.length === 0 ? (
        <p className="empty">{t("cases.careTeam.empty")}</p>
      ) : (
        <ul className="plain-list">
          {caseData.careTeam.map((member) => (
            <li key={member.userId}>
              {member.displayName} — {t(`cases.careTeamRole.${member.role}`)}
            </li>
          ))}
        </ul>
      )}
      <p className="field__hint">{t("cases.careTeam.supervisedBy", { team: caseData.team.name })}</p>
    </section>
  );
}
