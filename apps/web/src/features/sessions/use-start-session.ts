import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useTRPC } from "../../lib/trpc";
import { notePath } from "./session-types";

/**
 * Opens a session note to write: from an appointment (the server fills the date, duration and
 * modality and records the appointment as attended) or on its own. When the appointment already
 * has a note, the server returns that one, so the same button opens it.
 */
export function useStartSession(caseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation(trpc.sessions.start.mutationOptions());
  return {
    start: (appointmentId: string | null) =>
      start.mutate(
        { caseId, appointmentId },
        {
          onSuccess: ({ noteId }) => {
            void queryClient.invalidateQueries(trpc.sessions.byCase.queryFilter({ caseId }));
            if (appointmentId) void queryClient.invalidateQueries(trpc.appointments.pathFilter());
            void navigate(notePath(caseId, noteId));
          },
        },
      ),
    isPending: start.isPending,
    error: start.error,
  };
}
