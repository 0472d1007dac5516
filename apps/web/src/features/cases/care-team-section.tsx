import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaseChange } from "./case-context";
import { CareTeamEditor } from "./care-team-form";

/** Who works on the case; a supervisor of its team changes it (reassigning an overloaded worker's case). */
export function CareTeamSection({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { caseData } = useCaseChange();
  const [editing, setEditing] = useState(false);
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
      {canManage &&
        (editing ? (
          <CareTeamEditor onDone={() => setEditing(false)} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {t("cases.careTeam.open")}
          </button>
        ))}
    </section>
  );
}
