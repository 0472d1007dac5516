import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import type { CaseOverview } from "../cases/case-types";
import { DraftEditor } from "./draft-editor";
import { OpenVersionPanel } from "./open-version";
import { PlanChangeError } from "./plan-change-error";
import { PlanInForce } from "./plan-in-force";
import type { PlanData, PlanVersionFull } from "./plan-types";
import { VersionHistory } from "./version-history";

/** The case's rehabilitation plan: in force, the draft, history and diff, reviews. */
export function PlanSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const plan = useQuery(trpc.plans.byCase.queryOptions({ caseId: caseData.id }));
  const overdue = plan.data?.overdueReviewCount ?? 0;

  return (
    <section aria-labelledby="case-plan-heading" className="card plan">
      <div className="plan__heading">
        <h2 id="case-plan-heading">{t("plans.heading")}</h2>
        {overdue > 0 && <span className="pill pill--overdue">{t("plans.overdueCount", { n: String(overdue) })}</span>}
      </div>
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <QueryError error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <PlanBody plan={plan.data} />
      )}
    </section>
  );
}

function PlanBody({ plan }: { plan: PlanData }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<PlanVersionFull | null>(null);
  const start = useMutation(trpc.plans.startDraft.mutationOptions());
  const { open, inForce } = plan;

  const startEditing = () => {
    if (open) {
      setEditing(open);
      return;
    }
    // A new draft starts as a copy of the plan in force (or empty).
    start.mutate(
      { caseId: plan.caseId },
      {
        onSuccess: (draft) => {
          setEditing(draft);
          void queryClient.invalidateQueries(trpc.plans.byCase.queryFilter({ caseId: plan.caseId }));
        },
      },
    );
  };

  return (
    <>
      {plan.permissions.edit && !open && !editing && (
        <div className="action-list">
          <button type="button" className={inForce ? "button button--secondary" : "button button--primary"} disabled={start.isPending} onClick={startEditing}>
            {start.isPending ? t("common.loading") : inForce ? t("plans.edit") : t("plans.start")}
          </button>
          <PlanChangeError error={start.error} />
        </div>
      )}
      {editing ? (
        <DraftEditor draft={editing} domains={plan.settings.domains} onDone={() => setEditing(null)} />
      ) : (
        open && <OpenVersionPanel plan={plan} open={open} onEdit={startEditing} />
      )}
      {inForce ? (
        <PlanInForce plan={plan} inForce={inForce} />
      ) : (
        !open && !editing && <p className="empty">{t("plans.empty")}</p>
      )}
      <VersionHistory versions={plan.versions} domains={plan.settings.domains} />
    </>
  );
}
