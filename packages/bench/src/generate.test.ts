import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseCareTeam, cases, clients, count, createDb, queryRows, sql, type DbHandle } from "@lentera/db";
import { generateDataset } from "./generate";
import { benchKeyring } from "./keys";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb();
  await handle.migrate();
});
afterAll(() => handle.close());

describe("generateDataset", () => {
  it("fills every table with cases whose identity is encrypted, reproducibly from the seed", async () => {
    const summary = await generateDataset(handle.db, { cases: 300, seed: 7, keyring: benchKeyring(7), casesPerAgency: 200, now: new Date("2026-11-01T00:00:00Z") });
    expect(summary).toMatchObject({ agencies: 2, cases: 300, teams: 10 });
    const [caseCount] = await handle.db.select({ n: count() }).from(cases);
    expect(caseCount?.n).toBe(300);
    const [careCount] = await handle.db.select({ n: count() }).from(caseCareTeam);
    expect(careCount?.n).toBeGreaterThanOrEqual(300);
    const [sample] = await handle.db.select({ identity: clients.identityCiphertext, alias: clients.alias }).from(clients).orderBy(clients.id).limit(1);
    expect(sample?.identity).toMatch(/^v1\.bench\./);

    // The same seed gives the same people.
    const again = await createDb();
    await again.migrate();
    await generateDataset(again.db, { cases: 300, seed: 7, keyring: benchKeyring(7), casesPerAgency: 200, now: new Date("2026-11-01T00:00:00Z") });
    const [sameSample] = await again.db.select({ alias: clients.alias }).from(clients).orderBy(clients.id).limit(1);
    expect(sameSample?.alias).toBe(sample?.alias);
    const [numbers] = await queryRows<{ n: number }>(again.db, sql`select count(distinct case_number)::int as n from cases`);
    expect(numbers?.n).toBe(300);
    await again.close();
  });
});
