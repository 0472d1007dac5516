import { readFile, readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { migrationsFolder } from "./migrations-folder";
import * as schema from "./schema";

describe("committed migrations", () => {
  it("agree with the drizzle schema (run `npm run db:generate` when this fails)", async () => {
    const snapshots = (await readdir(`${migrationsFolder}/meta`)).filter((name) =>
      name.endsWith("_snapshot.json"),
    );
    const latest = snapshots.sort().at(-1);
    expect(latest).toBeDefined();
    const committed = JSON.parse(await readFile(`${migrationsFolder}/meta/${latest}`, "utf8"));
    const current = generateDrizzleJson(schema, committed.id, undefined, "snake_case");
    const pending = await generateMigration(committed, current);
    expect(pending).toEqual([]);
  });
});
