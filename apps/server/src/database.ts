import { mkdir } from "node:fs/promises";
import { createDb, type DbHandle } from "@lentera/db";
import type { Env } from "./env";

/** The configured Postgres, or the embedded PGlite under the data directory. */
export async function openDatabase(env: Env): Promise<DbHandle> {
  if (env.DATABASE_URL) {
    return createDb({ databaseUrl: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE });
  }
  const dataDir = `${env.LENTERA_DATA_DIR.replace(/\/$/, "")}/pglite`;
  await mkdir(dataDir, { recursive: true });
  return createDb({ dataDir });
}
