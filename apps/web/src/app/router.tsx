import { createBrowserRouter } from "react-router";
import { SignInPage } from "../features/auth/sign-in-page";
import { HomePage } from "../features/home/home-page";
import { UsersPage } from "../features/admin/users-page";
import { TeamsPage } from "../features/admin/teams-page";
import { RequireAuth } from "./auth-guard";
import { RequirePermission } from "./require-permission";
import { NotFound } from "./not-found";
import { RouteError } from "./route-error";

export const router = createBrowserRouter([
  { path: "/sign-in", element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: "/",
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
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
      { path: "*", element: <NotFound /> },
    ],
  },
]);
