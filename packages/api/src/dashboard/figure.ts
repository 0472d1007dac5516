import type { Dashboard, DashboardList, DashboardListParams, DashboardListRow } from "@lentera/domain";
import type { DashboardEnv } from "./env";

/**
 * The rows behind one dashboard figure. `total` counts exactly the rows `rows` pages through, with
 * the same condition as the figure, so the figure, the list and an export never disagree.
 */
export interface DashboardListQuery {
  rows(env: DashboardEnv, params: DashboardListParams, limit: number, offset: number): Promise<DashboardListRow[]>;
  total(env: DashboardEnv, params: DashboardListParams): Promise<number>;
}

/** A group of figures and the lists behind them, computed together. */
export interface FigureModule {
  figures(env: DashboardEnv): Promise<Partial<Dashboard>>;
  lists: Partial<Record<DashboardList, DashboardListQuery>>;
}
