import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { errorMessageKey } from "../../lib/api-errors";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import type { BreakGlassGrant } from "./case-types";
import { useDateFormat } from "./format";

/** Supervisors review every emergency (break-glass) access to their teams' cases. */
export function EmergencyAccessLogPage() {
  const { t } = useTranslation();
  usePageTitle(t("cases.emergencyLog.title"));
  const trpc = useTRPC();
  const [unreviewedOnly, setUnreviewedOnly] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const grants = useQuery(trpc.cases.breakGlassList.queryOptions({ unreviewedOnly }));

  return (
    <>
      <h1>{t("cases.emergencyLog.title")}</h1>
      <p>{t("cases.emergencyLog.intro")}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <label className="checkbox">
        <input type="checkbox" checked={unreviewedOnly} onChange={(event) => setUnreviewedOnly(event.target.checked)} />
        <span>{t("cases.emergencyLog.unreviewedOnly")}</span>
      </label>
      <section aria-labelledby="grants-heading">
        <h2 id="grants-heading" className="visually-hidden">
          {t("cases.emergencyLog.listHeading")}
        </h2>
        {grants.isPending ? (
          <Loading />
        ) : grants.isError ? (
          <QueryError error={grants.error} onRetry={() => void grants.refetch()} />
        ) : grants.data.length === 0 ? (
          <p className="empty">{unreviewedOnly ? t("cases.emergencyLog.noneUnreviewed") : t("cases.emergencyLog.empty")}</p>
        ) : (
          <ul className="case-list" aria-labelledby="grants-heading">
            {grants.data.map((grant) => (
              <GrantCard key={grant.id} grant={grant} onNotice={setNotice} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function GrantCard({ grant, onNotice }: { grant: BreakGlassGrant; onNotice: (notice: NoticeMessage) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useDateFormat();
  const review = useMutation(
    trpc.cases.reviewBreakGlass.mutationOptions({
      onSuccess: () => onNotice({ kind: "success", key: "cases.emergencyLog.reviewedNotice", values: { caseNumber: grant.caseNumber } }),
      onError: (error) => onNotice({ kind: "error", key: errorMessageKey(error) }),
      onSettled: () => queryClient.invalidateQueries(trpc.cases.breakGlassList.pathFilter()),
    }),
  );
  return (
    <li className="case-card">
      <p className="case-card__title">
        <Link to={`/cases/${grant.caseId}`} className="case-number">
          {grant.caseNumber}
        </Link>{" "}
        <span className="case-card__meta">{grant.teamName}</span>
      </p>
      <p>{t("cases.emergencyLog.who", { name: grant.user, date: format.dateTime(grant.grantedAt) })}</p>
      <p className="prewrap">{t("cases.emergencyLog.reason", { reason: grant.reason })}</p>
      <p className="case-card__meta">{t("cases.emergencyLog.until", { date: format.dateTime(grant.expiresAt) })}</p>
      {grant.reviewedAt ? (
        <p>
          <span className="pill pill--in-force">{t("cases.emergencyLog.reviewed")}</span>{" "}
          <span className="case-card__meta">{format.dateTime(grant.reviewedAt)}</span>
        </p>
      ) : (
        <p className="pill-row">
          <span className="pill pill--not-reviewed">{t("cases.emergencyLog.notReviewed")}</span>
          <button
            type="button"
            className="button button--secondary"
            disabled={review.isPending}
            onClick={() => review.mutate({ grantId: grant.id })}
          >
            {review.isPending ? t("cases.workflow.saving") : t("cases.emergencyLog.markReviewed")}
            <span className="visually-hidden"> {grant.caseNumber}</span>
          </button>
        </p>
      )}
    </li>
  );
}
