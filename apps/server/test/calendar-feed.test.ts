import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@lentera/api";
import { testKeyring } from "@lentera/api/testing";
import type { DbHandle } from "@lentera/db";
import { createTestDb, makeAgency, makeUser } from "@lentera/db/testing";
import { parseEnv } from "../src/env";
import { captureLogs } from "./log-capture";
import { createServer, type LenteraServer } from "../src/server";

const { logStream, logLines } = captureLogs();

let db: DbHandle;
let server: LenteraServer;
let cookie = "";
const PASSWORD = "a passphrase for the feed test";

const mutation = (path: string) =>
  server.app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    payload: JSON.stringify({}),
    headers: { "content-type": "application/json", "x-lentera-csrf": "1", cookie },
  });

beforeAll(async () => {
  db = await createTestDb();
  const agency = await makeAgency(db.db);
  const counselor = await makeUser(db.db, { agencyId: agency.id, roles: ["counselor"], passwordHash: await hashPassword(PASSWORD) });
  const env = parseEnv({ NODE_ENV: "test", LENTERA_SEED_DEMO: "false", LOG_LEVEL: "info", LENTERA_WEB_DIST: "/nonexistent" });
  server = await createServer({ env, db, logStream, keyring: testKeyring });
  await server.app.ready();
  const signIn = await server.app.inject({
    method: "POST",
    url: "/trpc/auth.signIn",
    payload: JSON.stringify({ json: { email: counselor.email, password: PASSWORD } }),
    headers: { "content-type": "application/json", "x-lentera-csrf": "1" },
  });
  cookie = String(signIn.headers["set-cookie"]).split(";")[0] ?? "";
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe("GET /calendar/:token.ics", () => {
  it("serves the feed as text/calendar, 404 once revoked or unknown, and never logs the token", async () => {
    const created = await mutation("appointments.feed.create");
    expect(created.statusCode).toBe(200);
    const { token, path } = created.json<{ result: { data: { json: { token: string; path: string } } } }>().result.data.json;

    const feed = await server.app.inject(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    expect(feed.body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);

    expect((await server.app.inject("/calendar/not-a-real-token-at-all-000.ics")).statusCode).toBe(404);
    expect((await server.app.inject(`/calendar/${token}`)).statusCode).toBe(404);
    expect((await mutation("appointments.feed.revoke")).statusCode).toBe(200);
    expect((await server.app.inject(path)).statusCode).toBe(404);

    const log = logLines.join("");
    expect(log).toContain("/calendar/[redacted]");
    expect(log).not.toContain(token);
  });
});
