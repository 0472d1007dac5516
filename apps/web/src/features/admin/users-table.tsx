import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../../app/current-user";
import { userStatus, type AdminTeam, type AdminUser } from "./admin-types";
import { UserActions } from "./user-actions";

interface UsersTableProps {
  users: AdminUser[];
  teams: AdminTeam[];
  /** Id of the heading that names the table. */
  captionId: string;
  onSucceeded: (key: string, values?: Record<string, string>) => Promise<void>;
  onFailed: (error: unknown) => Promise<void>;
}

export function UsersTable({ users, teams, captionId, onSucceeded, onFailed }: UsersTableProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const now = new Date();

  if (users.length === 0) return <p className="empty">{t("users.empty")}</p>;

  return (
    // Scrolls sideways on a narrow phone; focusable so keyboard users can scroll it too.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table data-table--wide">
        <thead>
          <tr>
            <th scope="col">{t("users.columns.name")}</th>
            <th scope="col">{t("users.columns.email")}</th>
            <th scope="col">{t("users.columns.roles")}</th>
            <th scope="col">{t("users.columns.teams")}</th>
            <th scope="col">{t("users.columns.status")}</th>
            <th scope="col">{t("users.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const status = userStatus(user, now);
            const teamList = user.teamIds.flatMap((id) => teamNames.get(id) ?? []);
            return (
              <tr key={user.id}>
                <th scope="row">
                  {user.displayName}
                  {user.id === me.id && <span className="badge">{t("users.you")}</span>}
                </th>
                <td className="cell--nowrap">{user.email}</td>
                <td>{user.roles.map((role) => t(`roles.${role}`)).join(", ")}</td>
                <td>{teamList.length > 0 ? teamList.join(", ") : t("users.noTeams")}</td>
                <td>
                  <span className={`status-pill status-pill--${status}`}>{t(`users.status.${status}`)}</span>
                </td>
                <td>
                  {user.id === me.id ? null : (
                    <UserActions user={user} onSucceeded={onSucceeded} onFailed={onFailed} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
