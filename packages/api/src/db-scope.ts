import { sql, type Database, type Executor } from "@lentera/db";

/**
 * The database role every authenticated request runs as (migration 0015): row privileges without
 * DDL, an append-only audit trail, and row-level security keyed on the settings below.
 */
export const APP_ROLE = "lentera_app";

/** Whose request this is: the row-level security policies read these (README "Defense in depth in Postgres"). */
export interface DbScope {
  agencyId: string;
  userId: string;
  /** The request's clock, so a break-glass grant ends in the database when it ends in the API. */
  now: Date;
}

/** Writes to make again after the request's transaction rolled back (see keepDespiteRefusal). */
const keptWrites = new WeakMap<Executor, ((db: Executor) => Promise<void>)[]>();

/** Thrown to make drizzle roll the transaction back; carries the value to return. */
class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super("rolled back");
  }
}

/**
 * Runs `run` in one transaction as lentera_app with the request's scope set, handing it the
 * transaction as its database (the procedures' own `transaction()` calls become savepoints).
 * When `commit(value)` says no (a tRPC result that is an error), everything is rolled back and the
 * value is still returned; writes registered with keepDespiteRefusal are then made again in a
 * transaction of their own.
 */
export async function inDbScope<T>(
  db: Database,
  scope: DbScope,
  run: (db: Database) => Promise<T>,
  commit: (value: T) => boolean = () => true,
): Promise<T> {
  let kept: ((db: Executor) => Promise<void>)[] = [];
  try {
    return await db.transaction(async (tx) => {
      await enterScope(tx, scope);
      kept = [];
      keptWrites.set(tx, kept);
      const value = await run(tx);
      if (!commit(value)) throw new RolledBack(value);
      return value;
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    if (kept.length > 0) {
      await db.transaction(async (tx) => {
        await enterScope(tx, scope);
        for (const write of kept) await write(tx);
      });
    }
    return error.value as T;
  }
}

/** One round trip: SET LOCAL ROLE and the three settings, all ending with the transaction. */
async function enterScope(tx: Executor, scope: DbScope): Promise<void> {
  await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.agency_id', ${scope.agencyId}, true),
    set_config('app.user_id', ${scope.userId}, true), set_config('app.now', ${scope.now.toISOString()}, true)`);
}

/**
 * A write that must outlive the refusal that follows it (an audit event of a refused attempt, an
 * attempt counter): made now, and made again if the request's transaction is rolled back. Pass the
 * request's own `ctx.db`, not a savepoint.
 */
export async function keepDespiteRefusal(db: Executor, write: (db: Executor) => Promise<void>): Promise<void> {
  await write(db);
  keptWrites.get(db)?.push(write);
}
