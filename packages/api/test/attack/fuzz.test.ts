/**
 * Bad input for every procedure that takes input, generated from its zod schema and beyond it
 * (test/attack/bad-input.ts), sent as a caller the procedure lets through for the own case or agency:
 * never a 500; an input the schema rejects changes nothing; a hostile string the schema accepts in a
 * free-text field is stored and read back exactly. Seeded: FUZZ_SEED reproduces a run (printed).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { appRouter } from "../../src/root";
import { expectations, type CallEnv, type Declaration } from "./expectations";
import { attackSettings } from "./testing";
import { badInputs, boundaryDates, HOSTILE_STRINGS, show } from "./bad-input";
import { procedureAt, routerPaths } from "./router-paths";
import { attackWorld, changedTables, fingerprintQuery, type AttackWorld, type CallerRole } from "./world";

const SEED = attackSettings.fuzzSeed;
const RUNS = attackSettings.fuzzRuns;

let w: AttackWorld;
let fingerprint: () => Promise<Record<string, string>>;
beforeAll(async () => {
  w = await attackWorld();
  fingerprint = await fingerprintQuery(w);
}, 240_000);
afterAll(() => w.t.close());

type Procedure = { _def: { inputs: z.ZodType[]; type: string } };
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures;

/** The first staff caller the declaration lets through on the own target. */
function allowedCaller(declaration: Declaration): Exclude<CallerRole, "anonymous"> | null {
  const words = declaration.expect.split(" ");
  const staff = ["social_worker", "counselor", "supervisor", "admin"] as const;
  return staff.find((_, index) => words[index]?.[0] === "A") ?? null;
}

function envFor(role: CallerRole): CallEnv {
  return { w, role, target: "own", s: w.stocks.own, p: w.places.own, fresh: w.fresh.own };
}

/** A 500, or something that is not a tRPC error at all: its kind, SQLSTATE and first line. */
function serverFault(error: unknown): string | null {
  if (error === null) return null;
  if (!(error instanceof TRPCError)) return `threw ${error instanceof Error ? error.message.slice(0, 200) : typeof error}`;
  if (error.code !== "INTERNAL_SERVER_ERROR") return null;
  let state = "";
  let deepest: unknown = error.cause;
  for (let current: unknown = error.cause; current && typeof current === "object"; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) state = code;
    deepest = current;
  }
  const message = deepest instanceof Error ? deepest.message.split("\n")[0]?.slice(0, 120) : "";
  return `500 sqlstate ${state || "none"} ${message}`;
}


describe("bad input for every procedure", () => {
  it("never answers 500, and an input the schema rejects changes nothing", async () => {
    console.info(`bad input: fast-check seed ${SEED} (FUZZ_SEED=${SEED} reproduces), ${RUNS} inputs per procedure`);
    const started = Date.now();
    const faults: string[] = [];
    const changes: string[] = [];
    let fuzzed = 0;
    let tried = 0;
    let rejected = 0;
    for (const [index, path] of routerPaths().entries()) {
      const procedure = procedures[path];
      const declaration = expectations[path];
      const schema = procedure?._def.inputs[0];
      if (!procedure || !declaration || !schema) continue;
      const role = allowedCaller(declaration);
      if (!role) continue;
      fuzzed += 1;
      const valid = await declaration.input?.(envFor(role));
      const jsonSchema = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
      // Drawn at random, then every boundary date at every date field (rare in a random draw).
      const inputs = [...fc.sample(badInputs(valid, jsonSchema), { numRuns: RUNS, seed: SEED + index }), ...boundaryDates(valid)];
      // Rejected inputs are checked in runs: one fingerprint before the run and one after it.
      let before = await fingerprint();
      let pending: string[] = [];
      const settle = async () => {
        if (pending.length === 0) return;
        const after = await fingerprint();
        const changed = changedTables(before, after);
        if (changed.length > 0) changes.push(`${path}: one of ${pending.join(" | ")} changed ${changed.join(", ")}`);
        before = after;
        pending = [];
      };
      for (const input of inputs) {
        tried += 1;
        const accepted = schema.safeParse(input).success;
        if (accepted) await settle();
        const api = w.callers[role].api;
        const error = await procedureAt(api, path)(input).then(
          () => null,
          (e: unknown) => e,
        );
        const fault = serverFault(error);
        if (fault) faults.push(`${path} as ${role}: ${fault} for ${show(input)}`);
        if (accepted) {
          before = await fingerprint();
        } else {
          rejected += 1;
          pending.push(show(input));
          if (error === null) changes.push(`${path}: the schema rejects ${show(input)}, the procedure accepted it`);
        }
      }
      await settle();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `bad input: ${fuzzed} procedures fuzzed, ${tried} inputs tried (${rejected} rejected by the schema), ${faults.length} 500s found, ${changes.length} changes by rejected input, ${seconds} s`,
    );
    expect(faults, `500s (seed ${SEED}):\n${faults.join("\n")}\n`).toEqual([]);
    expect(changes, `changes by rejected input (seed ${SEED}):\n${changes.join("\n")}\n`).toEqual([]);
  }, 600_000);
});

