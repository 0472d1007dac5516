/**
 * Key rotation: re-seals every sealed value whose key id is not the active key, column by column, in
 * small batches (each its own transaction) with a compare-and-swap, so the running app is never
 * overwritten and never stopped. The old key stays listed in LENTERA_ENCRYPTION_KEYS meanwhile, so
 * the app reads both. Resumable without state: a rerun finds what is left by its key id.
 *
 * Nothing decrypted is ever logged or returned: progress is counts, table and column names.
 */
import { randomUUID } from "node:crypto";
import { queryRows, sql, type Database, type SQL } from "@lentera/db";
import { decryptJson, encryptJson, FieldCryptoError, type Keyring } from "./field-crypto";
import { recordAudit } from "../audit";

/**
 * Every sealed column, with the id it is bound to (the additional data of AES-GCM). A new sealed
 * column must be added here (field-crypto's users: encryptJson/sealText/seal* in the API).
 */
export const SEALED_COLUMNS = [
  { table: "clients", column: "identity_ciphertext" },
  { table: "session_notes", column: "body" },
  { table: "session_note_addenda", column: "body" },
  { table: "screening_results", column: "answers" },
  { table: "referrals", column: "shared" },
  { table: "harm_items", column: "locator_ciphertext" },
  { table: "evidence_entries", column: "description_ciphertext" },
  { table: "legal_processes", column: "police_report_number_ciphertext" },
  { table: "users", column: "totp_secret" },
] as const;

export interface RotationProgress {
  table: string;
  column: string;
  resealed: number;
  /** Changed by someone else between our read and our write: their value stands (rerun to check it). */
  skipped: number;
  /** Values that did not open (a key missing from the keyring, a damaged value): row ids only. */
  failed: { id: string; reason: string }[];
  /** Values still under another key after this run (0: done). */
  remaining: number;
}

export interface RotationOptions {
  /** Only these agencies' rows (every sealed table carries agency_id); all when absent. */
  agencyIds?: readonly string[];
  batchSize?: number;
  /** Stop after this many batches in all (an interrupted run, for tests and cautious operators). */
  maxBatches?: number;
  /** Called after each batch with the column's running totals. */
  onProgress?: (progress: RotationProgress) => void;
  clock?: () => Date;
  /** Called between reading a batch and writing it (tests use it to write concurrently). */
  afterRead?: (table: string, ids: string[]) => Promise<void>;
}

function notActive(column: string, activeKeyId: string, agencyIds: readonly string[] | undefined): SQL {
  const col = sql.raw(`"${column}"`);
  // Only Lentera ciphertexts: "erased" (anonymized) and nulls are left alone.
  const stale = sql`${col} like 'v1.%' and split_part(${col}, '.', 2) <> ${activeKeyId}`;
  if (!agencyIds) return stale;
  return sql`${stale} and agency_id in (${sql.join(agencyIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
}

export async function countToRotate(
  db: Database,
  keyring: Keyring,
  options: Pick<RotationOptions, "agencyIds"> = {},
): Promise<{ table: string; column: string; count: number }[]> {
  const counts = [];
  for (const { table, column } of SEALED_COLUMNS) {
    const [row] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from ${sql.raw(`"${table}"`)} where ${notActive(column, keyring.activeKeyId, options.agencyIds)}`,
    );
    counts.push({ table, column, count: Number(row?.count ?? 0) });
  }
  return counts;
}

/** Re-seals everything not under the active key; returns per-column totals. */
export async function rotateKeys(db: Database, keyring: Keyring, options: RotationOptions = {}): Promise<RotationProgress[]> {
  const batchSize = options.batchSize ?? 200;
  const clock = options.clock ?? (() => new Date());
  // One request id for the run: its audit events read as one operation.
  const requestId = `keys-rotate-${randomUUID()}`;
  let batchesLeft = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const results: RotationProgress[] = [];
  for (const { table, column } of SEALED_COLUMNS) {
    const progress: RotationProgress = { table, column, resealed: 0, skipped: 0, failed: [], remaining: 0 };
    const tbl = sql.raw(`"${table}"`);
    const col = sql.raw(`"${column}"`);
    // Keyset pagination by id: each row is visited once per run, even one rewritten meanwhile.
    let after = "00000000-0000-0000-0000-000000000000";
    while (batchesLeft > 0) {
      const rows = await queryRows<{ id: string; sealed: string }>(
        db,
        sql`select id::text as id, ${col} as sealed from ${tbl}
          where id > ${after}::uuid and ${notActive(column, keyring.activeKeyId, options.agencyIds)} order by id limit ${batchSize}`,
      );
      if (rows.length === 0) break;
      batchesLeft -= 1;
      after = rows[rows.length - 1]?.id ?? after;
      await options.afterRead?.(table, rows.map((row) => row.id));
      await db.transaction(async (tx) => {
        // Lets the immutability triggers of signed notes and the evidence log pass exactly a
        // re-sealing under another key id, and only for the tables' owner (migration 0016).
        await tx.execute(sql`select set_config('lentera.sealed_rewrite', 'rotate', true)`);
        const swaps: SQL[] = [];
        for (const row of rows) {
          try {
            const fresh = encryptJson(keyring, decryptJson(keyring, row.sealed, row.id), row.id);
            swaps.push(sql`(${row.id}::uuid, ${row.sealed}, ${fresh})`);
          } catch (error) {
            // FieldCryptoError names a key id at most, never a value.
            progress.failed.push({ id: row.id, reason: error instanceof FieldCryptoError ? error.message : "failed" });
          }
        }
        // One statement per batch, compare-and-swap per row: a value changed since we read it stays.
        const updated =
          swaps.length === 0
            ? []
            : await queryRows<{ id: string }>(
                tx,
                sql`update ${tbl} t set ${col} = v.fresh from (values ${sql.join(swaps, sql`, `)}) as v(id, old, fresh)
                  where t.id = v.id and t.${col} = v.old returning t.id`,
              );
        const resealed = updated.length;
        progress.skipped += swaps.length - resealed;
        if (resealed > 0) {
          await recordAudit(tx, { requestId, ip: null, clock }, { userId: null, agencyId: null }, {
            action: "keys.resealed",
            entityType: "sealed_column",
            details: { table, column, count: resealed, keyId: keyring.activeKeyId },
          });
        }
        progress.resealed += resealed;
      });
      options.onProgress?.({ ...progress, failed: [...progress.failed] });
    }
    const [left] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from ${tbl} where ${notActive(column, keyring.activeKeyId, options.agencyIds)}`,
    );
    progress.remaining = Number(left?.count ?? 0);
    results.push(progress);
  }
  return results;
}
