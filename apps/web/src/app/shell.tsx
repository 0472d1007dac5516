import { Suspense } from "react";
import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, Outlet, useLocation } from "react-router";
import { Loading } from "../ui/loading";
import { useTranslation } from "react-i18next";
import { SignOutButton } from "../features/auth/sign-out-button";
import { worksOnCases } from "../features/cases/case-permissions";
import { useNotifications } from "../features/home/use-notifications";
import { useTRPC } from "../lib/trpc";
import { useCurrentUser } from "./current-user";
import { LanguageSwitch } from "./language-switch";
import { activeNavItem, navigationFor } from "./navigation";
import { seesDashboard } from "../features/dashboard/dashboard-permissions";

/** How often the My-work count is asked for while the app is open (a cheap request). */
const WORK_COUNTS_REFRESH_MS = 60_000;

/** The frame around every signed-in page: header, navigation and the main region. */
export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname, hash, key } = useLocation();
  const firstRender = useRef(true);
  const items = navigationFor(user.roles, seesDashboard(user));
  const active = activeNavItem(items, pathname);
  // Unread alerts (risk flags on the user's cases): a bell in the header leads to Home, where they are listed.
  const notifications = useNotifications(worksOnCases(user));
  const unread = notifications.data?.unread ?? 0;
  // How many items My work holds: beside its link, refreshed like the alerts (Home updates it too).
  const trpc = useTRPC();
  const counts = useQuery({
    ...trpc.myWork.counts.queryOptions(),
    enabled: worksOnCases(user),
    refetchInterval: WORK_COUNTS_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const due = counts.data?.total ?? 0;

  // After navigating, start reading at the new page (as a full page load would).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);
  // A link to a part of a page (My work's items): read from there instead, once it has loaded.
  useEffect(() => {
    if (!hash) return;
    let stop: (() => void) | null = null;
    let left = false;
    void import("../features/my-work/scroll-to-hash").then(({ scrollToHash }) => {
      if (!left) stop = scrollToHash(hash);
    });
    return () => {
      left = true;
      stop?.();
    };
  }, [hash, key]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <p className="brand">{t("app.name")}</p>
          <div className="app-header__tools">
            {unread > 0 && (
              <Link to="/" className="alerts-bell">
                <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
                  <path
                    fill="currentColor"
                    d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
                  />
                </svg>
                <span aria-hidden="true">{unread > 99 ? "99+" : unread}</span>
                <span className="visually-hidden">{t("nav.unreadAlerts", { number: String(unread) })}</span>
              </Link>
            )}
            {/* The user's name leads to their Security page (two-factor sign-in, sessions). */}
            <Link to="/security" className="app-header__user" aria-label={`${user.displayName}: ${t("nav.security")}`}>
              {user.displayName}
            </Link>
            <LanguageSwitch signedIn />
            <SignOutButton />
          </div>
        </div>
        <nav aria-label={t("nav.label")} className="main-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to} className={item.countsWork ? "main-nav__counted" : undefined}>
                <Link
                  to={item.to}
                  aria-current={item === active ? "page" : undefined}
                  aria-describedby={item.countsWork && due > 0 ? "nav-work-count" : undefined}
                >
                  {t(item.labelKey)}
                </Link>
                {/* Beside the link, not in it: the link's name stays "My work"; the count describes it. */}
                {item.countsWork && due > 0 && (
                  <span id="nav-work-count" className="nav-count">
                    <span aria-hidden="true">{due > 99 ? "99+" : due}</span>
                    <span className="visually-hidden">{t("nav.itemsDue", { number: String(due) })}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