/** Whether a string equal to `value` is anywhere in an answer. */
function contains(answer: unknown, value: string): boolean {
  if (typeof answer === "string") return answer === value;
  if (Array.isArray(answer)) return answer.some((item) => contains(item, value));
  if (answer && typeof answer === "object") return Object.values(answer).some((item) => contains(item, value));
  return false;
}

/**
 * Free-text fields that a hostile string passes: each is stored and read back as the schema left it
 * (trimmed), or refused with a clear error, never a 500.
 */
const FREE_TEXT: { path: string; role: Exclude<CallerRole, "anonymous">; input: (text: string) => unknown; read: () => Promise<unknown> }[] = [
  {
    path: "milestones.add",
    role: "social_worker",
    input: (text) => ({ caseId: w.stocks.own.caseId, customTitle: text, domain: "community" }),
    read: () => w.callers.social_worker.api.milestones.byCase({ caseId: w.stocks.own.caseId }),
  },
  {
    path: "sessions.addAddendum",
    role: "counselor",
    input: (text) => ({ noteId: w.stocks.own.noteId, body: text }),
    read: () => w.callers.counselor.api.sessions.get({ noteId: w.stocks.own.noteId }),
  },
  {
    path: "onlineHarm.recordItem",
    role: "social_worker",
    input: (text) => ({ caseId: w.stocks.own.caseId, kind: "profile", platformKind: "forum", platformName: text, locator: "https://forum.example/u/1", foundOn: w.today(), foundBy: "survivor" }),
    read: () => w.callers.social_worker.api.onlineHarm.byCase({ caseId: w.stocks.own.caseId }),
  },
  {
    path: "partners.create",
    role: "admin",
    input: (text) => ({ name: text, kind: "ngo", contact: { address: text } }),
    read: () => w.callers.admin.api.partners.list({ includeInactive: true }),
  },
  {
    path: "admin.teams.create",
    role: "admin",
    input: (text) => ({ name: text.slice(0, 80) }),
    read: () => w.callers.admin.api.admin.teams.list(),
  },
  {
    path: "plans.recordReview",
    role: "social_worker",
    input: (text) => ({ caseId: w.stocks.own.caseId, goalKey: w.stocks.own.goalKey, reviewedOn: w.today(), progress: 40, note: text }),
    read: () => w.callers.social_worker.api.plans.byCase({ caseId: w.stocks.own.caseId }),
  },
];

describe("hostile strings in free-text fields", () => {
  it("are stored and read back exactly, or refused with a clear error", async () => {
    const faults: string[] = [];
    const lost: string[] = [];
    let stored = 0;
    let refused = 0;
    for (const field of FREE_TEXT) {
      const schema = procedures[field.path]?._def.inputs[0];
      if (!schema) throw new Error(`${field.path} has no input`);
      // Unique per call: names must not collide with the previous string's row.
      for (const [index, hostile] of HOSTILE_STRINGS.entries()) {
        const raw = hostile.trim() === "" ? hostile : `${hostile} #${index}`;
        const input = field.input(raw);
        const parsed = schema.safeParse(input);
        const error = await procedureAt(w.callers[field.role].api, field.path)(input).then(
          () => null,
          (e: unknown) => e,
        );
        const fault = serverFault(error);
        if (fault) faults.push(`${field.path}: ${fault} for ${show(raw)}`);
        if (error !== null || !parsed.success) {
          refused += 1;
          continue;
        }
        // Blank optional text becomes null: nothing to read back.
        const expected = raw.trim();
        if (expected === "") continue;
        stored += 1;
        if (contains(await field.read(), expected)) continue;
        lost.push(`${field.path}: ${show(raw)} did not read back as sent`);
      }
    }
    console.info(`hostile strings: ${FREE_TEXT.length} fields × ${HOSTILE_STRINGS.length} strings, ${stored} stored and read back, ${refused} refused, ${faults.length} 500s`);
    expect(faults, faults.join("\n")).toEqual([]);
    expect(lost, lost.join("\n")).toEqual([]);
  }, 300_000);
});
