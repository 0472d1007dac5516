import { hashPassword } from "@lentera/api";
import { DEMO_PASSWORD, seedDemoData, type DbHandle } from "@lentera/db";

/** Seeds the demo agency when the database holds no agency yet. */
export async function seedDemoIfEmpty(db: DbHandle): Promise<boolean> {
  return seedDemoData(db.db, await hashPassword(DEMO_PASSWORD));
}
