import { dictionary } from "@zxcvbn-ts/language-common";
import { DomainError } from "@lentera/domain";

// zxcvbn-ts' list of the ~49,000 most common passwords from breach corpora. Kept on the server
// only: the web's form checks the length (newPasswordSchema) and shows this check's refusal.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));
  return common;
}

/**
 * Whether a password is a common one, ignoring case, or a common one (of at least 6 characters)
 * padded with digits and symbols to reach the length rule ("sunshine2026!!").
 */
export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lowered)) return true;
  const core = lowered.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return core.length >= 6 && core !== lowered && list.has(core);
}

/** Called wherever a password is set, after newPasswordSchema's length check. */
export function assertPasswordAllowed(password: string): void {
  if (isCommonPassword(password)) throw new DomainError("invalid_input", "password_common");
}
