import autocannon from "autocannon";
import { percentiles, type LoadResult } from "./stats";

export interface HttpScenario {
  method: "GET" | "POST";
  /** A path for each request, chosen in turn (e.g. the case pages of several cases). */
  paths: string[];
  body?: (index: number) => string;
  headers: Record<string, string>;
}

/** Drives the running server over loopback with autocannon; latencies are kept per response for exact p95. */
export async function runHttpLoad(url: string, scenario: HttpScenario, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        headers: scenario.headers,
        requests: [
          {
            method: scenario.method,
            setupRequest: (request) => {
              const index = next++;
              const path = scenario.paths[index % scenario.paths.length] ?? "/";
              return { ...request, path, ...(scenario.body ? { body: scenario.body(index) } : {}) };
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 400) errors++;
      latencies.push(responseTime);
    });
  });
  const seconds = result.duration;
  return {
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
    seconds,
    perSecond: latencies.length / seconds,
    latency: percentiles(latencies),
  };
}
