/*
 * npm run bench [-- --seconds 10 --connections 16]: starts the real server on the bench database,
 * drives the hottest procedures over loopback as signed-in users, and measures beside them the
 * empty authenticated procedure (the framework's ceiling) and the same SQL replayed through
 * postgres.js (the database's ceiling). Prints a Markdown report (and writes it with --out).
 */
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { appRouter, createCallerFactory, createContext, defaultApiSettings } from "@lentera/api";
import { createDb, queryRows, sql } from "@lentera/db";
import { startServerProcess } from "@lentera/server/process";
import { runHttpLoad, type HttpScenario } from "./http-load";
import { runSqlLoad, type Statement } from "./sql-load";
import { median, type LoadResult } from "./stats";
import { BENCH_PASSWORD, benchKeyEnv, benchKeyring } from "./keys";
import { benchOptions } from "./options";

const options = benchOptions();
const keyring = benchKeyring(options.seed);
const createCaller = createCallerFactory(appRouter);

// 1. Who to be: the busiest social worker of the first agency, their team's supervisor.
const probe = await createDb({ databaseUrl: options.databaseUrl, maxConnections: 2 });
const [worker] = await queryRows<{ id: string; email: string; team_id: string; n: number }>(
  probe.db,
  sql`select u.id, u.email, tm.team_id, count(*)::int as n from case_care_team ct
      join users u on u.id = ct.user_id join team_memberships tm on tm.user_id = u.id
      where ct.role = 'primary_social_worker' group by u.id, u.email, tm.team_id order by n desc limit 1`,
);
if (!worker) throw new Error("the bench database is empty: run `npm run bench:seed` first");
const [supervisor] = await queryRows<{ email: string }>(
  probe.db,
  sql`select u.email from users u join team_memberships tm on tm.user_id = u.id
      where tm.team_id = ${worker.team_id} and 'supervisor' = any(u.roles) limit 1`,
);
const workerCases = (
  await queryRows<{ id: string; alias: string; status: string }>(
    probe.db,
    sql`select c.id, cl.alias, c.status from cases c join clients cl on cl.id = c.client_id
        join case_care_team ct on ct.case_id = c.id where ct.user_id = ${worker.id} order by c.opened_at desc limit 40`,
  )
).map((row) => ({ id: row.id, alias: row.alias, open: row.status !== "closed" }));
// The counselor of the worker's team with the fullest diary, for the calendar week.
const [counselor] = await queryRows<{ email: string }>(
  probe.db,
  sql`select u.email from users u join team_memberships tm on tm.user_id = u.id
      left join appointments a on a.staff_user_id = u.id
      where tm.team_id = ${worker.team_id} and 'counselor' = any(u.roles)
      group by u.id, u.email order by count(a.id) desc limit 1`,
);
// Reads and writes touch different cases: consents written during the run must not pile up on the
// cases whose overview is measured (an early run did that and measured 2,000-consent pages).
const readCases = workerCases.slice(0, 20);
const writeCases = workerCases.slice(20);
const [caseTotal] = await queryRows<{ n: number }>(probe.db, sql`select count(*)::int as n from cases`);
await probe.close();
if (!supervisor || !counselor || workerCases.length === 0) throw new Error("no supervisor, counselor or cases for the bench worker");
const bookingCase = writeCases.find((c) => c.open) ?? readCases.find((c) => c.open);
if (!bookingCase) throw new Error("no open case to book appointments on");
const searchTerm = workerCases[0]?.alias.slice(0, 2) ?? "a";

// 2. The real server, as in production.
const server = await startServerProcess({
  NODE_ENV: "production",
  DATABASE_URL: options.databaseUrl,
  DATABASE_POOL_SIZE: String(options.connections),
  LOG_LEVEL: "warn",
  SIGN_IN_RATE_LIMIT_PER_MINUTE: "10000",
  ...benchKeyEnv(keyring),
});

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${server.url}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-lentera-csrf": "1" },
    body: JSON.stringify({ json: { email, password: BENCH_PASSWORD } }),
  });
  const token = /lentera_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!response.ok || !token) throw new Error(`sign-in failed for a bench user (${response.status})`);
  return token;
}
const tokens = { worker: await signIn(worker.email), supervisor: await signIn(supervisor.email), counselor: await signIn(counselor.email) };

// 3. Record the exact statements each procedure runs (second call: the session touch is done).
const captured: Statement[] = [];
let capturing = false;
const recorder = await createDb({
  databaseUrl: options.databaseUrl,
  maxConnections: 2,
  logger: { logQuery: (query, params) => void (capturing && captured.push({ query, params })) },
});
type Caller = ReturnType<typeof createCaller>;
function callerFor(token: string): Caller {
  return createCaller(
    createContext(
      { db: recorder.db, keyring, settings: defaultApiSettings, clock: () => new Date(), logger: { info: () => undefined, warn: () => undefined, error: () => undefined } },
      { requestId: randomUUID(), ip: "127.0.0.1", sessionToken: token, cookies: { set: () => undefined, clear: () => undefined } },
    ),
  );
}
async function capture(call: (api: Caller) => Promise<unknown>, token: string): Promise<Statement[]> {
  const api = callerFor(token);
  await call(api);
  captured.length = 0;
  capturing = true;
  await call(api);
  capturing = false;
  return captured.splice(0);
}

