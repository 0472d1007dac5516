/**
 * A small tRPC client over real HTTP (fetch on 127.0.0.1), for the attack tests: it shows every
 * status code and header, which tRPC's own client hides, and speaks the wire format the web app
 * speaks (superjson's envelope, the CSRF header, the session cookie).
 */
import type { LenteraServer } from "../src/server";
import { SESSION_COOKIE } from "../src/server";

export interface TrpcError {
  code: string;
  httpStatus: number;
  message: string;
  domainCode: string | null;
  domainDetails: unknown;
}

export interface TrpcAnswer<T = unknown> {
  status: number;
  data: T | undefined;
  error: TrpcError | undefined;
  /** The session token the answer set, if any ("" when it cleared the cookie). */
  sessionToken: string | undefined;
  ms: number;
}

export interface CallOptions {
  /** The raw session token to send as the cookie. */
  token?: string | null | undefined;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** superjson's envelope: JSON plus the paths of the values JSON cannot carry (only dates here). */
function encode(input: unknown): { json: unknown; meta?: { values: Record<string, string[]>; v: 1 } } {
  const values: Record<string, string[]> = {};
  const walk = (value: unknown, path: string[]): unknown => {
    if (value instanceof Date) {
      values[path.join(".")] = ["Date"];
      return value.toISOString();
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, String(index)]));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]));
    }
    return value;
  };
  const json = walk(input, []);
  return Object.keys(values).length > 0 ? { json, meta: { values, v: 1 } } : { json };
}

function sessionTokenOf(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    if (pair?.startsWith(`${SESSION_COOKIE}=`)) return decodeURIComponent(pair.slice(SESSION_COOKIE.length + 1));
  }
  return undefined;
}

async function answerOf<T>(response: Response, started: number): Promise<TrpcAnswer<T>> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's or a framework's page): the status says enough.
  }
  const envelope = body as { result?: { data?: { json?: T } }; error?: { json?: { message: string; data?: Partial<TrpcError> } } } | undefined;
  const errorJson = envelope?.error?.json;
  return {
    status: response.status,
    data: envelope?.result?.data?.json,
    error: errorJson
      ? {
          code: errorJson.data?.code ?? "",
          httpStatus: errorJson.data?.httpStatus ?? response.status,
          message: errorJson.message,
          domainCode: errorJson.data?.domainCode ?? null,
          domainDetails: errorJson.data?.domainDetails ?? null,
        }
      : undefined,
    sessionToken: sessionTokenOf(response),
    ms: Date.now() - started,
  };
}

export function trpcClient(baseUrl: string) {
  const headersFor = (options: CallOptions, extra: Record<string, string>) => ({
    ...extra,
    ...(options.token ? { cookie: `${SESSION_COOKIE}=${encodeURIComponent(options.token)}` } : {}),
    ...options.headers,
  });
  /** A fetch that cannot hang a test: a network failure or a timeout is status 0. */
  const send = async <T>(url: string, init: RequestInit, options: CallOptions): Promise<TrpcAnswer<T>> => {
    const started = Date.now();
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
      return await answerOf<T>(response, started);
    } catch {
      return { status: 0, data: undefined, error: undefined, sessionToken: undefined, ms: Date.now() - started };
    }
  };
  return {
    baseUrl,
    mutation: <T = unknown>(path: string, input: unknown, options: CallOptions = {}) =>
      send<T>(
        `${baseUrl}/trpc/${path}`,
        {
          method: "POST",
          body: JSON.stringify(encode(input)),
          headers: headersFor(options, { "content-type": "application/json", "x-lentera-csrf": "1" }),
        },
        options,
      ),
    query: <T = unknown>(path: string, input: unknown, options: CallOptions = {}) =>
      send<T>(
        `${baseUrl}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(encode(input)))}`}`,
        { method: "GET", headers: headersFor(options, {}) },
        options,
      ),
    /** Anything else (a hand-made cross-site request). */
    raw: (path: string, init: RequestInit, options: CallOptions = {}) =>
      send(`${baseUrl}${path}`, { ...init, headers: headersFor(options, (init.headers ?? {}) as Record<string, string>) }, options),
  };
}

export type TrpcClient = ReturnType<typeof trpcClient>;

/** Listens on a free port of the loopback interface and returns the base URL. */
export async function listenOnLoopback(server: LenteraServer): Promise<string> {
  return server.app.listen({ port: 0, host: "127.0.0.1" });
}

/** Signs in over HTTP and returns the session token, failing loudly otherwise. */
export async function signInToken(client: TrpcClient, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const answer = await client.mutation("auth.signIn", { email, password }, { headers });
  if (answer.status !== 200 || !answer.sessionToken) throw new Error(`sign-in failed with ${answer.status}`);
  return answer.sessionToken;
}

/** Counts of each status code, for the printed figures. */
export function statusCounts(answers: readonly { status: number }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[String(answer.status)] = (counts[String(answer.status)] ?? 0) + 1;
  return counts;
}
