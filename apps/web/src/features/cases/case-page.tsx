import { Link, useLocation, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { domainCodeOf } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { CaseView } from "./case-view";

const caseIdSchema = z.uuid();

/** /cases/:caseId. An address that is not a case id gets the same answer as a case one may not see. */
export function CasePage() {
  const { caseId = "" } = useParams();
  return caseIdSchema.safeParse(caseId).success ? <CaseLoader key={caseId} caseId={caseId} /> : <InvalidCaseId />;
}

function InvalidCaseId() {
  const { t } = useTranslation();
  usePageTitle(t("cases.page.notFoundTitle"));
  return <CaseNotFound />;
}

function CaseLoader({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const location = useLocation();
  const overview = useQuery(trpc.cases.byId.queryOptions({ caseId }));
  const code = domainCodeOf(overview.error);
  const notFound = code === "not_found" || code === "invalid_input";
  usePageTitle(overview.data ? overview.data.caseNumber : t(notFound ? "cases.page.notFoundTitle" : "cases.page.title"));

  if (overview.isPending) return <Loading />;
  if (overview.isError) {
    if (notFound) return <CaseNotFound />;
    return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const routerState: unknown = location.state;
  return <CaseView caseData={overview.data} routerState={routerState} />;
}

/** Neither "it does not exist" nor "you may not see it": the same words for both. */
function CaseNotFound() {
  const { t } = useTranslation();
  return (
    <section className="message-page" role="alert">
      <h1>{t("cases.page.notFoundTitle")}</h1>
      <p>{t("cases.page.notFound")}</p>
      <p>
        <Link to="/cases">{t("cases.page.backToCases")}</Link>
      </p>
    </section>
  );
}
