/*
 * Anonymizes every case closed longer ago than its agency's retention months (`npm run
 * retention:anonymize`; `--dry-run` lists the case numbers only). One transaction per case; a case
 * that fails stays whole and is named. Rerunning does nothing more. Prints case numbers and counts,
 * never a name.
 */
import { parseArgs } from "node:util";
import { cliRunContext, dueRetentionCases, runRetention } from "@lentera/api";
import { openDatabase } from "./database";
import { readEnv } from "./env";
import { loadKeyring } from "./keys";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });
const env = readEnv();
const keyring = await loadKeyring(env);
const db = await openDatabase(env);
await db.migrate();

function byAgency<T extends { agencyId: string }>(entries: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const entry of entries) map.set(entry.agencyId, [...(map.get(entry.agencyId) ?? []), entry]);
  return map;
}

try {
  if (values["dry-run"]) {
    const due = await dueRetentionCases(db.db, new Date());
    for (const [agencyId, entries] of byAgency(due)) {
      console.log(`agency ${agencyId}: ${entries.length} case(s) due`);
      for (const entry of entries) console.log(`  ${entry.caseNumber}`);
    }
    console.log(due.length === 0 ? "nothing due" : `${due.length} case(s) would be anonymized (dry run: nothing changed)`);
  } else {
    const { anonymized, failed } = await runRetention(db.db, keyring, cliRunContext(), { userId: null, agencyId: null });
    for (const [agencyId, entries] of byAgency(anonymized)) console.log(`agency ${agencyId}: ${entries.length} case(s) anonymized`);
    for (const entry of failed) console.log(`  ${entry.caseNumber} failed and was left as it was (agency ${entry.agencyId})`);
    console.log(`${anonymized.length} case(s) anonymized${failed.length > 0 ? `, ${failed.length} failed: run again` : ""}`);
    process.exitCode = failed.length > 0 ? 2 : 0;
  }
} finally {
  await db.close();
}
