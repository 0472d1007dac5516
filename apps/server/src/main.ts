import { DEMO_PASSWORD, DEMO_USERS } from "@lentera/db";
import { readEnv } from "./env";
import { createServer } from "./server";

const env = readEnv();
const server = await createServer({ env });
const address = await server.start();

const url = address.replace("127.0.0.1", "localhost");
console.log(`\nLentera is running at ${url} (database: ${server.db.driver})`);
if (env.LENTERA_SEED_DEMO) {
  console.log(`Demo sign-in (password "${DEMO_PASSWORD}"):`);
  for (const user of DEMO_USERS) console.log(`  ${user.roles.join(", ").padEnd(14)} ${user.email}`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  server.app.log.info({ signal }, "shutting down");
  // Stop taking requests, let those in flight finish, then close the database.
  const forced = setTimeout(() => process.exit(1), 10_000);
  forced.unref();
  await server.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
