import { useCallback, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { domainCodeOf, errorMessageKey } from "../../lib/api-errors";
import type { NoticeMessage } from "../../ui/notice";

/**
 * The notice an admin page shows after a change, and the reload that follows every outcome.
 * A stale version means someone else changed the record: the list is reloaded and the user told.
 */
export function useAdminNotice() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  const reload = useCallback(() => queryClient.invalidateQueries(trpc.admin.pathFilter()), [queryClient, trpc]);

  const succeeded = useCallback(
    (key: string, values?: Record<string, string>) => {
      setNotice({ kind: "success", key, ...(values ? { values } : {}) });
      return reload();
    },
    [reload],
  );

  const failed = useCallback(
    (error: unknown) => {
      setNotice({ kind: "error", key: errorMessageKey(error) });
      if (domainCodeOf(error) === "stale_version" || domainCodeOf(error) === "not_found") return reload();
      return Promise.resolve();
    },
    [reload],
  );

  return { notice, succeeded, failed, dismiss: () => setNotice(null) };
}
