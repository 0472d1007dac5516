import { useTranslation } from "react-i18next";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { useDateFormat } from "../cases/format";
import { DecidePlanForm } from "./decide-plan-form";
import { GoalsByDomain } from "./goals-by-domain";
import { PlanChangeError } from "./plan-change-error";
import { PlanDiff } from "./plan-diff";
import type { PlanData } from "./plan-types";
import { usePlanChange } from "./use-plan-change";
import { DecisionComment, VersionFacts, VersionStatusPill } from "./version-facts";

type OpenVersion = NonNullable<PlanData["open"]>;

/**
 * The version being worked on: a draft, one waiting for approval, or one returned with the
 * supervisor's comment. What changed against the plan in force comes first; the supervisor decides here.
 */
export function OpenVersionPanel({ plan, open, onEdit }: { plan: PlanData; open: OpenVersion; onEdit: () => void }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const submitted = open.status === "submitted";
  const before = plan.inForce?.goals ?? [];

  return (
    <div className={`plan-block plan-block--open plan-block--${open.status}`}>
      <h3>
        {t("plans.open.heading", { number: String(open.number) })} <VersionStatusPill status={open.status} />
      </h3>
      <VersionFacts version={open} />
      {open.status === "returned" && (
        <div className="notice notice--warning notice--stacked">
          <p>
            <strong>
              {t("plans.open.returnedBy", {
                name: open.decidedBy?.name ?? "",
                date: open.decidedAt ? format.date(open.decidedAt) : "",
              })}
            </strong>
          </p>
          <DecisionComment version={open} />
        </div>
      )}
      {submitted && <p>{t("plans.open.waiting")}</p>}
      <h4>{plan.inForce ? t("plans.diff.headingAgainst", { number: String(plan.inForce.number) }) : t("plans.diff.headingFirst")}</h4>
      <PlanDiff before={before} after={open.goals} />
      <details className="plan-details">
        <summary>{t("plans.open.allGoals", { n: String(open.goals.length) })}</summary>
        <GoalsByDomain goals={open.goals} domains={plan.settings.domains} />
      </details>
      <div className="action-list">
        {plan.permissions.edit && !submitted && (
          <button type="button" className="button button--secondary" onClick={onEdit}>
            {t("plans.open.edit")}
          </button>
        )}
        {plan.permissions.submit && <SubmitButton open={open} />}
      </div>
      {plan.permissions.decide && submitted && <DecidePlanForm version={open} />}
    </div>
  );
}

function SubmitButton({ open }: { open: OpenVersion }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { planSucceeded } = usePlanChange();
  const submit = useMutation(trpc.plans.submit.mutationOptions());
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        disabled={submit.isPending}
        onClick={() => {
          submit.mutate(
            { versionId: open.id, version: open.version },
            { onSuccess: () => void planSucceeded("plans.done.submitted", { number: String(open.number) }) },
          );
        }}
      >
        {submit.isPending ? t("cases.workflow.saving") : t("plans.open.submit")}
      </button>
      <PlanChangeError error={submit.error} />
    </>
  );
}
