import type { ReactNode } from "react";

/** One card of the dashboard: a heading the region is named by, a line on how it counts, its figures. */
export function DashboardSection({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="card dashboard-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint && <p className="field__hint">{hint}</p>}
      {children}
    </section>
  );
}
