/** The roles a Lentera user can hold; one user may hold several (a supervisor who also counsels). */
export const ROLES = ["social_worker", "counselor", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["en", "id", "vi"] as const;
export type Locale = (typeof LOCALES)[number];

export const COUNTRIES = ["ID", "VN"] as const;
export type Country = (typeof COUNTRIES)[number];

export function hasRole(user: { roles: readonly Role[] }, role: Role): boolean {
  return user.roles.includes(role);
}
