import { decryptJson, encryptJson, ERASED, type Keyring } from "../protect/field-crypto";

/**
 * The sensitive text of the online-harm record, sealed like identifying data (AES-256-GCM, bound to
 * the row's id, so a ciphertext copied onto another row does not open): an item's address or
 * identifier, an evidence entry's description, a legal process's police report number.
 */
export function sealText(keyring: Keyring, rowId: string, text: string): string {
  return encryptJson(keyring, { text }, rowId);
}

export function openText(keyring: Keyring, rowId: string, sealed: string): string {
  // Erased when the case was anonymized after the retention period.
  if (sealed === ERASED) return "";
  return (decryptJson(keyring, sealed, rowId) as { text: string }).text;
}
