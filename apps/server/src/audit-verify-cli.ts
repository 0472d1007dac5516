/*
 * Verifies the tamper-evident audit chain (README "Tamper-evident audit"): per agency the events
 * checked, the head hash to write down outside the database, and the first broken link. Exit 1 when
 * a chain is broken. Run it with the owner's database URL: the application's role reads only the
 * events of the agency its request is scoped to.
 */
import { agencies, verifyAuditChains, type ChainReport } from "@lentera/db";
import { openDatabase } from "./database";
import { readEnv } from "./env";

const PROBLEMS: Record<NonNullable<ChainReport["broken"]>["problem"], string> = {
  content_changed: "content changed (the event no longer gives its hash)",
  link_broken: "link broken (prev_hash is not the previous event's hash)",
  seq_gap: "sequence gap (an event was deleted, inserted or moved)",
  missing_hash: "missing hash (an event written outside the chain)",
  head_mismatch: "head mismatch (events removed from the end, or the head moved)",
};

const db = await openDatabase(readEnv());
try {
  const names = new Map((await db.db.select({ id: agencies.id, name: agencies.name }).from(agencies)).map((row) => [row.id, row.name]));
  const started = performance.now();
  let broken = 0;
  let checked = 0;
  console.log(`audit chain verification (${db.driver})`);
  await verifyAuditChains(db.db, {
    onChain(report) {
      checked += report.checked;
      const who = report.agencyId ? `agency ${report.agencyId} (${names.get(report.agencyId) ?? "not in the agencies table"})` : "events with no agency";
      const head = report.headHash ? `head #${report.headSeq} ${report.headHash}` : "no events";
      console.log(`${who}: ${report.checked} events checked, ${head}`);
      if (report.broken) {
        broken += 1;
        const { problem, seq, eventId, expected, found } = report.broken;
        const where = `${seq === null ? "no place in the chain" : `#${seq}`}, event ${eventId ?? "none"}`;
        console.log(`  BROKEN at ${where}: ${PROBLEMS[problem]}${expected !== null || found !== null ? ` — expected ${expected ?? "null"}, found ${found ?? "null"}` : ""}`);
      } else {
        console.log("  intact");
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${checked} events checked in ${seconds.toFixed(1)} s (${Math.round(checked / Math.max(seconds, 0.001))} events/s); ${broken === 0 ? "every chain intact" : `${broken} broken chain(s)`}`);
  process.exitCode = broken === 0 ? 0 : 1;
} finally {
  await db.close();
}
