import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { domainCodeOf, isUnauthenticated } from "../lib/api-errors";
import { notifySessionExpired } from "../lib/session-expiry";

function reportExpiredSession(error: unknown) {
  if (isUnauthenticated(error)) notifySessionExpired();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportExpiredSession }),
    mutationCache: new MutationCache({ onError: reportExpiredSession }),
    defaultOptions: {
      queries: {
        // A domain answer (forbidden, unauthenticated…) will not change on retry; a dropped connection may.
        retry: (failureCount, error) => domainCodeOf(error) === null && failureCount < 2,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
