import { useCallback } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { useCaseChange } from "../cases/case-context";

/**
 * What the plan's forms call after a change: reload every plan query of the case, then the case
 * page's notice (which also reloads the case and its history, where the change is logged).
 */
export function usePlanChange() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { caseData, succeeded, reload } = useCaseChange();

  const refreshPlan = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.plans.byCase.queryFilter({ caseId: caseData.id })),
      queryClient.invalidateQueries(trpc.plans.version.pathFilter()),
    ]);
  }, [queryClient, trpc, caseData.id]);

  const planSucceeded = useCallback(
    async (key: string, values?: Record<string, string>) => {
      await refreshPlan();
      await succeeded(key, values);
    },
    [refreshPlan, succeeded],
  );

  /** After "someone else changed the plan": the latest plan, and every plan form starts again. */
  const reloadPlan = useCallback(async () => {
    await refreshPlan();
    await reload();
  }, [refreshPlan, reload]);

  return { caseId: caseData.id, planSucceeded, reloadPlan };
}
