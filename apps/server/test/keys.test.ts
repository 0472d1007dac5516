import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "../src/env";
import { loadKeyring } from "../src/keys";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("encryption keys", () => {
  it("refuses to start in production without keys, naming the variables", async () => {
    await expect(loadKeyring(parseEnv({ NODE_ENV: "production" }))).rejects.toThrow("LENTERA_ENCRYPTION_KEYS");
  });

  it("generates a development key once, readable only by its owner, and reuses it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lentera-keys-"));
    dirs.push(dir);
    const env = parseEnv({ NODE_ENV: "development", LENTERA_DATA_DIR: dir });
    const first = await loadKeyring(env);
    const second = await loadKeyring(env);
    expect(second.encryptionKeys.get(second.activeKeyId)).toEqual(first.encryptionKeys.get(first.activeKeyId));
    expect((await stat(join(dir, "keys.json"))).mode & 0o077).toBe(0);
    expect(await readFile(join(dir, "keys.json"), "utf8")).toContain("dev1");
  });

  it("reads several keys from the environment, the last one active unless named", async () => {
    const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");
    const env = parseEnv({
      NODE_ENV: "production",
      LENTERA_ENCRYPTION_KEYS: `old:${key(1)},new:${key(2)}`,
      LENTERA_HMAC_KEY: key(3),
    });
    const keyring = await loadKeyring(env);
    expect(keyring.activeKeyId).toBe("new");
    expect([...keyring.encryptionKeys.keys()]).toEqual(["old", "new"]);
    await expect(loadKeyring({ ...env, LENTERA_ENCRYPTION_KEYS: `short:${Buffer.alloc(8).toString("base64")}` })).rejects.toThrow("32 bytes");
  });
});
