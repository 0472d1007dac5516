import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import QRCode from "qrcode";
import { RECOVERY_CODE_COUNT } from "@lentera/domain";
import { decryptJson, encryptJson, type Keyring } from "../protect/field-crypto";

// RFC 6238's usual profile, which every authenticator app reads: 30-second steps, 6 digits.
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Steps either side of now that are accepted, for a phone's clock a little off. */
const TOLERANCE_STEPS = 1;
const ISSUER = "Lentera";

/** A new TOTP key: 160 random bits, the size RFC 4226 recommends. */
export function newTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

/** Sealed with the identity keyring and bound to the user's id: a copied value does not open on another row. */
export function sealTotpKey(keyring: Keyring, key: Uint8Array, userId: string): string {
  return encryptJson(keyring, Buffer.from(key).toString("base64"), userId);
}

export function openTotpKey(keyring: Keyring, sealed: string, userId: string): Uint8Array {
  const opened = decryptJson(keyring, sealed, userId);
  if (typeof opened !== "string") throw new Error("sealed TOTP key is not a string");
  return new Uint8Array(Buffer.from(opened, "base64"));
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The time step a code belongs to (now ± the tolerance), or null when it matches none. Every step
 * is computed and compared, so the time taken does not tell which one matched.
 */
export function matchTotpStep(key: Uint8Array, code: string, now: Date): number | null {
  const current = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
  let matched: number | null = null;
  for (let offset = -TOLERANCE_STEPS; offset <= TOLERANCE_STEPS; offset++) {
    const step = current + offset;
    if (sameText(generateHOTP(key, BigInt(step), DIGITS), code) && matched === null) matched = step;
  }
  return matched;
}

export interface EnrolmentKey {
  /** The otpauth:// URI an authenticator app reads from the QR code. */
  uri: string;
  /** The QR code of the URI as an SVG document, drawn on the server (nothing added to the web bundle). */
  qrSvg: string;
  /** The key in base32, in groups of four, for typing into an app by hand. */
  manualKey: string;
}

export async function describeEnrolmentKey(key: Uint8Array, accountName: string): Promise<EnrolmentKey> {
  const uri = createTOTPKeyURI(ISSUER, accountName, key, PERIOD_SECONDS, DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  const manualKey = encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, "$1 ");
  return { uri, qrSvg, manualKey };
}

// Recovery codes: 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as xxxxx-xxxxx.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    // 256 is not a multiple of 31; the slight bias costs well under a bit of the code's ~49.
    const chars = [...bytes].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Only this is stored: a SHA-256 of the code without case, spaces or dashes. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .digest("hex");
}

/** Whether what the user typed has the shape of a TOTP code (else it is tried as a recovery code). */
export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ""));
}
