import { testKeyring } from "@lentera/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@lentera/api";
import type { DbHandle } from "@lentera/db";
import { createTestDb, makeAgency, makeUser } from "@lentera/db/testing";
import { parseEnv } from "../src/env";
import { captureLogs } from "./log-capture";
import { createServer, SESSION_COOKIE, type LenteraServer } from "../src/server";

const { logStream, logLines } = captureLogs();

let db: DbHandle;
let server: LenteraServer;
const PASSWORD = "a passphrase for the server test";
let supervisor: { email: string };

const jsonPost = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({
    method: "POST",
    url,
    payload: JSON.stringify(body),
    headers: { "content-type": "application/json", "x-lentera-csrf": "1", ...headers },
  });

const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
  jsonPost("/trpc/auth.signIn", { json: { email, password } }, headers);

beforeAll(async () => {
  db = await createTestDb();
  // The password-only sign-in of a supervisor (two-factor sign-in is tested in packages/api).
  const agency = await makeAgency(db.db, { requireTwoFactor: false });
  supervisor = await makeUser(db.db, { agencyId: agency.id, roles: ["supervisor"], passwordHash: await hashPassword(PASSWORD) });
  const env = parseEnv({
    NODE_ENV: "test",
    LENTERA_SEED_DEMO: "false",
    LOG_LEVEL: "info",
    SIGN_IN_RATE_LIMIT_PER_MINUTE: "30",
    LENTERA_WEB_DIST: "/nonexistent",
  });
  server = await createServer({ env, db, logStream, keyring: testKeyring });
  await server.app.ready();
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe("health", () => {
  it("answers /healthz and /readyz once migrated", async () => {
    expect((await server.app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await server.app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready" });
  });
});

describe("security headers", () => {
  it("sends a CSP without inline script, no framing, nosniff and no referrer", async () => {
    const response = await server.app.inject("/healthz");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("sign-in over HTTP", () => {
  it("signs a supervisor in with an httpOnly, SameSite session cookie, then me answers", async () => {
    const response = await signIn(supervisor.email, PASSWORD);
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers["set-cookie"]);
    expect(setCookie).toContain(`${SESSION_COOKIE}=`);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).not.toContain("Secure");
    const cookie = setCookie.split(";")[0] ?? "";
    const me = await server.app.inject({ url: "/trpc/auth.me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ result: { data: { json: { email: supervisor.email, roles: ["supervisor"] } } } });
  });

  it("keeps the browser's user agent and address with the session, for the user's list of sessions", async () => {
    const userAgent = "Mozilla/5.0 (Linux; Android 14; SM-A145F) Chrome/131.0 Mobile";
    const response = await signIn(supervisor.email, PASSWORD, { "user-agent": userAgent });
    const cookie = String(response.headers["set-cookie"]).split(";")[0] ?? "";
    const listed = await server.app.inject({ url: "/trpc/auth.sessions.list", headers: { cookie } });
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json<{ result: { data: { json: { current: boolean; userAgent: string | null; ip: string | null }[] } } }>().result.data.json;
    expect(sessions.find((session) => session.current)).toMatchObject({ userAgent, ip: "127.0.0.1" });
    // The QR code of enrolment is shown as a data: image, which the CSP must allow.
    expect(String(listed.headers["content-security-policy"])).toMatch(/img-src 'self' data:/);
  });

  it("marks the cookie Secure when served over https behind a trusted proxy", async () => {
    const proxied = await createServer({
      env: parseEnv({ NODE_ENV: "test", TRUST_PROXY: "true", LOG_LEVEL: "silent", LENTERA_SEED_DEMO: "false" }),
      db,
      keyring: testKeyring,
    });
    const response = await proxied.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      payload: JSON.stringify({ json: { email: supervisor.email, password: PASSWORD } }),
      headers: { "content-type": "application/json", "x-lentera-csrf": "1", "x-forwarded-proto": "https" },
    });
    expect(String(response.headers["set-cookie"])).toContain("Secure");
    await proxied.app.close();
  });

  it("refuses a state-changing request without the CSRF header or from another origin", async () => {
    const noHeader = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      payload: JSON.stringify({ json: { email: supervisor.email, password: PASSWORD } }),
      headers: { "content-type": "application/json" },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.headers["set-cookie"]).toBeUndefined();
    const crossSite = await signIn(supervisor.email, PASSWORD, { origin: "https://evil.example" });
    expect(crossSite.statusCode).toBe(403);
  });

  it("never writes passwords, cookies or query strings to the log", async () => {
    await signIn(supervisor.email, "a-wrong-password-for-the-log-test");
    const response = await signIn(supervisor.email, PASSWORD);
    const cookie = String(response.headers["set-cookie"]).split(";")[0] ?? "";
    await server.app.inject({ url: "/trpc/auth.me?input=secret-query-value", headers: { cookie } });
    const log = logLines.join("");
    expect(log).toContain("request completed");
    expect(log).not.toContain("a-wrong-password-for-the-log-test");
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(cookie.split("=")[1]);
    expect(log).not.toContain("secret-query-value");
  });

  it("refuses a body over the limit", async () => {
    const response = await signIn(supervisor.email, "x".repeat(2 * 1024 * 1024));
    expect(response.statusCode).toBe(413);
  });

  it("limits sign-in attempts per address with a translatable tRPC error", async () => {
    let last = await signIn("nobody@example.org", "wrong", { "x-forwarded-for": "10.9.9.9" });
    for (let attempt = 0; attempt < 40 && last.statusCode !== 429; attempt++) {
      last = await signIn("nobody@example.org", "wrong");
    }
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ error: { json: { data: { domainCode: "rate_limited" } } } });
    // The second factor is a guessable secret too: the same address's limit covers it.
    const secondFactor = await jsonPost("/trpc/auth.verifySecondFactor", { json: { code: "123456" } });
    expect(secondFactor.statusCode).toBe(429);
    // Other procedures are not limited.
    expect((await server.app.inject("/trpc/auth.me")).statusCode).toBe(401);
  });
});

describe("the web app", () => {
  it("explains when the web app has not been built", async () => {
    const response = await server.app.inject({ url: "/admin/users", headers: { accept: "text/html" } });
    expect(response.statusCode).toBe(503);
  });
});
