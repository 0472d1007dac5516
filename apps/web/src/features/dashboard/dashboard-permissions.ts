/** Whether the signed-in user has a dashboard (the server decides it: auth.me's `dashboard`, and refuses the data regardless). */
export function seesDashboard(user: { dashboard: "agency" | "teams" | null }): boolean {
  return user.dashboard !== null;
}
