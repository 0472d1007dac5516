import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { queryRows, type DbHandle } from "./client";
import { migrationsFolder } from "./migrations-folder";

interface Journal {
  entries: { when: number; tag: string }[];
}

/** True when every committed migration has been applied (for /readyz). */
export async function migrationsApplied(handle: DbHandle): Promise<boolean> {
  const journal = JSON.parse(
    await readFile(`${migrationsFolder}/meta/_journal.json`, "utf8"),
  ) as Journal;
  const latest = journal.entries.at(-1);
  if (!latest) return true;
  try {
    const [row] = await queryRows<{ created_at: string | null }>(
      handle.db,
      sql`select max(created_at)::text as created_at from drizzle.__drizzle_migrations`,
    );
    return Number(row?.created_at ?? 0) >= latest.when;
  } catch {
    return false;
  }
}
