import type { RouterOutputs } from "@lentera/api";

export type AdminUser = RouterOutputs["admin"]["users"]["list"][number];
export type AdminTeam = RouterOutputs["admin"]["teams"]["list"][number];

export type UserStatus = "active" | "deactivated" | "locked";

/** Deactivated wins over locked: a deactivated account cannot sign in whatever its lock says. */
export function userStatus(user: Pick<AdminUser, "active" | "lockedUntil">, now: Date): UserStatus {
  if (!user.active) return "deactivated";
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) return "locked";
  return "active";
}
