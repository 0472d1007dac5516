import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Encryption of identifying data in the application (AES-256-GCM from node:crypto), so that a
 * copy of the database, a backup or a replica reveals no survivor's name.
 *
 * A value is `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url): the key id lets old values be read
 * after a new key becomes active (rotation). The record's id is bound as additional data, so a
 * ciphertext copied onto another row does not decrypt.
 */
export interface Keyring {
  /** The key new values are encrypted with. */
  activeKeyId: string;
  /** Every key that may still be needed to read a value, by id; 32 bytes each. */
  encryptionKeys: ReadonlyMap<string, Buffer>;
  /** The key of the keyed hashes used for equality search (duplicate detection). */
  hmacKey: Buffer;
}

export class FieldCryptoError extends Error {
  override name = "FieldCryptoError";
}

const VERSION = "v1";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function validateKeyring(keyring: Keyring): Keyring {
  if (!keyring.encryptionKeys.has(keyring.activeKeyId)) {
    throw new FieldCryptoError(`the active key "${keyring.activeKeyId}" is not among the encryption keys`);
  }
  for (const [keyId, key] of keyring.encryptionKeys) {
    if (!KEY_ID.test(keyId)) throw new FieldCryptoError(`key id "${keyId}" must be 1-32 letters, digits, _ or -`);
    if (key.length !== 32) throw new FieldCryptoError(`key "${keyId}" must be 32 bytes (base64 of 32 random bytes)`);
  }
  if (keyring.hmacKey.length < 32) throw new FieldCryptoError("the HMAC key must be at least 32 bytes");
  return keyring;
}

export function encryptJson(keyring: Keyring, value: unknown, recordId: string): string {
  const key = keyring.encryptionKeys.get(keyring.activeKeyId);
  if (!key) throw new FieldCryptoError("no active encryption key");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(recordId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [VERSION, keyring.activeKeyId, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptJson(keyring: Keyring, sealed: string, recordId: string): unknown {
  const [version, keyId, iv, ciphertext, tag] = sealed.split(".");
  if (version !== VERSION || !keyId || !iv || !ciphertext || tag === undefined) {
    throw new FieldCryptoError("not a Lentera ciphertext");
  }
  const key = keyring.encryptionKeys.get(keyId);
  // The id of a missing key is safe to name; it helps an operator restore the right key.
  if (!key) throw new FieldCryptoError(`encryption key "${keyId}" is not configured`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(recordId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
    return JSON.parse(plain.toString("utf8"));
  } catch {
    throw new FieldCryptoError("ciphertext failed authentication");
  }
}

/**
 * What an erased sealed value becomes when a case is anonymized after the retention period: not a
 * ciphertext, so the immutability triggers of signed notes and the evidence log can check in SQL
 * that nothing was written in its place (migration 0016). Openers return an empty value for it.
 */
export const ERASED = "erased";

/** The key id a stored value was encrypted with (for rotation). */
export function keyIdOf(sealed: string): string | undefined {
  return sealed.split(".")[1];
}

/** A keyed hash for equality search: the same input gives the same hash, but only with the key. */
export function keyedHash(keyring: Keyring, purpose: string, normalized: string): string {
  return createHmac("sha256", keyring.hmacKey).update(`${purpose}\u0000${normalized}`).digest("base64url");
}

/** Names compare without case, accents, punctuation or extra spaces: "Ani  Rahmawatí" = "ani rahmawati". */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/giu, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Identity numbers compare on letters and digits only: "3201-0101 9901" = "3201010199 01". */
export function normalizeIdentityNumber(number: string): string {
  return number.replace(/[^\p{L}\p{N}]/gu, "").toUpperCase();
}

export function generateKey(): string {
  return randomBytes(32).toString("base64");
}
