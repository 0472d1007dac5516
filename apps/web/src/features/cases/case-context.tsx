import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import type { NoticeMessage } from "../../ui/notice";
import type { CaseOverview } from "./case-types";

export interface CaseChange {
  caseData: CaseOverview;
  /** Shows a success notice and reloads the case, its history and the lists. */
  succeeded: (key: string, values?: Record<string, string>) => Promise<void>;
  /** After "someone else changed this case": fetch the latest version and reset the forms. */
  reload: () => Promise<void>;
}

const CaseChangeContext = createContext<CaseChange | null>(null);
export const CaseChangeProvider = CaseChangeContext.Provider;

/** The case being shown and what its forms call after a change; only inside the case page. */
export function useCaseChange(): CaseChange {
  const value = useContext(CaseChangeContext);
  if (!value) throw new Error("useCaseChange() is used outside the case page");
  return value;
}

/** The case page's side of it: the notice, and a key that changes when the forms must start again. */
export function useCaseChangeState(caseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [formsKey, setFormsKey] = useState(0);

  const refresh = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.cases.byId.queryFilter({ caseId })),
      queryClient.invalidateQueries(trpc.cases.history.queryFilter({ caseId })),
      queryClient.invalidateQueries(trpc.cases.list.pathFilter()),
    ]);
  }, [queryClient, trpc, caseId]);

  const succeeded = useCallback(
    async (key: string, values?: Record<string, string>) => {
      setNotice({ kind: "success", key, ...(values ? { values } : {}) });
      await refresh();
    },
    [refresh],
  );

  const reload = useCallback(async () => {
    setNotice(null);
    await refresh();
    setFormsKey((key) => key + 1);
  }, [refresh]);

  const dismiss = useCallback(() => setNotice(null), []);
  return useMemo(() => ({ notice, dismiss, succeeded, reload, formsKey }), [notice, dismiss, succeeded, reload, formsKey]);
}
