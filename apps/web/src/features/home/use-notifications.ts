import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

/** How often the in-app alerts are asked for while the app is open (and again on returning to it). */
export const NOTIFICATIONS_REFRESH_MS = 60_000;

/**
 * The user's in-app alerts (risk flags on their cases). One query, shared by the shell's unread
 * count and Home's alerts card; light enough to ask every minute.
 */
export function useNotifications(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.notifications.list.queryOptions(),
    enabled,
    refetchInterval: NOTIFICATIONS_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}
