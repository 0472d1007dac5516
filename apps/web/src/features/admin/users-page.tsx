import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";
import { useAdminNotice } from "./use-admin-notice";

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t("users.title"));
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.users.list.queryOptions());
  const teams = useQuery(trpc.admin.teams.list.queryOptions());
  const { notice, succeeded, failed, dismiss } = useAdminNotice();

  return (
    <>
      <h1>{t("users.title")}</h1>
      <Notice notice={notice} onDismiss={dismiss} />
      <section>
        <h2 id="users-list-heading">{t("users.listHeading")}</h2>
        {users.isPending || teams.isPending ? (
          <Loading />
        ) : users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : teams.isError ? (
          <QueryError error={teams.error} onRetry={() => void teams.refetch()} />
        ) : (
          <UsersTable
            users={users.data}
            teams={teams.data}
            captionId="users-list-heading"
            onSucceeded={succeeded}
            onFailed={failed}
          />
        )}
      </section>
      <section aria-labelledby="create-user-heading" className="card">
        <h2 id="create-user-heading">{t("users.createHeading")}</h2>
        {teams.data ? (
          <CreateUserForm teams={teams.data} onCreated={(name) => void succeeded("users.created", { name })} />
        ) : teams.isError ? null : (
          <Loading />
        )}
      </section>
    </>
  );
}
