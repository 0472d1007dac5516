import type { ReactNode } from "react";
import { useCurrentUser, type CurrentUser } from "./current-user";
import { Forbidden } from "./forbidden";

/**
 * Shows the page only to users the rule allows (for rules that are not a `can()` permission, such as
 * "works on cases"); the server refuses the data regardless.
 */
export function RequireUser({ allowed, children }: { allowed: (user: CurrentUser) => boolean; children: ReactNode }) {
  const user = useCurrentUser();
  return allowed(user) ? children : <Forbidden />;
}
