import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { DbHandle } from "./client";
import { auditEvents } from "./schema";
import { createTestDb } from "./testing";
import { migrationsApplied } from "./migrate";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

describe("audit_events", () => {
  it("accepts new events and refuses UPDATE, DELETE and TRUNCATE", async () => {
    const [event] = await handle.db
      .insert(auditEvents)
      .values({ action: "test.append", entityType: "test" })
      .returning({ id: auditEvents.id });
    if (!event) throw new Error("insert returned nothing");

    await expect(
      handle.db.update(auditEvents).set({ action: "tampered" }).where(eq(auditEvents.id, event.id)),
    ).rejects.toThrow();
    await expect(handle.db.delete(auditEvents).where(eq(auditEvents.id, event.id))).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate audit_events`)).rejects.toThrow();

    const [still] = await handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.id, event.id));
    expect(still?.action).toBe("test.append");
  });

  it("reports the migrations as applied", async () => {
    expect(await migrationsApplied(handle)).toBe(true);
  });
});
