import { lazy, Suspense, useEffect } from "react";
import { Navigate, useLocation } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc";
import { isUnauthenticated } from "../lib/api-errors";
import { onSessionExpired } from "../lib/session-expiry";
import { applyLocale, loadCatalogPart } from "../i18n";
import { Loading } from "../ui/loading";
import { QueryError } from "../ui/query-error";
import { CurrentUserContext } from "./current-user";
import { AppShell } from "./shell";

const EnrolmentPage = lazy(() =>
  Promise.all([import("../features/security/enrolment-page"), loadCatalogPart("security")]).then(([m]) => ({ default: m.EnrolmentPage })),
);

/** What the sign-in page is told when the guard sends someone there. */
export interface SignInState {
  from?: string;
  expired?: boolean;
}

/**
 * Renders the app for a signed-in user and sends everyone else to /sign-in. The user's saved
 * language wins over the one chosen on this device before signing in.
 */
export function RequireAuth() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions());
  const locale = me.data?.locale;

  useEffect(() => {
    // If its strings cannot be downloaded, the app stays in this device's language.
    if (locale) applyLocale(locale).catch(() => undefined);
  }, [locale]);

  // Another call found the session gone: ask auth.me again, whose failure redirects below.
  useEffect(
    () =>
      onSessionExpired(() => {
        const meKey = trpc.auth.me.queryKey();
        if (queryClient.getQueryState(meKey)?.status === "success") {
          void queryClient.invalidateQueries({ queryKey: meKey });
        }
      }),
    [queryClient, trpc],
  );

  if (isUnauthenticated(me.error)) {
    const state: SignInState = { from: location.pathname, expired: me.data !== undefined };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  if (me.data?.stage === "enrollment") {
    // Until two-factor sign-in is set up the server refuses all else: no shell, only enrolment.
    return (
      <CurrentUserContext value={me.data}>
        <Suspense
          fallback={
            <main id="main" className="page page--centered">
              <Loading />
            </main>
          }
        >
          <EnrolmentPage />
        </Suspense>
      </CurrentUserContext>
    );
  }
  if (me.data) {
    return (
      <CurrentUserContext value={me.data}>
        <AppShell />
      </CurrentUserContext>
    );
  }
  if (me.isError) {
    return (
      <main id="main" className="page page--centered">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return (
    <main id="main" className="page page--centered">
      <Loading />
    </main>
  );
}
