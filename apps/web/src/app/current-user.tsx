import { createContext, useContext } from "react";
import type { RouterOutputs } from "@lentera/api";

export type CurrentUser = RouterOutputs["auth"]["me"];

export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user; only for components rendered inside the auth guard. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser() is used outside the auth guard");
  return user;
}
