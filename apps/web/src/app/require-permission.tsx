import type { ReactNode } from "react";
import { can, type Action } from "@lentera/domain";
import { useCurrentUser } from "./current-user";
import { Forbidden } from "./forbidden";

/** Shows the page only to users allowed to act there; the server refuses the data regardless. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const user = useCurrentUser();
  return can(user, action) ? children : <Forbidden />;
}
