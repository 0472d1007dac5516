import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../../app/current-user";
import { usePageTitle } from "../../lib/use-page-title";
import { worksOnCases } from "../cases/case-permissions";
import { AlertsCard } from "./alerts-card";
import { AppointmentRemindersCard } from "./appointment-reminders-card";
import { OverdueReviewsCard } from "./overdue-reviews-card";

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.home"));
  const user = useCurrentUser();
  return (
    <>
      <h1>{t("home.greeting", { name: user.displayName })}</h1>
      <div className="cards">
        {worksOnCases(user) && <AlertsCard />}
        {worksOnCases(user) && <AppointmentRemindersCard />}
        {worksOnCases(user) && <OverdueReviewsCard />}
        <section className="card" aria-labelledby="home-roles">
          <h2 id="home-roles">{t("home.rolesHeading")}</h2>
          <ul className="tag-list">
            {user.roles.map((role) => (
              <li key={role} className="tag">
                {t(`roles.${role}`)}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="home-teams">
          <h2 id="home-teams">{t("home.teamsHeading")}</h2>
          {user.teams.length > 0 ? (
            <ul className="plain-list">
              {user.teams.map((team) => (
                <li key={team.id}>{team.name}</li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t("home.noTeams")}</p>
          )}
        </section>
      </div>
    </>
  );
}
