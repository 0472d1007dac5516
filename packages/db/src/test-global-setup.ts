/* With TEST_DATABASE_URL, migrate the real Postgres once before the test files run. */
import { createDb } from "./client";

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const handle = await createDb({ databaseUrl: url, maxConnections: 1 });
  await handle.migrate();
  await handle.close();
}
