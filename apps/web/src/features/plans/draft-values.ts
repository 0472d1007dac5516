import type { z } from "zod";
import type { PlanDomain, savePlanDraftInput } from "@lentera/domain";
import type { PlanGoal, PlanVersionFull } from "./plan-types";

export type DraftForm = z.input<typeof savePlanDraftInput>;
export type DraftOutput = z.output<typeof savePlanDraftInput>;
export type GoalForm = DraftForm["goals"][number];
export type InterventionForm = NonNullable<GoalForm["interventions"]>[number];

/** The text inputs hold strings; the schema turns blank answers back into null. */
function goalForm(goal: PlanGoal): GoalForm {
  return {
    key: goal.key,
    domain: goal.domain,
    outcomeDomain: goal.outcomeDomain,
    title: goal.title,
    description: goal.description ?? "",
    baseline: goal.baseline ?? "",
    target: goal.target ?? "",
    ownerUserId: goal.ownerUserId,
    ownerPartnerId: goal.ownerPartnerId,
    targetDate: goal.targetDate,
    status: goal.status,
    interventions: goal.interventions.map((item) => ({
      type: item.type,
      providerPartnerId: item.providerPartnerId,
      // The API fills in a partner's name; the draft stores a name only for a provider outside the directory.
      providerName: item.providerPartnerId ? "" : (item.providerName ?? ""),
      frequency: item.frequency ?? "",
      startDate: item.startDate,
      endDate: item.endDate,
    })),
  };
}

export function draftFormValues(draft: PlanVersionFull): DraftForm {
  return { versionId: draft.id, version: draft.version, goals: draft.goals.map(goalForm) };
}

/** A new goal: its key is made here and follows the goal through every later version. */
export function newGoal(domain: PlanDomain): GoalForm {
  return {
    key: crypto.randomUUID(),
    domain,
    outcomeDomain: null,
    title: "",
    description: "",
    baseline: "",
    target: "",
    ownerUserId: null,
    ownerPartnerId: null,
    targetDate: null,
    status: "not_started",
    interventions: [],
  };
}

export const newIntervention = (): InterventionForm => ({
  type: "counseling",
  providerPartnerId: null,
  providerName: "",
  frequency: "",
  startDate: null,
  endDate: null,
});
