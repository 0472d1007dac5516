import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { Logger, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres, { type Sql } from "postgres";
import { migrationsFolder } from "./migrations-folder";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type the rest of the code sees, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction. */
export type Executor = Database | Transaction;

export type DbDriver = "pglite" | "postgres";

export interface DbHandle {
  db: Database;
  driver: DbDriver;
  /** Applies the committed migrations; safe when several servers start at once. */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
}

export interface CreateDbOptions {
  /** A postgres:// URL. When absent, an embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data directory; absent means in memory (tests). Ignored with a URL. */
  dataDir?: string | undefined;
  /**
   * The schema owner's URL for `migrate()`, when `databaseUrl` is the application's login role
   * (a member of lentera_app that may not change the schema).
   */
  migrationUrl?: string | undefined;
  /** Pool size for postgres.js. */
  maxConnections?: number | undefined;
  /** Sees every statement (the benchmark records them to replay the same SQL directly). */
  logger?: Logger | undefined;
}

const casing = "snake_case" as const;
// An arbitrary constant: servers starting together take turns at migrating.
const MIGRATION_LOCK_KEY = 4_741_202_611;

export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  const { databaseUrl } = options;
  if (databaseUrl) {
    const client = postgres(databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => undefined,
      // While Postgres is down, requests wait for a reconnect attempt: the driver's default backoff
      // grows to 20 s and its connect timeout is 30 s, which would hang them instead of a prompt 503.
      connect_timeout: 3,
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    });
    const db = drizzlePostgres(preparingEveryStatement(client), { schema, casing, ...(options.logger ? { logger: options.logger } : {}) }) as unknown as Database;
    return {
      db,
      driver: "postgres",
      migrate: () => migratePostgresLocked(options.migrationUrl ?? databaseUrl),
      close: () => client.end({ timeout: 5 }),
    };
  }
  // One options object: PGlite ignores extensions passed as a second argument.
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { btree_gist },
  });
  const pglite = drizzlePglite(client, { schema, casing, ...(options.logger ? { logger: options.logger } : {}) });
  return {
    db: pglite as unknown as Database,
    driver: "pglite",
    migrate: () => migratePglite(pglite, { migrationsFolder }),
    close: () => client.close(),
  };
}

/**
 * drizzle asks postgres.js to prepare only the queries built with `.prepare()`, so every other
 * statement is parsed and planned on every call; for the session lookup that runs on each request
 * planning cost more than executing. postgres.js keeps prepared statements per connection, keyed
 * by the query text, so preparing everything plans each query shape once per connection.
 * (pgbouncer in transaction mode needs version 1.21+ for this.)
 */
function preparingEveryStatement(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: unknown[], options?: { prepare?: boolean }) =>
          target.unsafe(query, params as never[], { ...options, prepare: true });
      }
      if (property === "begin") {
        return (...args: unknown[]) =>
          (target.begin as (...a: unknown[]) => unknown)(
            ...args.map((arg) => (typeof arg === "function" ? (tx: Sql) => (arg as (t: Sql) => unknown)(preparingEveryStatement(tx)) : arg)),
          );
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

async function migratePostgresLocked(databaseUrl: string): Promise<void> {
  // One connection, so the session-level advisory lock covers every statement of the migrator.
  const client = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(client, { casing }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The rows of `db.execute()`, whose result shape differs between the two drivers. */
export async function queryRows<T extends Record<string, unknown>>(
  executor: Executor,
  query: SQL,
): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
