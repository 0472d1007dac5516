/* npm run bench:seed -- --cases 100000 [--seed 2026]: a fresh bench database filled with generated data. */
import { SingleBar, Presets } from "cli-progress";
import postgres from "postgres";
import { createDb, sql } from "@lentera/db";
import { generateDataset } from "./generate";
import { benchKeyring } from "./keys";
import { assertBenchDatabase, benchOptions } from "./options";

const options = benchOptions();
assertBenchDatabase(options.databaseUrl, options.force);

// Start from an empty database so runs are comparable.
const maintenance = new URL(options.databaseUrl);
const name = maintenance.pathname.slice(1);
maintenance.pathname = "/postgres";
const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => undefined });
await admin.unsafe(`drop database if exists "${name}" with (force)`);
await admin.unsafe(`create database "${name}"`);
await admin.end();

const handle = await createDb({ databaseUrl: options.databaseUrl, maxConnections: 4 });
await handle.migrate();

const bar = new SingleBar(
  { format: "cases {bar} {value}/{total} | {rowsPerSecond} rows/s | {eta_formatted} left", hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
  Presets.shades_classic,
);
const started = Date.now();
bar.start(options.cases, 0, { rowsPerSecond: 0 });
const summary = await generateDataset(handle.db, {
  cases: options.cases,
  seed: options.seed,
  keyring: benchKeyring(options.seed),
  onProgress: ({ cases, rows }) => bar.update(cases, { rowsPerSecond: Math.round(rows / ((Date.now() - started) / 1000)) }),
});
bar.stop();
// Fresh statistics and no dead rows, so the first benchmark run plans and reads like a settled
// database: signing notes after their screenings (an UPDATE) leaves a dead row version per note,
// and their entries in session_notes_unsigned_idx made the supervisors' stale-draft count read
// 22,000 heap pages at 100,000 cases where it reads a few hundred once vacuumed (autovacuum may be
// off on a bench machine, or not yet have run).
await handle.db.execute(sql`vacuum analyze`);
await handle.close();
const seconds = (Date.now() - started) / 1000;
console.log(
  `${summary.cases} cases, ${summary.users} users, ${summary.teams} teams, ${summary.agencies} agencies: ${summary.rows} rows in ${seconds.toFixed(1)} s (${Math.round(summary.rows / seconds)} rows/s) into ${name}`,
);
console.log(
  `of which ${summary.sessionNotes} session notes, ${summary.screeningResults} screening results, ${summary.riskFlags} risk flags, ${summary.addenda} addenda`,
);
console.log(
  `and ${summary.milestones} milestones with ${summary.milestoneEvents} events (verification required in ${summary.verifyingAgencies} of ${summary.agencies} agencies), ${summary.followUpOutcomes} follow-up outcomes`,
);

