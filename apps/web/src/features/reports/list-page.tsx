export function DashboardListPage() {
  return null;
}
