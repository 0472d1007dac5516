import { Suspense } from "react";
import { useEffect, useRef } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { Loading } from "../ui/loading";
import { useTranslation } from "react-i18next";
import { SignOutButton } from "../features/auth/sign-out-button";
import { useCurrentUser } from "./current-user";
import { LanguageSwitch } from "./language-switch";
import { activeNavItem, navigationFor } from "./navigation";

/** The frame around every signed-in page: header, navigation and the main region. */
export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  const items = navigationFor(user.roles);
  const active = activeNavItem(items, pathname);

  // After navigating, start reading at the new page (as a full page load would).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <p className="brand">{t("app.name")}</p>
          <div className="app-header__tools">
            <p className="app-header__user">{user.displayName}</p>
            <LanguageSwitch signedIn />
            <SignOutButton />
          </div>
        </div>
        <nav aria-label={t("nav.label")} className="main-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={item === active ? "page" : undefined}>
                  {t(item.labelKey)}
                </Link>
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
