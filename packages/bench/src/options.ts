import { parseArgs } from "node:util";

/** The bench's settings: flags first, then the environment, then defaults. */
export function benchOptions(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: "string", default: "100000" },
      seed: { type: "string", default: "2026" },
      seconds: { type: "string", default: "5" },
      rounds: { type: "string", default: "3" },
      connections: { type: "string", default: "16" },
      force: { type: "boolean", default: false },
      out: { type: "string" },
      only: { type: "string" },
    },
    allowPositionals: false,
  });
  const int = (name: string, raw: string | undefined, min: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return value;
  };
  return {
    cases: int("cases", values.cases, 1),
    seed: int("seed", values.seed, 0),
    seconds: int("seconds", values.seconds, 1),
    rounds: int("rounds", values.rounds, 1),
    connections: int("connections", values.connections, 1),
    force: values.force ?? false,
    out: values.out,
    /** Run only the scenarios whose name contains this text (the empty procedure always runs: it is the ratio's base). */
    only: values.only,
    databaseUrl: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/lentera_bench",
  };
}

/** Refuses to wipe a database whose name does not say it is for benchmarks. */
export function assertBenchDatabase(url: string, force: boolean): void {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes("bench") && !force) {
    throw new Error(`refusing to reset "${name}": the bench database's name must contain "bench" (or pass --force)`);
  }
}
