import { createHash } from "node:crypto";
import { validateKeyring, type Keyring } from "@lentera/api";

/**
 * Bench data is fake, so its keys derive from the seed: the generator and the server it starts
 * then agree without a key file. Never use this for real data.
 */
export function benchKeyring(seed: number): Keyring {
  const derive = (purpose: string) => createHash("sha256").update(`lentera-bench:${seed}:${purpose}`).digest();
  return validateKeyring({
    activeKeyId: "bench",
    encryptionKeys: new Map([["bench", derive("encryption")]]),
    hmacKey: derive("hmac"),
  });
}

/** The same keys as server environment variables. */
export function benchKeyEnv(keyring: Keyring): Record<string, string> {
  const key = keyring.encryptionKeys.get(keyring.activeKeyId);
  if (!key) throw new Error("no active key");
  return {
    LENTERA_ENCRYPTION_KEYS: `${keyring.activeKeyId}:${key.toString("base64")}`,
    LENTERA_HMAC_KEY: keyring.hmacKey.toString("base64"),
  };
}

export const BENCH_PASSWORD = "bench-password-2026";
