/* Seeds the demo agency into the configured database when it is empty (never in production). */
import { asSchemaOwner, openDatabase } from "./database";
import { readEnv } from "./env";
import { seedDemoIfEmpty } from "./seed";

const env = readEnv();
if (!env.LENTERA_SEED_DEMO) {
  console.error("Demo data is never seeded when NODE_ENV=production.");
  process.exit(1);
}
const db = await openDatabase(env);
await db.migrate();
console.log((await asSchemaOwner(env, db, seedDemoIfEmpty)) ? "demo data seeded" : "database not empty: nothing seeded");
await db.close();
