/** The router's procedures, read from the router itself (tRPC v11 keeps a flat record by path). */
import { appRouter } from "../../src/root";

/** Every procedure path of the router. */
export function routerPaths(): string[] {
  return Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();
}

/** The procedure at `path` on a caller's proxy. */
export function procedureAt(api: unknown, path: string): (input?: unknown) => Promise<unknown> {
  let node = api as Record<string, unknown>;
  for (const key of path.split(".")) node = node[key] as Record<string, unknown>;
  return node as unknown as (input?: unknown) => Promise<unknown>;
}
