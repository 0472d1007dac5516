/**
 * A Postgres instance of the test's own, from the machine's installation: the failure test stops
 * and crashes it, which it must never do to the shared service other tests run beside.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../src/process";

const run = promisify(execFile);

/** The newest installed server's bin directory (Debian's layout), or null. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, "bin", "pg_ctl")) && existsSync(join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

export interface PrivatePostgres {
  url: string;
  port: number;
  /** `fast` disconnects clients and shuts down cleanly; `immediate` is a crash (recovery on start). */
  stop: (mode: "fast" | "immediate") => Promise<void>;
  start: () => Promise<void>;
  /** Stops it (if running) and removes its directory; safe to call twice. */
  destroy: () => Promise<void>;
}

export async function startPrivatePostgres(binDir: string): Promise<PrivatePostgres> {
  const isRoot = process.getuid?.() === 0;
  // initdb refuses to run as root (CI runs as root): the postgres OS user owns the instance then.
  const asOwner = (command: string, args: string[]) =>
    isRoot ? run("runuser", ["-u", "postgres", "--", join(binDir, command), ...args]) : run(join(binDir, command), args);
  const dir = await mkdtemp(join(tmpdir(), "lentera-pg-"));
  const dataDir = join(dir, "data");
  const port = await freePort();
  let running = false;
  let destroyed = false;
  if (isRoot) {
    const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
    const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
    await chown(dir, uid, gid);
  }
  const pgCtl = (args: string[]) => asOwner("pg_ctl", ["-D", dataDir, "-w", "-t", "30", ...args]);
  const start = async () => {
    // Only loopback TCP and a socket in its own directory: nothing else on the machine sees it.
    await pgCtl(["-l", join(dir, "server.log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "start"]);
    running = true;
  };
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    if (running) await pgCtl(["-m", "immediate", "stop"]).catch(() => undefined);
    running = false;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await asOwner("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions"]);
    await start();
    await asOwner("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "lentera_failure"]);
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/lentera_failure`,
    port,
    stop: async (mode) => {
      await pgCtl(["-m", mode, "stop"]);
      running = false;
    },
    start,
    destroy,
  };
}
