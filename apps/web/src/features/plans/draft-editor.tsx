import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormProvider, useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { savePlanDraftInput, type PlanDomain } from "@lentera/domain";
import { fieldMessageKey } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { requiredWhenEmpty } from "../cases/form-errors";
import { draftFormValues, newGoal, type DraftForm, type DraftOutput } from "./draft-values";
import { GoalEditor } from "./goal-editor";
import { PlanChangeError } from "./plan-change-error";
import { domainsToShow } from "./plan-grouping";
import type { OwnerOptions, PlanVersionFull } from "./plan-types";
import { useOutcomeDomains, type OutcomeDomainOption } from "./use-outcome-domains";
import { usePlanChange } from "./use-plan-change";
import { DecisionComment } from "./version-facts";

const MAX_GOALS = 60;

/** Waits for the owners and outcome domains, so every select opens with its saved choice. */
export function DraftEditor({ draft, domains, onDone }: { draft: PlanVersionFull; domains: readonly PlanDomain[]; onDone: () => void }) {
  const trpc = useTRPC();
  const { caseId } = usePlanChange();
  const owners = useQuery(trpc.plans.ownerOptions.queryOptions({ caseId }));
  const instruments = useQuery(trpc.outcomes.instruments.queryOptions());
  const outcomeDomains = useOutcomeDomains();
  if (owners.isPending || instruments.isPending) return <Loading />;
  if (owners.isError) return <QueryError error={owners.error} onRetry={() => void owners.refetch()} />;
  if (instruments.isError) return <QueryError error={instruments.error} onRetry={() => void instruments.refetch()} />;
  return <DraftForm draft={draft} domains={domains} options={owners.data} outcomeDomains={outcomeDomains.options} onDone={onDone} />;
}

function DraftForm({
  draft,
  domains,
  options,
  outcomeDomains,
  onDone,
}: {
  draft: PlanVersionFull;
  domains: readonly PlanDomain[];
  options: OwnerOptions;
  outcomeDomains: readonly OutcomeDomainOption[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { planSucceeded } = usePlanChange();
  const save = useMutation(trpc.plans.saveDraft.mutationOptions());
  const form = useForm<DraftForm, unknown, DraftOutput>({
    resolver: zodResolver(savePlanDraftInput, { error: requiredWhenEmpty }),
    defaultValues: draftFormValues(draft),
  });
  const {
    control,
    handleSubmit,
    getValues,
    formState: { errors, isSubmitting },
  } = form;
  const goals = useFieldArray({ control, name: "goals" });
  const [newDomain, setNewDomain] = useState<PlanDomain>(domains[0] ?? "physical");
  const [announcement, setAnnouncement] = useState("");
  const goalDomains = domainsToShow(domains, getValues("goals"));
  const listError = errors.goals?.root?.message ?? errors.goals?.message;

  const onSubmit = handleSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      // Close the editor only once the saved version is loaded, so "Submit" never holds the old one.
      await planSucceeded("plans.done.saved", { number: String(draft.number) });
      onDone();
    } catch {
      // shown by PlanChangeError
    }
  });

  return (
    <FormProvider {...form}>
      <form className="form subform plan-editor" noValidate onSubmit={(event) => void onSubmit(event)}>
        <h3>{t("plans.editor.heading", { number: String(draft.number) })}</h3>
        <p className="field__hint">{t("plans.editor.explanation")}</p>
        {draft.status === "returned" && draft.decisionComment && (
          <div className="notice notice--warning notice--stacked">
            <DecisionComment version={draft} />
          </div>
        )}
        {goals.fields.length === 0 && <p className="empty">{t("plans.editor.noGoals")}</p>}
        {goals.fields.map((row, index) => (
          <GoalEditor
            key={row.id}
            index={index}
            count={goals.fields.length}
            domains={goalDomains}
            outcomeDomains={outcomeDomains}
            options={options}
            onMove={(to) => {
              goals.move(index, to);
              setAnnouncement(t("plans.editor.moved", { n: String(to + 1) }));
            }}
            onRemove={() => {
              goals.remove(index);
              setAnnouncement(t("plans.editor.removed", { n: String(index + 1) }));
            }}
          />
        ))}
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
        {listError && (
          <p className="field__error" role="alert">
            {t(fieldMessageKey(listError))}
          </p>
        )}
        {goals.fields.length < MAX_GOALS && (
          <div className="plan-editor__add">
            <label className="field">
              <span className="field__label">{t("plans.editor.newGoalDomain")}</span>
              <select className="field__input" value={newDomain} onChange={(event) => setNewDomain(domains.find((domain) => domain === event.target.value) ?? newDomain)}>
                {domains.map((domain) => (
                  <option key={domain} value={domain}>
                    {t(`plans.domain.${domain}`)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                goals.append(newGoal(newDomain), { focusName: `goals.${goals.fields.length}.title` });
                setAnnouncement(t("plans.editor.added", { n: String(goals.fields.length + 1) }));
              }}
            >
              {t("plans.editor.addGoal")}
            </button>
          </div>
        )}
        <PlanChangeError error={save.error} />
        <FormActions
          submitting={isSubmitting}
          submitLabel={t("plans.editor.save")}
          submittingLabel={t("cases.workflow.saving")}
          onCancel={onDone}
        />
      </form>
    </FormProvider>
  );
}