interface Scenario {
  name: string;
  role: string;
  token: string;
  /** One entry per variant (e.g. per case), each a call and its HTTP request. */
  variants: { call: (api: Caller) => Promise<unknown>; path: string; body?: string }[];
  method: "GET" | "POST";
  transactional?: boolean;
  raw: boolean;
  /** A request body per request index, when each request must differ (bookings of distinct hours). */
  bodyFor?: (index: number) => string;
}

const query = (path: string, input: unknown) => `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
/** superjson's wire form of an input whose `dates` fields are Dates. */
const withDates = (input: Record<string, unknown>, dates: readonly string[]) =>
  JSON.stringify({ json: input, meta: { values: Object.fromEntries(dates.map((key) => [key, ["Date"]])) } });
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// This week, Monday to Monday (UTC), as a counselor's calendar opens.
const weekStart = new Date(Math.floor((Date.now() - ((new Date().getUTCDay() + 6) % 7) * DAY_MS) / DAY_MS) * DAY_MS);
const weekInput = { from: weekStart, to: new Date(weekStart.getTime() + 7 * DAY_MS) };
const weekPath = `/trpc/appointments.calendar?input=${encodeURIComponent(withDates({ from: weekInput.from.toISOString(), to: weekInput.to.toISOString() }, ["from", "to"]))}`;
// Bookings take distinct hours two years ahead, one per request across every round, so none clashes.
// An earlier run on the same database left its bookings: start after the worker's last one.
const [lastBooked] = await queryRows<{ ends_ms: number | null }>(
  recorder.db,
  sql`select (extract(epoch from max(ends_at)) * 1000)::float8 as ends_ms from appointments where staff_user_id = ${worker.id}::uuid`,
);
const bookingBase = Math.ceil(Math.max(Date.now() + 730 * DAY_MS, Number(lastBooked?.ends_ms ?? 0)) / HOUR_MS) * HOUR_MS;
let bookings = 0;
const bookingBody = () => {
  const startsAt = new Date(bookingBase + bookings++ * HOUR_MS);
  const input = { caseId: bookingCase.id, staffUserId: worker.id, kind: "counseling", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR_MS).toISOString() };
  return withDates(input, ["startsAt", "endsAt"]);
};
const scenarios: Scenario[] = [
  { name: "empty authenticated procedure (system.ping)", role: "social worker", token: tokens.worker, method: "GET", raw: false, variants: [{ call: (api) => api.system.ping(), path: "/trpc/system.ping" }] },
  {
    name: "caseload: my cases (cases.list)", role: "social worker", token: tokens.worker, method: "GET", raw: true,
    variants: [{ call: (api) => api.cases.list({ scope: "mine", limit: 25 }), path: query("cases.list", { scope: "mine", limit: 25 }) }],
  },
  {
    name: "team cases (cases.list, team)", role: "supervisor", token: tokens.supervisor, method: "GET", raw: true,
    variants: [{ call: (api) => api.cases.list({ scope: "team", limit: 25 }), path: query("cases.list", { scope: "team", limit: 25 }) }],
  },
  {
    name: `case search (cases.list, "${searchTerm}")`, role: "supervisor", token: tokens.supervisor, method: "GET", raw: true,
    variants: [{ call: (api) => api.cases.list({ scope: "team", search: searchTerm, limit: 25 }), path: query("cases.list", { scope: "team", search: searchTerm, limit: 25 }) }],
  },
  {
    name: "case overview (cases.byId, audited read)", role: "social worker", token: tokens.worker, method: "GET", raw: true,
    variants: readCases.map((c) => ({ call: (api: Caller) => api.cases.byId({ caseId: c.id }), path: query("cases.byId", { caseId: c.id }) })),
  },
  {
    name: "plan view (plans.byCase)", role: "social worker", token: tokens.worker, method: "GET", raw: true,
    variants: readCases.map((c) => ({ call: (api: Caller) => api.plans.byCase({ caseId: c.id }), path: query("plans.byCase", { caseId: c.id }) })),
  },
  {
    name: "overdue reviews of the team (plans.overdueReviews)", role: "supervisor", token: tokens.supervisor, method: "GET", raw: true,
    variants: [{ call: (api) => api.plans.overdueReviews({ limit: 50 }), path: query("plans.overdueReviews", { limit: 50 }) }],
  },
  {
    name: "calendar week (appointments.calendar)", role: "counselor", token: tokens.counselor, method: "GET", raw: true,
    variants: [{ call: (api) => api.appointments.calendar({ ...weekInput, team: false, includeCancelled: false }), path: weekPath }],
  },
  {
    // Not replayed as raw SQL: replaying the same INSERT would book the same hour again and clash.
    name: "write: book an appointment (appointments.book)", role: "social worker", token: tokens.worker, method: "POST", raw: false, bodyFor: () => bookingBody(),
    variants: [{ call: () => Promise.resolve(null), path: "/trpc/appointments.book" }],
  },
  {
    name: "write: record a consent (cases.consents.record)", role: "social worker", token: tokens.worker, method: "POST", raw: true, transactional: true,
    variants: (writeCases.length > 0 ? writeCases : readCases).map((c) => {
      const input = { caseId: c.id, scope: "information_sharing" as const, givenBy: "client" as const, givenOn: "2026-01-15" };
      return { call: (api: Caller) => api.cases.consents.record(input), path: "/trpc/cases.consents.record", body: JSON.stringify({ json: input }) };
    }),
  },
];

// 4. Run: the machine is shared and noisy, so every measurement is repeated in rounds that
// alternate procedures and their SQL, and the median of the rounds is reported.
const raw = postgres(options.databaseUrl, { max: options.connections, onnotice: () => undefined });
const load = { connections: options.connections, seconds: options.seconds };
const prepared = [];
for (const scenario of scenarios) {
  // One variant at a time: the recorder collects whatever runs while it listens.
  const statementSets: Statement[][] = [];
  if (scenario.raw) for (const variant of scenario.variants) statementSets.push(await capture(variant.call, scenario.token));
  const http: HttpScenario = {
    method: scenario.method,
    paths: scenario.variants.map((variant) => variant.path),
    headers: { cookie: `lentera_session=${scenario.token}`, "x-lentera-csrf": "1", "content-type": "application/json" },
    ...(scenario.method === "POST" ? { body: scenario.bodyFor ?? ((index: number) => scenario.variants[index % scenario.variants.length]?.body ?? "{}") } : {}),
  };
  prepared.push({ scenario, http, statementSets, api: [] as LoadResult[], sql: [] as LoadResult[] });
}
for (let round = 1; round <= options.rounds; round++) {
  for (const entry of prepared) {
    process.stderr.write(`round ${round}/${options.rounds} ${entry.scenario.name}: API… `);
    entry.api.push(await runHttpLoad(server.url, entry.http, load));
    process.stderr.write(`${entry.api.at(-1)?.perSecond.toFixed(0)}/s`);
    if (entry.scenario.raw) {
      entry.sql.push(await runSqlLoad(raw, entry.statementSets, { ...load, transactional: entry.scenario.transactional ?? false }));
      process.stderr.write(`; SQL… ${entry.sql.at(-1)?.perSecond.toFixed(0)}/s`);
    }
    process.stderr.write("\n");
  }
}
const results = prepared.map((entry) => ({
  scenario: entry.scenario,
  api: median(entry.api),
  sql: entry.sql.length > 0 ? median(entry.sql) : null,
  statements: entry.statementSets[0]?.length ?? 0,
}));
const peakRss = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1];
await raw.end();
await recorder.close();
const exitCode = await server.stop();

// 5. Report.
const empty = results[0]?.api.perSecond ?? Number.NaN;
const ms = (value: number) => value.toFixed(1);
const lat = (result: LoadResult) => `${ms(result.latency.p50)} / ${ms(result.latency.p95)} / ${ms(result.latency.p99)}`;
const lines = [
  `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version};`,
  `${caseTotal?.n ?? "?"} cases; ${options.connections} connections; median of ${options.rounds} rounds of ${options.seconds} s, procedures and SQL alternating; server peak RSS ${peakRss ? (Number(peakRss) / 1024).toFixed(0) : "?"} MiB; clean shutdown: ${exitCode === 0 ? "yes" : `no (${exitCode})`}.`,
  "",
  "| procedure | as | API req/s | ÷ empty | SQL/s (same statements) | API ÷ SQL | API p50 / p95 / p99 ms | SQL p50 / p95 / p99 ms | statements | errors |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...results.map(({ scenario, api, sql: direct, statements }) =>
    [
      scenario.name,
      scenario.role,
      api.perSecond.toFixed(0),
      (api.perSecond / empty).toFixed(2),
      direct ? direct.perSecond.toFixed(0) : "—",
      direct ? (api.perSecond / direct.perSecond).toFixed(2) : "—",
      lat(api),
      direct ? lat(direct) : "—",
      direct ? String(statements) : "—",
      String(api.errors + (direct?.errors ?? 0)),
    ].join(" | ").replace(/^/, "| ").concat(" |"),
  ),
];
const report = lines.join("\n");
console.log(report);
if (options.out) writeFileSync(options.out, `${report}\n`);
if (results.some((result) => result.api.errors > 0 || (result.sql?.errors ?? 0) > 0)) {
  console.error("some requests failed: see the errors column");
  process.exitCode = 1;
}
