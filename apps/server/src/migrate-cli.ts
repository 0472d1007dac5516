/* Applies the committed migrations to the configured database. */
import { openDatabase } from "./database";
import { readEnv } from "./env";

const db = await openDatabase(readEnv());
await db.migrate();
await db.close();
console.log(`migrations applied (${db.driver})`);
