/*
 * Re-seals every sealed value under the active key (`npm run keys:rotate`), while the app runs.
 *
 * 1. Add the new key to LENTERA_ENCRYPTION_KEYS (keep the old one listed) and make it active
 *    (LENTERA_ENCRYPTION_ACTIVE_KEY, or list it last); restart the app servers: they now seal with
 *    the new key and read both.
 * 2. Run this with the same keys and a DATABASE_URL of the tables' owner (the role that migrates;
 *    the application's role may not re-seal signed notes or the evidence log).
 * 3. When it prints "nothing left", the old key may be removed from the list.
 *
 * Options: --batch-size N (default 200), --max-batches N (stop early; a rerun continues).
 * Prints counts per column only: never a value.
 */
import { parseArgs } from "node:util";
import { countToRotate, rotateKeys } from "@lentera/api";
import { openDatabase } from "./database";
import { readEnv } from "./env";
import { loadKeyring } from "./keys";

const { values } = parseArgs({ options: { "batch-size": { type: "string" }, "max-batches": { type: "string" } } });
const positive = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a whole number above 0`);
  return number;
};
const batchSize = positive(values["batch-size"], "batch-size") ?? 200;
const maxBatches = positive(values["max-batches"], "max-batches");

const env = readEnv();
const keyring = await loadKeyring(env);
const db = await openDatabase(env);
await db.migrate();
try {
  const before = await countToRotate(db.db, keyring);
  const total = before.reduce((sum, entry) => sum + entry.count, 0);
  console.log(`active key "${keyring.activeKeyId}": ${total} value(s) under another key`);
  if (total === 0) {
    console.log("nothing left");
  } else {
    const started = Date.now();
    const results = await rotateKeys(db.db, keyring, {
      batchSize,
      ...(maxBatches === undefined ? {} : { maxBatches }),
      onProgress: (progress) => console.log(`  ${progress.table}.${progress.column}: ${progress.resealed} re-sealed, ${progress.skipped} changed meanwhile`),
    });
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    let left = 0;
    let failed = 0;
    for (const entry of results) {
      left += entry.remaining;
      failed += entry.failed.length;
      if (entry.resealed + entry.skipped + entry.failed.length + entry.remaining === 0) continue;
      console.log(`${entry.table}.${entry.column}: ${entry.resealed} re-sealed, ${entry.remaining} left`);
      for (const failure of entry.failed) console.log(`  row ${failure.id} did not open: ${failure.reason}`);
    }
    const resealed = results.reduce((sum, entry) => sum + entry.resealed, 0);
    console.log(`${resealed} value(s) re-sealed in ${seconds.toFixed(1)} s (${Math.round(resealed / seconds)}/s)`);
    console.log(left === 0 ? "nothing left" : `${left} value(s) left: run again${failed > 0 ? " (restore the keys named above first)" : ""}`);
    process.exitCode = left === 0 ? 0 : 2;
  }
} finally {
  await db.close();
}
