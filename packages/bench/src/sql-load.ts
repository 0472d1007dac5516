import type { Sql } from "postgres";
import { percentiles, type LoadResult } from "./stats";

export interface Statement {
  query: string;
  params: unknown[];
}

/**
 * Replays the statements a procedure ran, straight through postgres.js, from `connections`
 * concurrent loops: the database's ceiling for the same work.
 */
export async function runSqlLoad(
  sql: Sql,
  variants: Statement[][],
  options: { connections: number; seconds: number; transactional: boolean },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const replay = async (statements: Statement[]) => {
    const run = async (client: Sql) => {
      // Prepared, as the application's client does (see createDb in @lentera/db).
      for (const statement of statements) await client.unsafe(statement.query, statement.params as never[], { prepare: true });
    };
    if (options.transactional) await sql.begin((tx) => run(tx as unknown as Sql));
    else await run(sql);
  };
  const worker = async () => {
    while (performance.now() < deadline) {
      const statements = variants[next++ % variants.length] ?? [];
      const started = performance.now();
      try {
        await replay(statements);
        latencies.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { requests: latencies.length, errors, seconds, perSecond: latencies.length / seconds, latency: percentiles(latencies) };
}
