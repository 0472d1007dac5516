import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptJson,
  encryptJson,
  keyedHash,
  keyIdOf,
  normalizeIdentityNumber,
  normalizeName,
  validateKeyring,
  type Keyring,
} from "./field-crypto";

const keyring = (active = "k1"): Keyring =>
  validateKeyring({
    activeKeyId: active,
    encryptionKeys: new Map([
      ["k1", Buffer.alloc(32, 1)],
      ["k2", Buffer.alloc(32, 2)],
    ]),
    hmacKey: Buffer.alloc(32, 3),
  });

describe("field encryption", () => {
  it("round-trips a value and never shows the plaintext in the ciphertext", () => {
    const sealed = encryptJson(keyring(), { legalName: "Ani Rahmawati" }, "client-1");
    expect(sealed).not.toContain("Ani");
    expect(sealed.startsWith("v1.k1.")).toBe(true);
    expect(decryptJson(keyring(), sealed, "client-1")).toEqual({ legalName: "Ani Rahmawati" });
  });

  it("uses a fresh IV each time", () => {
    expect(encryptJson(keyring(), "same", "r")).not.toBe(encryptJson(keyring(), "same", "r"));
  });

  it("refuses a ciphertext moved to another record or altered", () => {
    const sealed = encryptJson(keyring(), "secret", "client-1");
    expect(() => decryptJson(keyring(), sealed, "client-2")).toThrow("authentication");
    const parts = sealed.split(".");
    parts[3] = randomBytes(8).toString("base64url");
    expect(() => decryptJson(keyring(), parts.join("."), "client-1")).toThrow();
  });

  it("reads values of an older key after rotation", () => {
    const old = encryptJson(keyring("k1"), "before rotation", "r");
    const rotated = keyring("k2");
    expect(keyIdOf(encryptJson(rotated, "after", "r"))).toBe("k2");
    expect(decryptJson(rotated, old, "r")).toBe("before rotation");
  });

  it("refuses a keyring whose active key is missing or of the wrong length", () => {
    expect(() => validateKeyring({ ...keyring(), activeKeyId: "k9" })).toThrow();
    expect(() =>
      validateKeyring({ activeKeyId: "k1", encryptionKeys: new Map([["k1", Buffer.alloc(16)]]), hmacKey: Buffer.alloc(32) }),
    ).toThrow("32 bytes");
  });
});

describe("keyed hashes", () => {
  it("match names across case, accents and spacing, and numbers across separators", () => {
    expect(normalizeName("  Ani   RAHMAWATÍ ")).toBe(normalizeName("ani rahmawati"));
    expect(normalizeName("Nguyễn Thị Đào")).toBe("nguyen thi dao");
    expect(normalizeIdentityNumber("3201-0101 9901")).toBe("3201010199" + "01");
    expect(keyedHash(keyring(), "p", "x")).toBe(keyedHash(keyring(), "p", "x"));
    expect(keyedHash(keyring(), "p", "x")).not.toBe(keyedHash(keyring(), "q", "x"));
  });
});
