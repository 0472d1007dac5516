import type { ClientIdentity } from "@lentera/domain";
import { decryptJson, encryptJson, keyedHash, normalizeIdentityNumber, normalizeName, type Keyring } from "./field-crypto";

/** The sealed identity of a client and the keyed hashes that find possible duplicates. */
export interface SealedIdentity {
  identityCiphertext: string;
  nameBirthHmac: string | null;
  identityNumberHmacs: string[];
}

export function nameBirthHash(keyring: Keyring, legalName: string, birthDate: string | null | undefined): string | null {
  // Without a birth date a name alone matches too many people to be worth a warning.
  if (!birthDate) return null;
  return keyedHash(keyring, "name+birth", `${normalizeName(legalName)}|${birthDate}`);
}

export function identityNumberHashes(keyring: Keyring, numbers: readonly string[]): string[] {
  return [...new Set(numbers.map(normalizeIdentityNumber).filter(Boolean))].map((number) =>
    keyedHash(keyring, "identity-number", number),
  );
}

export function sealIdentity(
  keyring: Keyring,
  clientId: string,
  identity: ClientIdentity,
  birthDate: string | null | undefined,
): SealedIdentity {
  return {
    identityCiphertext: encryptJson(keyring, identity, clientId),
    nameBirthHmac: nameBirthHash(keyring, identity.legalName, birthDate),
    identityNumberHmacs: identityNumberHashes(
      keyring,
      identity.identityNumbers.map((entry) => entry.number),
    ),
  };
}

export function openIdentity(keyring: Keyring, clientId: string, ciphertext: string): ClientIdentity {
  return decryptJson(keyring, ciphertext, clientId) as ClientIdentity;
}
