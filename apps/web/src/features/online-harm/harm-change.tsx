import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { RefusedChange } from "../../ui/refused-change";
import { useCaseChange } from "../cases/case-context";
import { harmErrorKey, harmNeedsReload } from "./harm-errors";

/** Reloads the online-harm record and what is derived from it (milestones, My work's follow-ups, the timeline). */
export function useRefreshHarm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.onlineHarm.pathFilter()),
        queryClient.invalidateQueries(trpc.milestones.pathFilter()),
        queryClient.invalidateQueries(trpc.myWork.pathFilter()),
        queryClient.invalidateQueries(trpc.timeline.pathFilter()),
      ]).then(() => undefined),
    [queryClient, trpc],
  );
}

/** After a change: reload the record, then show the case page's notice. */
export function useHarmSaved() {
  const refresh = useRefreshHarm();
  const { succeeded } = useCaseChange();
  return useCallback(
    async (key: string, values?: Record<string, string>) => {
      await refresh();
      await succeeded(key, values);
    },
    [refresh, succeeded],
  );
}

/** Why a change was refused, beside the form; when the record changed elsewhere, a button loads the latest. */
export function HarmChangeError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const refresh = useRefreshHarm();
  const present = error !== null && error !== undefined;
  return (
    <RefusedChange
      message={present ? t(harmErrorKey(error)) : null}
      reload={present && harmNeedsReload(error) ? { label: t("harm.reload"), run: refresh } : null}
    />
  );
}
