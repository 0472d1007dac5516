import { isWorkableYear } from "@lentera/domain";

/**
 * Values that no procedure can store or compute with, found in a request's raw input before any
 * schema or handler sees it, so a field schema that forgets them still cannot turn them into a 500
 * (or, for a lone surrogate, into silently altered text):
 * - NUL, which Postgres refuses in text;
 * - a lone UTF-16 surrogate, which has no UTF-8 form (the driver would store U+FFFD instead);
 * - an instant whose year is outside the years Lentera works with (an invalid Date included).
 */
export type UnstorableInputReason = "invalid_characters" | "date_out_of_range";

const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Deeper than any input schema nests; a deeper value is refused by the schemas anyway.
const MAX_DEPTH = 32;

function unstorableString(value: string): boolean {
  return value.includes(NUL) || LONE_SURROGATE.test(value);
}

export function unstorableInput(value: unknown, depth = 0): UnstorableInputReason | null {
  if (typeof value === "string") return unstorableString(value) ? "invalid_characters" : null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) || !isWorkableYear(value.getUTCFullYear()) ? "date_out_of_range" : null;
  }
  if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return null;
  const entries: [string | null, unknown][] = Array.isArray(value)
    ? value.map((item) => [null, item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    if (key !== null && unstorableString(key)) return "invalid_characters";
    const reason = unstorableInput(item, depth + 1);
    if (reason) return reason;
  }
  return null;
}
