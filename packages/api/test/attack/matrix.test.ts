/**
 * The authorization matrix, generated from the router: every procedure × every caller (social worker,
 * counselor, supervisor, admin, anonymous) × every target of its scope, called with a valid input and
 * compared with test/attack/expectations.ts. A refused call must leave no change; where both are
 * refused as NOT_FOUND, another team's case and another agency's must look the same.
 * ATTACK_PRINT=1 prints the observed table in the declarations' format.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DomainError } from "@lentera/domain";
import { procedureAt, routerPaths } from "./router-paths";
import { attackSettings } from "./testing";
import { expectations, SCOPE_TARGETS, type CallEnv, type Declaration } from "./expectations";
import { attackWorld, changedTables, fingerprintQuery, ROLES, type AttackWorld, type CallerRole, type TargetName } from "./world";

const LETTER: Partial<Record<TRPCError["code"], string>> = { UNAUTHORIZED: "U", FORBIDDEN: "F", NOT_FOUND: "N" };
const NAME: Record<string, string> = { A: "allowed", U: "UNAUTHORIZED", F: "FORBIDDEN", N: "NOT_FOUND" };

interface Observed {
  letter: string;
  /** What a reader of the error sees: for the indistinguishability check. */
  face: string;
  detail: string;
}

function observe(error: unknown): Observed {
  if (error === null) return { letter: "A", face: "", detail: "ok" };
  if (!(error instanceof TRPCError)) return { letter: "!", face: "", detail: `threw ${error instanceof Error ? error.message.slice(0, 200) : typeof error}` };
  if (error.code === "INTERNAL_SERVER_ERROR") return { letter: "5", face: "", detail: `500 ${describe500(error)}` };
  // A zod refusal means the declaration's input is wrong, not that the gate let it through.
  if (error.cause instanceof z.ZodError) return { letter: "Z", face: "", detail: `invalid input ${error.cause.message.slice(0, 300)}` };
  const cause = error.cause instanceof DomainError ? `${error.cause.code}/${error.cause.message}/${JSON.stringify(error.cause.details)}` : "";
  return { letter: LETTER[error.code] ?? "A", face: `${error.code}|${error.message}|${cause}`, detail: `${error.code} ${error.message}` };
}

function describe500(error: TRPCError): string {
  const cause = error.cause;
  return cause instanceof Error ? `${cause.name}: ${cause.message.slice(0, 300)}` : error.message;
}

const ms = (value: number) => `${(value / 1000).toFixed(1)} s`;

let w: AttackWorld;
let fingerprint: () => Promise<Record<string, string>>;
beforeAll(async () => {
  w = await attackWorld();
  fingerprint = await fingerprintQuery(w);
}, 240_000);
afterAll(() => w.t.close());

