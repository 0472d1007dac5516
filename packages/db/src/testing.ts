/**
 * Test helpers: a real, migrated database per test file and factories that make unique rows,
 * so tests never need a global reset.
 */
import { randomUUID } from "node:crypto";
import type { Role } from "@lentera/domain";
import { createDb, type Database, type DbHandle } from "./client";
import { agencies, teamMemberships, teams, users } from "./schema";

/**
 * A fresh in-memory PGlite, migrated; or, when TEST_DATABASE_URL is set, the real Postgres
 * (migrated once by the test run's global setup).
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const handle = await createDb({ databaseUrl: url, maxConnections: 5 });
  if (!url) await handle.migrate();
  return handle;
}

/** The real Postgres of this test run (TEST_DATABASE_URL, set by CI's Postgres step), if any. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

const unique = () => randomUUID().slice(0, 8);

/** A stand-in hash for users whose password a test never types. */
export const UNUSABLE_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$unusable$unusable";

export async function makeAgency(db: Database, overrides: Partial<typeof agencies.$inferInsert> = {}) {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
  const [agency] = await db
    .insert(agencies)
    .values({ name: `Agency ${unique()}`, country: "ID", caseNumberPrefix: letters, ...overrides })
    .returning();
  if (!agency) throw new Error("agency not created");
  return agency;
}

export async function makeTeam(db: Database, agencyId: string, name = `Team ${unique()}`) {
  const [team] = await db.insert(teams).values({ agencyId, name }).returning();
  if (!team) throw new Error("team not created");
  return team;
}

export async function makeUser(
  db: Database,
  input: { agencyId: string; roles: Role[]; teamIds?: string[]; passwordHash?: string; email?: string },
) {
  const [user] = await db
    .insert(users)
    .values({
      agencyId: input.agencyId,
      email: input.email ?? `user-${unique()}@example.org`,
      displayName: `User ${unique()}`,
      passwordHash: input.passwordHash ?? UNUSABLE_PASSWORD_HASH,
      roles: input.roles,
    })
    .returning();
  if (!user) throw new Error("user not created");
  for (const teamId of input.teamIds ?? []) {
    await db.insert(teamMemberships).values({ teamId, userId: user.id });
  }
  return user;
}
