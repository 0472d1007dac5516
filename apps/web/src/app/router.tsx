import { lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { HomePage } from "../features/home/home-page";
import { registersCases, supervisesCases, worksOnCases } from "../features/cases/case-permissions";
import { usesPartnerDirectory } from "../features/partners/partner-permissions";
import { RequireAuth } from "./auth-guard";
import { RequireUser } from "./require-user";
import { RequirePermission } from "./require-permission";
import { seesDashboard } from "../features/dashboard/dashboard-permissions";
import { NotFound } from "./not-found";
import { RouteError } from "./route-error";
import { Loading } from "../ui/loading";
import { loadCatalogPart, type CatalogPart } from "../i18n";

// Every page but Home loads on demand: the first screen after sign-in stays small on a phone,
// and forms (react-hook-form, the zod schemas) arrive only with the pages that have them. So do
// their strings: a page's part of the catalog is loaded before it renders (no raw keys on screen).
// A page made of several features loads each of their parts (the case page has the appointments).
function withCatalog<M>(parts: CatalogPart | readonly CatalogPart[], module: Promise<M>): Promise<M> {
  const list = typeof parts === "string" ? [parts] : parts;
  return Promise.all([module, ...list.map((part) => loadCatalogPart(part))]).then(([loaded]) => loaded);
}

const SignInPage = lazy(() => import("../features/auth/sign-in-page").then((m) => ({ default: m.SignInPage })));
const UsersPage = lazy(() => withCatalog("admin", import("../features/admin/users-page")).then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => withCatalog("admin", import("../features/admin/teams-page")).then((m) => ({ default: m.TeamsPage })));
const SettingsPage = lazy(() =>
  withCatalog("admin", import("../features/admin/settings-page")).then((m) => ({ default: m.SettingsPage })),
);
const PartnersPage = lazy(() =>
  withCatalog("partners", import("../features/partners/partners-page")).then((m) => ({ default: m.PartnersPage })),
);
const CasesPage = lazy(() => withCatalog("cases", import("../features/cases/cases-page")).then((m) => ({ default: m.CasesPage })));
const NewCasePage = lazy(() =>
  withCatalog("cases", import("../features/cases/new-case-page")).then((m) => ({ default: m.NewCasePage })),
);
const CasePage = lazy(() =>
  withCatalog(["cases", "appointments", "sessions", "milestones", "timeline", "referrals", "harm"], import("../features/cases/case-page")).then((m) => ({ default: m.CasePage })),
);
// The case's life in one view: its words, and the vocabularies of what it lists (statuses, kinds, milestones).
const TimelinePage = lazy(() =>
  withCatalog(["timeline", "cases", "appointments", "sessions", "milestones"], import("../features/timeline/timeline-page")).then((m) => ({
    default: m.TimelinePage,
  })),
);
// FullCalendar comes only with this page.
const CalendarPage = lazy(() =>
  withCatalog("appointments", import("../features/appointments/calendar-page")).then((m) => ({ default: m.CalendarPage })),
);
const SessionNotePage = lazy(() =>
  withCatalog("sessions", import("../features/sessions/session-note-page")).then((m) => ({ default: m.SessionNotePage })),
);
const SupervisionPage = lazy(() =>
  withCatalog("sessions", import("../features/sessions/supervision-page")).then((m) => ({ default: m.SupervisionPage })),
);
// The dashboard brings recharts; its lists and statistics bring the export writers on demand.
const DASHBOARD_PARTS = ["dashboard", "reports", "cases", "appointments", "milestones"] as const;
const DashboardPage = lazy(() =>
  withCatalog(DASHBOARD_PARTS, import("../features/dashboard/dashboard-page")).then((m) => ({ default: m.DashboardPage })),
);
const DashboardListPage = lazy(() =>
  withCatalog(DASHBOARD_PARTS, import("../features/reports/list-page")).then((m) => ({ default: m.DashboardListPage })),
);
const StatisticsPage = lazy(() =>
  withCatalog(DASHBOARD_PARTS, import("../features/reports/statistics-page")).then((m) => ({ default: m.StatisticsPage })),
);
const IncomingReferralsPage = lazy(() =>
  withCatalog(["referrals", "partners", "cases"], import("../features/referrals/incoming-referrals-page")).then((m) => ({ default: m.IncomingReferralsPage })),
);
const SecurityPage = lazy(() =>
  withCatalog("security", import("../features/security/security-page")).then((m) => ({ default: m.SecurityPage })),
);
// The case history's words (with its milestones part) name case actions here too.
const AuditPage = lazy(() => withCatalog(["audit", "cases", "milestones"], import("../features/audit/audit-page")).then((m) => ({ default: m.AuditPage })));
const EmergencyAccessLogPage = lazy(() =>
  withCatalog("cases", import("../features/cases/emergency-access-log-page")).then((m) => ({ default: m.EmergencyAccessLogPage })),
);

export const router = createBrowserRouter([
  {
    path: "/sign-in",
    element: (
      <Suspense fallback={<Loading />}>
        <SignInPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: "/",
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      // Every signed-in user's two-factor sign-in and sessions.
      { path: "security", element: <SecurityPage /> },
      {
        path: "admin/users",
        element: (
          <RequirePermission action="users.manage">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: "admin/teams",
        element: (
          <RequirePermission action="teams.manage">
            <TeamsPage />
          </RequirePermission>
        ),
      },
      {
        path: "admin/settings",
        element: (
          <RequirePermission action="settings.manage">
            <SettingsPage />
          </RequirePermission>
        ),
      },
      {
        path: "partners",
        element: (
          <RequireUser allowed={usesPartnerDirectory}>
            <PartnersPage />
          </RequireUser>
        ),
      },
      {
        path: "cases",
        element: (
          <RequireUser allowed={worksOnCases}>
            <CasesPage />
          </RequireUser>
        ),
      },
      {
        path: "cases/new",
        element: (
          <RequireUser allowed={registersCases}>
            <NewCasePage />
          </RequireUser>
        ),
      },
      {
        path: "cases/emergency-access",
        element: (
          <RequireUser allowed={supervisesCases}>
            <EmergencyAccessLogPage />
          </RequireUser>
        ),
      },
      {
        path: "calendar",
        element: (
          <RequireUser allowed={worksOnCases}>
            <CalendarPage />
          </RequireUser>
        ),
      },
      {
        path: "cases/:caseId",
        element: (
          <RequireUser allowed={worksOnCases}>
            <CasePage />
          </RequireUser>
        ),
      },
      {
        path: "cases/:caseId/timeline",
        element: (
          <RequireUser allowed={worksOnCases}>
            <TimelinePage />
          </RequireUser>
        ),
      },
      {
        path: "cases/:caseId/sessions/:noteId",
        element: (
          <RequireUser allowed={worksOnCases}>
            <SessionNotePage />
          </RequireUser>
        ),
      },
      {
        path: "supervision",
        element: (
          <RequireUser allowed={supervisesCases}>
            <SupervisionPage />
          </RequireUser>
        ),
      },
      {
        path: "referrals/incoming",
        element: (
          <RequireUser allowed={worksOnCases}>
            <IncomingReferralsPage />
          </RequireUser>
        ),
      },
      {
        path: "dashboard",
        element: (
          <RequireUser allowed={seesDashboard}>
            <DashboardPage />
          </RequireUser>
        ),
      },
      {
        path: "dashboard/lists/:list",
        element: (
          <RequireUser allowed={seesDashboard}>
            <DashboardListPage />
          </RequireUser>
        ),
      },
      {
        path: "dashboard/statistics",
        element: (
          <RequireUser allowed={seesDashboard}>
            <StatisticsPage />
          </RequireUser>
        ),
      },
      {
        path: "audit",
        element: (
          <RequirePermission action="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
