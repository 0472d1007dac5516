import type { ReactNode } from "react";
import { Link } from "react-router";

/**
 * One number with what it counts, the whole tile a link to the list behind it: its accessible
 * name is the number and the words ("9 Overdue reviews"). The detail (how it is counted) is read after.
 */
export function StatTile({ to, value, label, detail }: { to: string; value: string; label: string; detail?: ReactNode }) {
  return (
    <li className="stat-tile">
      <Link to={to} className="stat-tile__link">
        <span className="stat-tile__value">{value}</span> <span className="stat-tile__label">{label}</span>
      </Link>
      {detail !== undefined && <p className="stat-tile__detail">{detail}</p>}
    </li>
  );
}

/** Tiles side by side where there is room, one under the other on a phone. */
export function StatTiles({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <ul className="stat-tiles" aria-label={label}>
      {children}
    </ul>
  );
}
