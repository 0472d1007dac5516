import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { can } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { CreatePartnerForm } from "./create-partner-form";

/** The agency's partner organizations; plan goals name them as owners or service providers. */
export function PartnersPage() {
  const { t } = useTranslation();
  usePageTitle(t("partners.title"));
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const partners = useQuery(trpc.partners.list.queryOptions());
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  function created(name: string) {
    setNotice({ kind: "success", key: "partners.created", values: { name } });
    // Goal owner choices on plans come from the directory too.
    void queryClient.invalidateQueries(trpc.partners.pathFilter());
    void queryClient.invalidateQueries(trpc.plans.ownerOptions.pathFilter());
  }

  return (
    <>
      <h1>{t("partners.title")}</h1>
      <p>{t("partners.intro")}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <section>
        <h2 id="partners-list-heading">{t("partners.listHeading")}</h2>
        {partners.isPending ? (
          <Loading />
        ) : partners.isError ? (
          <QueryError error={partners.error} onRetry={() => void partners.refetch()} />
        ) : partners.data.length === 0 ? (
          <p className="empty">{t("partners.empty")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="partners-list-heading" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("partners.columns.name")}</th>
                  <th scope="col">{t("partners.columns.kind")}</th>
                </tr>
              </thead>
              <tbody>
                {partners.data.map((partner) => (
                  <tr key={partner.id}>
                    <th scope="row">{partner.name}</th>
                    <td>{t(`partners.kind.${partner.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {can(user, "partners.manage") && (
        <section aria-labelledby="create-partner-heading" className="card">
          <h2 id="create-partner-heading">{t("partners.createHeading")}</h2>
          <CreatePartnerForm onCreated={created} />
        </section>
      )}
    </>
  );
}
