/**
 * Bad input for any procedure, from its valid input and its zod schema (as JSON schema, for the
 * limits): a value replaced by a wrong type, a hostile string, a number or a date out of range; a key
 * removed or added; the whole input replaced. fast-check draws them from a fixed seed.
 */
import fc from "fast-check";

export type Path = (string | number)[];
type JsonSchema = { type?: string | string[]; maxLength?: number; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[] };

/** Strings an attacker or an unlucky keyboard sends. */
export const HOSTILE_STRINGS: readonly string[] = [
  "'; DROP TABLE cases; --",
  "\" OR 1=1 --",
  "1' UNION SELECT password_hash, totp_secret FROM users --",
  "'); SELECT pg_sleep(5); --",
  "$1 $2 %s %n %_% \\",
  "<script>alert(document.cookie)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}} ${7*7} <%= 7*7 %>",
  "\u202Eevil.exe\u202C (right-to-left override) \u200F\u200E",
  "👩‍👩‍👧‍👦 zero-width joiner, a\u200Bb\u200Cc\u200Dd\uFEFF",
  "🧒🏽🌸✨",
  "e\u0301\u0301\u0301 Z\u0351\u0352\u0353\u0354 combining",
  "Pendampingan penyintas eksploitasi seksual daring di Kabupaten Bogor",
  "Nạn nhân được hỗ trợ tâm lý tại Thành phố Hồ Chí Minh, ngày 8 tháng 12",
  "line\r\nbreak\ttab\u0085next\u2028sep",
  "a\u0000b NUL inside",
  "\uD800 lone high surrogate",
  "lone low surrogate \uDFFF",
  "   ",
  "",
];

const WRONG_TYPES: readonly unknown[] = [null, undefined, true, false, 0, -1, "", "x", [], {}, [null], { a: 1 }, () => 1];
const NUMBERS: readonly unknown[] = [Number.NaN, Infinity, -Infinity, -0, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, 0.5, -1, 2 ** 31, Number.MIN_VALUE, 10 ** 21];
export const DATES: readonly unknown[] = [
  new Date(Number.NaN),
  new Date("0000-01-01T00:00:00Z"),
  new Date("+010000-01-01T00:00:00Z"),
  new Date(8.64e15),
  new Date(-8.64e15),
  "0000-01-01",
  "0001-01-01",
  "10000-01-01",
  "9999-12-31",
  "2026-02-30",
  "2026-13-01",
  "1900-01-01",
  "2026-1-1",
  "2026-12-08T10:00:00Z",
];
const UUIDS: readonly unknown[] = [
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "6F9619FF-8B86-4011-B42D-00C04FC964FF",
  "6f9619ff-8b86-d011-b42d-00c04fc964ff",
  "6f9619ff8b86d011b42d00c04fc964ff",
  "' OR '1'='1",
];
const EXTRA_KEYS = ["__proto__", "constructor", "prototype", "$where", "toString", "agencyId", "id", "zz"];

/** Every path into a value (containers and leaves, not the root). */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object" || value instanceof Date) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}/;

/** The paths of the dates in a valid input (calendar dates as text, instants as Date). */
export function datePaths(valid: unknown): Path[] {
  return pathsOf(valid).filter((path) => {
    const value = valueAt(valid, path);
    return value instanceof Date || (typeof value === "string" && DATE_TEXT.test(value));
  });
}

/** Every boundary date at every date of a valid input, one at a time. */
export function boundaryDates(valid: unknown): unknown[] {
  return datePaths(valid).flatMap((path) => DATES.map((value) => applyMutation(valid, { kind: "replace", path, value })));
}

/** The JSON schema of the value at `path` (the first branch that is not null). */
export function schemaAt(schema: JsonSchema | undefined, path: Path): JsonSchema | undefined {
  let node = schema;
  for (const key of path) {
    if (!node) return undefined;
    if (node.anyOf) node = node.anyOf.find((branch) => branch.type !== "null") ?? node.anyOf[0];
    node = typeof key === "number" ? node?.items : node?.properties?.[key];
  }
  if (node?.anyOf) node = node.anyOf.find((branch) => branch.type !== "null") ?? node.anyOf[0];
  return node;
}

function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | null {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
    if (node === null || typeof node !== "object") return null;
  }
  return node;
}

type Mutation = { kind: "replace"; path: Path; value: unknown } | { kind: "delete"; path: Path } | { kind: "extra"; path: Path; key: string; value: unknown };

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function applyMutation(input: unknown, mutation: Mutation): unknown {
  const root = clone(input);
  if (mutation.kind === "extra") {
    const target = valueAt(root, mutation.path);
    if (target && typeof target === "object" && !Array.isArray(target) && !(target instanceof Date)) {
      // defineProperty: "__proto__" becomes an own key, as JSON.parse on the wire would make it.
      Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
    }
    return root;
  }
  const parent = parentOf(root, mutation.path);
  const last = mutation.path[mutation.path.length - 1];
  if (!parent || last === undefined) return root;
  if (mutation.kind === "replace") parent[last] = mutation.value;
  else if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
  else delete parent[last];
  return root;
}

/** Values to put at a path: hostile for any field, plus strings at and beyond the field's limit. */
function valuesFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const max = schema?.maxLength;
  const sized: unknown[] = [];
  if (max !== undefined) {
    sized.push("a".repeat(max), "a".repeat(max + 1), "ệ".repeat(max), "𝕏".repeat(Math.ceil(max / 2) + 1), "<".repeat(max));
  }
  sized.push("x".repeat(100_000));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES) },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom(...DATES) },
    { weight: 1, arbitrary: fc.constantFrom(...UUIDS) },
    { weight: 2, arbitrary: fc.constantFrom(...sized) },
    // Any code points, lone surrogates included.
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_STRINGS), { maxLength: 3 }) },
  );
}

/** Bad inputs derived from a valid one. */
export function badInputs(valid: unknown, jsonSchema: unknown): fc.Arbitrary<unknown> {
  const schema = jsonSchema as JsonSchema;
  const paths = pathsOf(valid);
  // Optional keys the valid input leaves out are paths too.
  for (const key of Object.keys(schema.properties ?? {})) {
    if (valid && typeof valid === "object" && !(key in valid)) paths.push([key]);
  }
  const whole = fc.constantFrom<unknown>(...WRONG_TYPES, ...HOSTILE_STRINGS.slice(0, 3), ...NUMBERS.slice(0, 3));
  if (paths.length === 0) return whole;
  const mutation: fc.Arbitrary<Mutation> = fc.constantFrom(...paths).chain((path) =>
    fc.oneof(
      { weight: 6, arbitrary: valuesFor(schemaAt(schema, path)).map((value): Mutation => ({ kind: "replace", path, value })) },
      { weight: 2, arbitrary: fc.constant<Mutation>({ kind: "delete", path }) },
      {
        weight: 1,
        arbitrary: fc.record({ key: fc.constantFrom(...EXTRA_KEYS), value: fc.constantFrom<unknown>(...HOSTILE_STRINGS.slice(0, 6), 1, null) }).map(
          ({ key, value }): Mutation => ({ kind: "extra", path: path.slice(0, -1), key, value }),
        ),
      },
    ),
  );
  return fc.oneof(
    { weight: 1, arbitrary: whole },
    { weight: 8, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((list) => list.reduce(applyMutation, valid)) },
  );
}

/** A short, printable form of an input for a report. */
export function show(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "string" && v.length > 60) return `${v.slice(0, 40)}…(${v.length} chars)`;
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (typeof v === "function") return "[function]";
    return v;
  });
  return (text ?? String(value)).slice(0, 400);
}
