import { mkdir } from "node:fs/promises";
import { createDb, type DbHandle } from "@lentera/db";
import type { Env } from "./env";

/** The configured Postgres, or the embedded PGlite under the data directory. */
export async function openDatabase(env: Env): Promise<DbHandle> {
  if (env.DATABASE_URL) {
    return createDb({ databaseUrl: env.DATABASE_URL, migrationUrl: env.DATABASE_MIGRATION_URL, maxConnections: env.DATABASE_POOL_SIZE });
  }
  const dataDir = `${env.LENTERA_DATA_DIR.replace(/\/$/, "")}/pglite`;
  await mkdir(dataDir, { recursive: true });
  return createDb({ dataDir });
}

/**
 * Runs `work` on the schema owner's connection when DATABASE_MIGRATION_URL names one (the demo
 * seed writes every agency's rows, which the application's role may not), else on `db`.
 */
export async function asSchemaOwner<T>(env: Env, db: DbHandle, work: (owner: DbHandle) => Promise<T>): Promise<T> {
  if (!env.DATABASE_MIGRATION_URL) return work(db);
  const owner = await createDb({ databaseUrl: env.DATABASE_MIGRATION_URL, maxConnections: 1 });
  try {
    return await work(owner);
  } finally {
    await owner.close();
  }
}
