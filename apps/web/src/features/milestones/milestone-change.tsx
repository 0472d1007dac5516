import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { domainCodeOf, errorMessageKey, reasonOf } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { RefusedChange } from "../../ui/refused-change";
import { useCaseChange } from "../cases/case-context";

/** Refusals that mean the milestone moved on elsewhere: only a reload shows where it is now. */
const MOVED_ON = new Set(["illegal_transition", "status_unchanged", "not_awaiting_verification"]);

export function needsReload(error: unknown): boolean {
  const reason = reasonOf(error);
  return domainCodeOf(error) === "stale_version" || (reason !== null && MOVED_ON.has(reason));
}

/** Reloads the case's milestones and what is derived from them (My work, the timeline). */
export function useRefreshMilestones() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.milestones.pathFilter()),
        queryClient.invalidateQueries(trpc.myWork.pathFilter()),
        queryClient.invalidateQueries(trpc.timeline.pathFilter()),
      ]).then(() => undefined),
    [queryClient, trpc],
  );
}

/** After a change: reload the milestones, then show the case page's notice (which reloads the case's history). */
export function useMilestoneSaved() {
  const refresh = useRefreshMilestones();
  const { succeeded } = useCaseChange();
  return useCallback(
    async (key: string, values: Record<string, string>) => {
      await refresh();
      await succeeded(key, values);
    },
    [refresh, succeeded],
  );
}

/** Why a milestone change was refused, beside the form; when it changed elsewhere, a button loads the latest. */
export function MilestoneChangeError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const refresh = useRefreshMilestones();
  const present = error !== null && error !== undefined;
  // The shared words for an illegal step speak of the case's status; here it is the milestone's.
  const movedOn = domainCodeOf(error) === "stale_version" || reasonOf(error) === "illegal_transition";
  const message = !present ? null : movedOn ? t("milestones.stale") : t(errorMessageKey(error));
  return <RefusedChange message={message} reload={needsReload(error) ? { label: t("milestones.reload"), run: refresh } : null} />;
}
