/* Applies the migrations to DATABASE_URL (or the embedded database under .data/). */
import { createDb } from "./client";
import { defaultDataDir } from "./data-dir";

const handle = await createDb({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.LENTERA_DATA_DIR ?? defaultDataDir,
});
await handle.migrate();
await handle.close();
console.log(`migrations applied (${handle.driver})`);
