import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { generateKey, validateKeyring, type Keyring } from "@lentera/api";
import type { Env } from "./env";

interface KeyFile {
  activeKeyId: string;
  encryptionKeys: Record<string, string>;
  hmacKey: string;
}

function parseKeyList(list: string): Map<string, Buffer> {
  return new Map(
    list.split(",").map((entry) => {
      const [keyId, base64] = entry.trim().split(":");
      if (!keyId || !base64) throw new Error("LENTERA_ENCRYPTION_KEYS must look like id1:base64key,id2:base64key");
      return [keyId, Buffer.from(base64, "base64")];
    }),
  );
}

/**
 * The keys for identifying data: from the environment, or — outside production — a development
 * key generated once into `<data dir>/keys.json`. Production without keys refuses to start.
 */
export async function loadKeyring(env: Env): Promise<Keyring> {
  if (env.LENTERA_ENCRYPTION_KEYS && env.LENTERA_HMAC_KEY) {
    const encryptionKeys = parseKeyList(env.LENTERA_ENCRYPTION_KEYS);
    return validateKeyring({
      activeKeyId: env.LENTERA_ENCRYPTION_ACTIVE_KEY ?? [...encryptionKeys.keys()].at(-1) ?? "",
      encryptionKeys,
      hmacKey: Buffer.from(env.LENTERA_HMAC_KEY, "base64"),
    });
  }
  if (env.NODE_ENV === "production") {
    throw new Error(
      "LENTERA_ENCRYPTION_KEYS and LENTERA_HMAC_KEY are required in production " +
        "(generate each key with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\")",
    );
  }
  const file = join(env.LENTERA_DATA_DIR, "keys.json");
  if (!existsSync(file)) {
    const fresh: KeyFile = { activeKeyId: "dev1", encryptionKeys: { dev1: generateKey() }, hmacKey: generateKey() };
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  }
  const stored = JSON.parse(await readFile(file, "utf8")) as KeyFile;
  return validateKeyring({
    activeKeyId: stored.activeKeyId,
    encryptionKeys: new Map(Object.entries(stored.encryptionKeys).map(([id, key]) => [id, Buffer.from(key, "base64")])),
    hmacKey: Buffer.from(stored.hmacKey, "base64"),
  });
}
