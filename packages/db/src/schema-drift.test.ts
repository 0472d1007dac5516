import { readFile, readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import * as drizzleKit from "drizzle-kit/api";
import { migrationsFolder } from "./migrations-folder";
import * as schema from "./schema";

// drizzle-kit's declarations reference zod 3 types that do not resolve beside zod 4: restate the
// two signatures used here.
const generateDrizzleJson = drizzleKit.generateDrizzleJson as (
  imports: Record<string, unknown>,
  prevId?: string,
  schemaFilters?: string[],
  casing?: "snake_case",
) => unknown;
const generateMigration = drizzleKit.generateMigration as (prev: unknown, cur: unknown) => Promise<string[]>;

describe("committed migrations", () => {
  it("agree with the drizzle schema (run `npm run db:generate` when this fails)", async () => {
    const snapshots = (await readdir(`${migrationsFolder}/meta`)).filter((name) => name.endsWith("_snapshot.json"));
    const latest = snapshots.sort().at(-1);
    expect(latest).toBeDefined();
    const committed = JSON.parse(await readFile(`${migrationsFolder}/meta/${latest}`, "utf8")) as { id: string };
    const current = generateDrizzleJson(schema, committed.id, undefined, "snake_case");
    expect(await generateMigration(committed, current)).toEqual([]);
  });
});
