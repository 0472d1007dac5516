/**
 * Production's connection: the server connects as a login role that is a member of lentera_app
 * and owns nothing, and migrates and seeds with the owner's DATABASE_MIGRATION_URL. Postgres only
 * (PGlite has one user).
 */
import { randomUUID } from "node:crypto";
import { testKeyring } from "@lentera/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { DEMO_PASSWORD, queryRows, sql } from "@lentera/db";
import { testDatabaseUrl } from "@lentera/db/testing";
import { parseEnv } from "../src/env";
import { createServer, type LenteraServer } from "../src/server";

const ownerUrl = testDatabaseUrl();

describe.skipIf(!ownerUrl)("the server as a login role in lentera_app", () => {
  const suffix = randomUUID().slice(0, 8);
  const role = `lentera_server_${suffix}`;
  const database = `lentera_login_${suffix}`;
  let admin: ReturnType<typeof postgres>;
  let server: LenteraServer;
  const urlFor = (user: string) => {
    const url = new URL(ownerUrl ?? "");
    url.username = user;
    url.pathname = `/${database}`;
    return url.toString();
  };

  beforeAll(async () => {
    admin = postgres(ownerUrl ?? "", { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${database}`);
    // lentera_app exists once any database of the cluster is migrated (the global setup did).
    await admin.unsafe(`create role ${role} login password '${randomUUID()}' in role lentera_app`);
    const ownerName = new URL(ownerUrl ?? "").username || "postgres";
    const env = parseEnv({
      NODE_ENV: "test",
      LENTERA_SEED_DEMO: "true",
      LOG_LEVEL: "silent",
      LENTERA_WEB_DIST: "/nonexistent",
      DATABASE_URL: urlFor(role),
      DATABASE_MIGRATION_URL: urlFor(ownerName),
      DATABASE_POOL_SIZE: "2",
    });
    server = await createServer({ env, keyring: testKeyring });
    await server.app.ready();
  }, 180_000);
  afterAll(async () => {
    await server.stop();
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.unsafe(`drop role if exists ${role}`);
    await admin.end({ timeout: 5 });
  });

  it("migrated and seeded with the owner, demo cases written through the API as the login role", async () => {
    const owner = postgres(urlFor(new URL(ownerUrl ?? "").username || "postgres"), { max: 1, onnotice: () => undefined });
    try {
      const [counts] = await owner<{ cases: number; events: number }[]>`select (select count(*)::int from cases) as cases,
        (select count(*)::int from audit_events where case_id is not null) as events`;
      expect(counts?.cases).toBeGreaterThanOrEqual(2);
      expect(counts?.events).toBeGreaterThan(0);
    } finally {
      await owner.end({ timeout: 5 });
    }
    const ready = await server.app.inject("/readyz");
    expect(ready.json()).toEqual({ status: "ready" });
  });

  it("signs a demo user in over HTTP and names their team, which row-level security keeps behind the user's scope", async () => {
    const signIn = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { "content-type": "application/json", "x-lentera-csrf": "1" },
      payload: { json: { email: "social.worker@example.org", password: DEMO_PASSWORD } },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = String(signIn.headers["set-cookie"]).split(";")[0] ?? "";
    const me = await server.app.inject({ url: "/trpc/auth.me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const { teams } = me.json<{ result: { data: { json: { teams: { name: string }[] } } } }>().result.data.json;
    expect(teams.map((team) => team.name)).toEqual(["Tim Mawar"]);
  });

  it("serves on a connection that cannot change the schema or the audit trail, and sees no case outside a request", async () => {
    const [row] = await queryRows<{ role: string; cases: number }>(server.db.db, sql`select current_user as role, (select count(*)::int from cases) as cases`);
    expect(row).toEqual({ role, cases: 0 });
    await expect(server.db.db.execute(sql`create table probe_login (id int)`)).rejects.toThrow();
    await expect(server.db.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });
});
