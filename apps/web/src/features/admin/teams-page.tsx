import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { CreateTeamForm } from "./create-team-form";
import { TeamRow } from "./team-row";
import { useAdminNotice } from "./use-admin-notice";

export function TeamsPage() {
  const { t } = useTranslation();
  usePageTitle(t("teams.title"));
  const trpc = useTRPC();
  const teams = useQuery(trpc.admin.teams.list.queryOptions());
  const { notice, succeeded, failed, dismiss } = useAdminNotice();

  return (
    <>
      <h1>{t("teams.title")}</h1>
      <Notice notice={notice} onDismiss={dismiss} />
      <section>
        <h2 id="teams-list-heading">{t("teams.listHeading")}</h2>
        {teams.isPending ? (
          <Loading />
        ) : teams.isError ? (
          <QueryError error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.data.length === 0 ? (
          <p className="empty">{t("teams.empty")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="teams-list-heading" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("teams.columns.name")}</th>
                  <th scope="col" className="cell--number">
                    {t("teams.columns.members")}
                  </th>
                  <th scope="col">{t("teams.columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {teams.data.map((team) => (
                  <TeamRow key={team.id} team={team} onSucceeded={succeeded} onFailed={failed} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="create-team-heading" className="card">
        <h2 id="create-team-heading">{t("teams.createHeading")}</h2>
        <CreateTeamForm onCreated={(name) => void succeeded("teams.created", { name })} />
      </section>
    </>
  );
}