describe("the authorization matrix", () => {
  it("declares every procedure of the router, and nothing that is not there", () => {
    const paths = routerPaths();
    const undeclared = paths.filter((path) => !(path in expectations));
    const stale = Object.keys(expectations).filter((path) => !paths.includes(path));
    expect(undeclared, "procedures without an expected outcome in test/attack/expectations.ts").toEqual([]);
    expect(stale, "declarations of procedures that no longer exist").toEqual([]);
    for (const [path, declaration] of Object.entries(expectations)) {
      const width = SCOPE_TARGETS[declaration.scope].length;
      expect(declaration.expect.split(" ").map((word) => word.length), `${path}: five words of ${width} letters`).toEqual(ROLES.map(() => width));
    }
  });

  it("every procedure × role × target gives the declared outcome, and a refusal changes nothing", async () => {
    const started = Date.now();
    const mismatches: string[] = [];
    const observedTable: string[] = [];
    let calls = 0;
    let succeeded = 0;
    let ruleRefused = 0;
    const only = attackSettings.only;
    const paths = routerPaths().filter((path) => path in expectations && (!only || only.test(path)));
    for (const path of paths) {
      const declaration = expectations[path] as Declaration;
      const targets = SCOPE_TARGETS[declaration.scope];
      const declared = declaration.expect.split(" ");
      const cells = ROLES.flatMap((role, roleIndex) =>
        targets.map((target, targetIndex) => ({ role, target, wanted: declared[roleIndex]?.[targetIndex] ?? "?" })),
      );
      const got = new Map<string, Awaited<ReturnType<typeof callOnce>>>();
      // Allowed calls first, each on its own fresh input; then the refused ones, whose inputs are
      // built once per target and whose whole run must leave the fingerprint as it was.
      for (const cell of cells.filter((c) => c.wanted === "A")) {
        const input = await buildInput(declaration, cell.role, cell.target);
        got.set(`${cell.role}|${cell.target}`, await callOnce(path, await callerFor(declaration, cell.role), cell.role, input));
      }
      const refusedCells = cells.filter((c) => c.wanted !== "A");
      if (refusedCells.length > 0) {
        const inputs = new Map<TargetName, unknown>();
        for (const target of targets) {
          if (refusedCells.some((c) => c.target === target)) inputs.set(target, await buildInput(declaration, "supervisor", target));
        }
        const apis = new Map<CallerRole, unknown>();
        for (const cell of refusedCells) if (!apis.has(cell.role)) apis.set(cell.role, await callerFor(declaration, cell.role));
        let mark = performance.now();
        const before = await fingerprint();
        timing.fingerprint += performance.now() - mark;
        for (const cell of refusedCells) got.set(`${cell.role}|${cell.target}`, await callOnce(path, apis.get(cell.role), cell.role, inputs.get(cell.target)));
        mark = performance.now();
        const changed = changedTables(before, await fingerprint());
        timing.fingerprint += performance.now() - mark;
        if (changed.length > 0) mismatches.push(`${path}: a refused call changed ${changed.join(", ")} (one of ${refusedCells.map((c) => `${c.role} × ${c.target}`).join(", ")})`);
      }
      const words: string[] = [];
      for (const role of ROLES) {
        let word = "";
        for (const target of targets) {
          const cell = cells.find((c) => c.role === role && c.target === target);
          const result = got.get(`${role}|${target}`);
          if (!cell || !result) continue;
          calls += 1;
          word += result.letter;
          if (result.letter === "A") {
            if (result.detail === "ok") succeeded += 1;
            else ruleRefused += 1;
          }
          if (result.letter !== cell.wanted) {
            mismatches.push(`${path}  ${role} × ${target}: expected ${NAME[cell.wanted] ?? cell.wanted}, got ${NAME[result.letter] ?? result.letter} (${result.detail})`);
          }
          if (result.leaked.length > 0) mismatches.push(`${path}  ${role} × ${target}: the answer carries ${result.leaked.join(", ")}`);
        }
        const faces = { otherTeam: got.get(`${role}|otherTeam`)?.face, otherAgency: got.get(`${role}|otherAgency`)?.face };
        if (word[1] === "N" && word[2] === "N" && faces.otherTeam !== faces.otherAgency) {
          mismatches.push(`${path}  ${role}: NOT_FOUND differs between another team's and another agency's (${faces.otherTeam} vs ${faces.otherAgency})`);
        }
        words.push(word);
      }
      observedTable.push(`  "${path}": "${words.join(" ")}",`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `authorization matrix: ${paths.length} procedures covered, ${ROLES.length} roles × up to 3 targets, ${calls} calls made (allowed: ${succeeded} succeeded, ${ruleRefused} refused by a business rule), ${mismatches.length} mismatches, ${seconds} s (inputs ${ms(timing.build)}, fingerprints ${ms(timing.fingerprint)}, calls ${ms(timing.call)})`,
    );
    if (attackSettings.print) console.info(`observed:\n${observedTable.join("\n")}`);
    expect(mismatches, `mismatches (path, role × target, expected, got):\n${mismatches.join("\n")}\n`).toEqual([]);
  }, 600_000);
});

export const timing = { build: 0, fingerprint: 0, call: 0 };

async function buildInput(declaration: Declaration, role: CallerRole, target: TargetName): Promise<unknown> {
  const mark = performance.now();
  const env: CallEnv = { w, role, target, s: w.stocks[target], p: w.places[target], fresh: w.fresh[target] };
  const input: unknown = await declaration.input?.(env);
  timing.build += performance.now() - mark;
  return input;
}

/** The caller's proxy: a session or a user of its own where the declaration asks (made before any fingerprint). */
async function callerFor(declaration: Declaration, role: CallerRole): Promise<unknown> {
  if (role === "anonymous") return w.t.caller(null).api;
  if (declaration.ownSession) return w.t.signInAgain(w.callers[role].user.id);
  if (declaration.ownUser) return (await w.t.signedInUser({ agencyId: w.places.own.agencyId, roles: [role], teamIds: [w.places.own.teamId] })).api;
  return w.callers[role].api;
}

async function callOnce(path: string, api: unknown, role: CallerRole, input: unknown) {
  const mark = performance.now();
  let answer: unknown;
  const error = await procedureAt(api, path)(input).then(
    (value) => {
      answer = value;
      return null;
    },
    (e: unknown) => e,
  );
  timing.call += performance.now() - mark;
  const got = observe(error);
  const leaked = error === null && role !== "anonymous" ? leaksIn(answer) : [];
  return { ...got, leaked };
}
/**
 * What of the other team's and the other agency's shared case an answer carries. The callers reach
 * neither (no break-glass grant is ever made for them), so nothing of either may come back.
 */
function leaksIn(answer: unknown): string[] {
  if (answer === undefined) return [];
  const text = JSON.stringify(answer) ?? "";
  const found: string[] = [];
  for (const target of ["otherTeam", "otherAgency"] as const) {
    const stock = w.stocks[target];
    const marks = { caseId: stock.caseId, caseNumber: stock.caseNumber, alias: stock.alias, legalName: w.places[target].legalName };
    for (const [name, value] of Object.entries(marks)) if (text.includes(value)) found.push(`${target} ${name}`);
  }
  return found;
}
