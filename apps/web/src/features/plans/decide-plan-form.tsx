import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { decidePlanInput } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { PlanChangeError } from "./plan-change-error";
import type { PlanVersionSummary } from "./plan-types";
import { usePlanChange } from "./use-plan-change";

type DecideInput = z.input<typeof decidePlanInput>;

/** A supervisor approves the submitted version (it comes into force) or returns it with a comment. */
export function DecidePlanForm({ version }: { version: PlanVersionSummary }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { planSucceeded } = usePlanChange();
  const decide = useMutation(trpc.plans.decide.mutationOptions());
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<DecideInput, unknown, z.output<typeof decidePlanInput>>({
    resolver: zodResolver(decidePlanInput, { error: requiredWhenEmpty }),
    defaultValues: { versionId: version.id, version: version.version, decision: "approve", comment: "" },
  });
  const submit = (decision: DecideInput["decision"]) => {
    setValue("decision", decision);
    void handleSubmit(async (values) => {
      try {
        await decide.mutateAsync(values);
        const number = String(version.number);
        await planSucceeded(decision === "approve" ? "plans.done.approved" : "plans.done.returned", { number });
      } catch {
        // shown by PlanChangeError
      }
    })();
  };

  return (
    <form className="form subform" noValidate onSubmit={(event) => event.preventDefault()}>
      <h3>{t("plans.decide.heading", { number: String(version.number) })}</h3>
      <TextareaField
        label={t("plans.decide.comment")}
        hint={t("plans.decide.commentHint")}
        error={errors.comment?.message}
        {...register("comment")}
      />
      <PlanChangeError error={decide.error} />
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={isSubmitting} onClick={() => submit("approve")}>
          {t("plans.decide.approve")}
        </button>
        <button type="button" className="button button--secondary" disabled={isSubmitting} onClick={() => submit("return")}>
          {t("plans.decide.return")}
        </button>
      </div>
    </form>
  );
}
