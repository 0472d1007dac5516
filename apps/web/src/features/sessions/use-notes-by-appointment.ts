import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

/** appointment id → the session note written from it, from the case's session list (shared with the sessions section). */
export function useSessionNotesByAppointment(caseId: string): ReadonlyMap<string, string> {
  const trpc = useTRPC();
  const sessions = useQuery(trpc.sessions.byCase.queryOptions({ caseId }));
  return useMemo(
    () =>
      new Map(
        (sessions.data?.sessions ?? []).flatMap((session) => (session.appointmentId ? [[session.appointmentId, session.id] as const] : [])),
      ),
    [sessions.data],
  );
}
