import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testKeyring } from "@lentera/api/testing";
import type { DbHandle } from "@lentera/db";
import { createTestDb } from "@lentera/db/testing";
import { parseEnv } from "../src/env";
import { createServer, type LenteraServer } from "../src/server";

let dist: string;
let db: DbHandle;
let server: LenteraServer;
const script = "console.log('lentera');".repeat(50);

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "lentera-dist-"));
  await mkdir(join(dist, "assets"));
  await writeFile(join(dist, "index.html"), "<!doctype html><title>Lentera</title>");
  await writeFile(join(dist, "assets/app-abc123.js"), script);
  await writeFile(join(dist, "assets/app-abc123.js.br"), brotliCompressSync(script));
  db = await createTestDb();
  server = await createServer({
    env: parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", LENTERA_SEED_DEMO: "false", LENTERA_WEB_DIST: dist }),
    db,
    keyring: testKeyring,
  });
});
afterAll(async () => {
  await server.stop();
  await db.close();
  await rm(dist, { recursive: true, force: true });
});

describe("serving the web app", () => {
  it("sends hashed assets pre-compressed and cacheable for a year", async () => {
    const response = await server.app.inject({ url: "/assets/app-abc123.js", headers: { "accept-encoding": "br, gzip" } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["cache-control"]).toContain("immutable");
    expect(response.rawPayload.length).toBeLessThan(script.length);
  });

  it("answers client-side routes with index.html that must be revalidated", async () => {
    const response = await server.app.inject({ url: "/cases/123", headers: { accept: "text/html" } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("<title>Lentera</title>");
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it("answers unknown API paths with JSON 404, not the page", async () => {
    const response = await server.app.inject({ url: "/trpc/nope.nothing", headers: { accept: "text/html" } });
    expect(response.statusCode).toBe(404);
  });
});
