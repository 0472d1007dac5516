import { DomainError, type TimeSpan } from "@lentera/domain";
import { queryRows, sql, type Transaction } from "@lentera/db";
import { isExclusionViolation } from "../errors";

export interface Clash {
  /** The time asked for. */
  occurrence: { startsAt: string; endsAt: string };
  /** The scheduled appointment of the same staff member already holding that time. */
  existing: { startsAt: string; endsAt: string };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The scheduled appointments of one staff member that overlap any of `spans` (half-open, as the
 * exclusion constraint sees them), leaving out `excludeIds` (the rows being moved).
 */
export async function findClashes(tx: Transaction, staffUserId: string, spans: readonly TimeSpan[], excludeIds: readonly string[]): Promise<Clash[]> {
  if (spans.length === 0) return [];
  const wanted = sql.join(
    spans.map((span, n) => sql`(${n}::int, ${span.startsAt.toISOString()}::timestamptz, ${span.endsAt.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const excluded = excludeIds.length
    ? sql`and a.id not in (${sql.join(excludeIds.map((id) => sql`${id}::uuid`), sql`, `)})`
    : sql``;
  const rows = await queryRows<{ n: number; starts_ms: number; ends_ms: number }>(tx, sql`
    select o.n, (extract(epoch from a.starts_at) * 1000)::float8 as starts_ms, (extract(epoch from a.ends_at) * 1000)::float8 as ends_ms
    from (values ${wanted}) as o(n, s, e)
    join appointments a on a.staff_user_id = ${staffUserId}::uuid and a.status = 'scheduled'
      and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(o.s, o.e, '[)')
    where true ${excluded}
    order by o.n, a.starts_at`);
  return rows.flatMap((row) => {
    const span = spans[Number(row.n)];
    if (!span) return [];
    return [{
      occurrence: { startsAt: span.startsAt.toISOString(), endsAt: span.endsAt.toISOString() },
      existing: { startsAt: iso(Number(row.starts_ms)), endsAt: iso(Number(row.ends_ms)) },
    }];
  });
}

/** CONFLICT naming every clash; `startsAt`/`endsAt` are the first clashing appointment's time. */
export function clashError(clashes: readonly Clash[]): DomainError {
  const first = clashes[0];
  return new DomainError("conflict", "appointment_clash", {
    ...(first ? { startsAt: first.existing.startsAt, endsAt: first.existing.endsAt } : {}),
    clashes,
  });
}

export interface Claim {
  staffUserId: string;
  spans: readonly TimeSpan[];
  /** Appointments that give up their time in the same change (the one being moved). */
  excludeIds?: readonly string[];
}

/**
 * Runs a write that claims staff time inside a savepoint. The exclusion constraint is the guard:
 * when it refuses (23P01, also when another request won a race), the savepoint is rolled back so
 * the transaction stays usable, the clashing appointments are read, and CONFLICT names them.
 */
export async function claimTime<T>(tx: Transaction, claims: readonly Claim[], write: (savepoint: Transaction) => Promise<T>): Promise<T> {
  try {
    return await tx.transaction(write);
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    throw clashError(await collectClashes(tx, claims));
  }
}

/** Refuses before writing anything when any of the claims clashes, naming every clash. */
export async function refuseClashes(tx: Transaction, claims: readonly Claim[]): Promise<void> {
  const clashes = await collectClashes(tx, claims);
  if (clashes.length > 0) throw clashError(clashes);
}

async function collectClashes(tx: Transaction, claims: readonly Claim[]): Promise<Clash[]> {
  const clashes: Clash[] = [];
  for (const claim of claims) clashes.push(...(await findClashes(tx, claim.staffUserId, claim.spans, claim.excludeIds ?? [])));
  return clashes;
}
