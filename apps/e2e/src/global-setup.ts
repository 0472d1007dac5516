/**
 * Starts the real server (built web app, fresh embedded database seeded with the demo agency)
 * for the browser journeys, and stops it with SIGTERM afterwards.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startServerProcess } from "@lentera/server/process";
import { chromiumPath } from "./browser";

const webBuild = fileURLToPath(new URL("../../web/dist/index.html", import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!chromiumPath) return () => Promise.resolve();
  if (!existsSync(webBuild)) throw new Error("apps/web is not built: run `npm run build` first");
  const dataDir = await mkdtemp(join(tmpdir(), "lentera-e2e-"));
  const server = await startServerProcess({
    NODE_ENV: "test",
    DATABASE_URL: "",
    LENTERA_DATA_DIR: dataDir,
    LENTERA_SEED_DEMO: "true",
    LOG_LEVEL: "warn",
    // The journeys sign in many times from one address.
    SIGN_IN_RATE_LIMIT_PER_MINUTE: "1000",
  });
  project.provide("baseUrl", server.url);

  return async () => {
    const code = await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    // Graceful shutdown is part of what the journeys check.
    if (code !== 0) throw new Error(`server did not shut down cleanly (exit ${code}):\n${server.output()}`);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
