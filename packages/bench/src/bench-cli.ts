/*
 * npm run bench [-- --seconds 10 --connections 16]: starts the real server on the bench database,
 * drives the hottest procedures over loopback as signed-in users, and measures beside them the
 * empty authenticated procedure (the framework's ceiling) and the same SQL replayed through
 * postgres.js (the database's ceiling). Prints a Markdown report (and writes it with --out).
 */
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import postgres from "postgres";
import { appRouter, createCallerFactory, createContext, defaultApiSettings } from "@lentera/api";
import { createDb, queryRows, sql } from "@lentera/db";
import { startServerProcess } from "@lentera/server/process";
import { runHttpLoad, type HttpScenario } from "./http-load";
import { runSqlLoad, type Statement } from "./sql-load";
import { median, percentiles, type LoadResult } from "./stats";
import { BENCH_PASSWORD, benchKeyEnv, benchKeyring } from "./keys";
import { benchOptions } from "./options";

const options = benchOptions();
const keyring = benchKeyring(options.seed);
const createCaller = createCallerFactory(appRouter);

// 1. Who to be: the busiest social worker of an agency that requires milestone verification (so
// that their supervisor's My work has achievements to verify), their team's supervisor.
const probe = await createDb({ databaseUrl: options.databaseUrl, maxConnections: 2 });
const [worker] = await queryRows<{ id: string; email: string; team_id: string; n: number }>(
  probe.db,
  sql`select u.id, u.email, tm.team_id, count(*)::int as n from case_care_team ct
      join users u on u.id = ct.user_id join team_memberships tm on tm.user_id = u.id join agencies ag on ag.id = u.agency_id
      where ct.role = 'primary_social_worker' group by u.id, u.email, tm.team_id, ag.milestone_verification_required
      order by ag.milestone_verification_required desc, n desc limit 1`,
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
// My work of a counselor: the counselor of the worker's team with the most open cases to counsel.
const [caseloadCounselor] = await queryRows<{ email: string }>(
  probe.db,
  sql`select u.email from users u join team_memberships tm on tm.user_id = u.id
      join case_care_team ct on ct.user_id = u.id and ct.role = 'counselor' join cases c on c.id = ct.case_id and c.status <> 'closed'
      where tm.team_id = ${worker.team_id} and 'counselor' = any(u.roles)
      group by u.id, u.email order by count(*) desc, u.email limit 1`,
);
// Reads and writes touch different cases: consents written during the run must not pile up on the
// cases whose overview is measured (an early run did that and measured 2,000-consent pages).
const readCases = workerCases.slice(0, 20);
const writeCases = workerCases.slice(20);
const [caseTotal] = await queryRows<{ n: number }>(probe.db, sql`select count(*)::int as n from cases`);
// Session notes are read and written by the counselor on the case's care team (a clinical reader):
// for each set of cases, the counselor who is on most of them. Notes are written on open cases only.
const caseCounselors = await queryRows<{ case_id: string; user_id: string; email: string }>(
  probe.db,
  sql`select ct.case_id, ct.user_id, u.email from case_care_team ct join users u on u.id = ct.user_id
      where ct.role = 'counselor' and ct.case_id in ${sql`(${sql.join(workerCases.map((c) => sql`${c.id}::uuid`), sql`, `)})`}`,
);
// The agency-wide dashboard is measured as a supervisor of the worker's agency granted it (a setting;
// the bench database is the bench's own).
await probe.db.execute(
  sql`update agencies set agency_wide_dashboard_roles = '{supervisor}' where id = (select agency_id from users where id = ${worker.id}::uuid)`,
);
await probe.close();
if (!supervisor || !counselor || !caseloadCounselor || workerCases.length === 0) throw new Error("no supervisor, counselor or cases for the bench worker");
function counselorOf(someCases: readonly { id: string }[]) {
  const onCases = caseCounselors.filter((row) => someCases.some((c) => c.id === row.case_id));
  const tally = new Map<string, number>();
  for (const row of onCases) tally.set(row.user_id, (tally.get(row.user_id) ?? 0) + 1);
  const best = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const email = onCases.find((row) => row.user_id === best)?.email;
  return best && email ? { id: best, email, cases: someCases.filter((c) => onCases.some((row) => row.case_id === c.id && row.user_id === best)) } : null;
}
const sessionReader = counselorOf(readCases);
// Drafts are written on the write cases when one of them is open and has a counselor, else on the read cases.
const sessionWriter = counselorOf(writeCases.filter((c) => c.open)) ?? counselorOf(readCases.filter((c) => c.open));
if (!sessionReader || !sessionWriter) throw new Error("no counselor on the bench worker's (open) cases: seed more cases");
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
const tokens = {
  worker: await signIn(worker.email),
  supervisor: await signIn(supervisor.email),
  counselor: await signIn(counselor.email),
  caseloadCounselor: await signIn(caseloadCounselor.email),
  sessionReader: await signIn(sessionReader.email),
  sessionWriter: await signIn(sessionWriter.email),
};

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
  /** Its own HTTP load, for requests that depend on earlier responses (see the draft saves). */
  load?: (options: { connections: number; seconds: number }) => Promise<LoadResult>;
}

const query = (path: string, input: unknown) => `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
/** superjson's wire form of an input whose `dates` fields are Dates. */
const withDates = (input: Record<string, unknown>, dates: readonly string[]) =>
  JSON.stringify({ json: input, meta: { values: Object.fromEntries(dates.map((key) => [key, ["Date"]])) } });
/** Six months to today (UTC days), as the dashboard opens. */
function dashboardFilter(agencyWide: boolean) {
  const today = new Date();
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 5, 1));
  return { agencyWide, from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
}
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

// Saving a draft names the version the counselor's form holds, and every save moves it up by one: a
// save naming a version another save has just moved past is refused (stale_version), and an error
// is not a save. So each draft takes part in at most one request at a time: a request takes an idle
// draft with its known version, and the response (the new version) returns the draft to the pool.
// The pool holds twice as many drafts as there are connections, so one is always idle. A draft is
// saved again and again with a fresh body, as a counselor's form saves while they type.
// The drafts are started through the API on the writer's cases, several per case when there are few
// cases, and discarded through the API when the run ends.
interface Draft {
  noteId: string;
  version: number;
  sessionDate: string;
}
const writerApi = callerFor(tokens.sessionWriter);
const draftCount = 2 * options.connections + 1;
const drafts: Draft[] = [];
for (let n = 0; n < draftCount; n++) {
  const target = sessionWriter.cases[n % sessionWriter.cases.length];
  if (!target) throw new Error("no case to write session notes on");
  const { noteId } = await writerApi.sessions.start({ caseId: target.id, appointmentId: null });
  drafts.push({ noteId, version: 0, sessionDate: "" });
}
/** The drafts' stored versions and dates: a run's unanswered last requests and the SQL replay move them. */
async function refreshDrafts(): Promise<void> {
  const rows = await queryRows<{ id: string; version: number; session_date: string }>(
    recorder.db,
    sql`select id, version, session_date::text from session_notes where id in ${sql`(${sql.join(drafts.map((d) => sql`${d.noteId}::uuid`), sql`, `)})`}`,
  );
  for (const row of rows) {
    const draft = drafts.find((d) => d.noteId === row.id);
    if (draft) Object.assign(draft, { version: row.version, sessionDate: row.session_date });
  }
}
await refreshDrafts();
let saves = 0;
const saveInput = (draft: Draft) => ({
  noteId: draft.noteId,
  version: draft.version,
  sessionDate: draft.sessionDate,
  durationMinutes: 50,
  modality: "in_person" as const,
  format: "dap" as const,
  sections: {
    data: `Bench save ${++saves}: the client arrived on time and talked about the week at school.`,
    assessment: "Calmer than last session; sleep still short.",
    plan: "Practise the breathing exercise daily; next session in one week.",
  },
  goalKeys: [],
  interventions: ["psychoeducation" as const, "relaxation_grounding" as const],
  nextStep: "Continue weekly sessions",
  riskCheck: { answers: { self_harm: false, suicidal_thoughts: false, exploiter_contact: false, unsafe_home: false, other: false }, otherDetail: null },
  screenings: [],
});
async function runDraftSaveLoad(load: { connections: number; seconds: number }): Promise<LoadResult> {
  await refreshDrafts();
  const idle = [...drafts];
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections: load.connections,
        duration: load.seconds,
        headers: { cookie: `lentera_session=${tokens.sessionWriter}`, "x-lentera-csrf": "1", "content-type": "application/json" },
        requests: [
          {
            method: "POST",
            path: "/trpc/sessions.save",
            // The context lives from this request's setup to its response (autocannon resets it
            // before the next request of a single-request sequence).
            setupRequest: (request, context) => {
              // Never empty while connections < drafts; if it were, the error column would show it.
              const draft = idle.shift() ?? drafts[0];
              if (!draft) throw new Error("no drafts");
              (context as { draft?: Draft }).draft = draft;
              return { ...request, body: JSON.stringify({ json: saveInput(draft) }) };
            },
            onResponse: (status, body, context) => {
              const draft = (context as { draft?: Draft }).draft;
              if (!draft) return;
              if (status < 400) draft.version = (JSON.parse(body) as { result: { data: { json: { version: number } } } }).result.data.json.version;
              idle.push(draft);
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
  return {
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
    seconds: result.duration,
    perSecond: latencies.length / result.duration,
    latency: percentiles(latencies),
  };
}

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
    name: "session list (sessions.byCase)", role: "counselor", token: tokens.sessionReader, method: "GET", raw: true,
    variants: sessionReader.cases.map((c) => ({ call: (api: Caller) => api.sessions.byCase({ caseId: c.id }), path: query("sessions.byCase", { caseId: c.id }) })),
  },
  {
    name: "calendar week (appointments.calendar)", role: "counselor", token: tokens.counselor, method: "GET", raw: true,
    variants: [{ call: (api) => api.appointments.calendar({ ...weekInput, team: false, includeCancelled: false }), path: weekPath }],
  },
  // My work: the home page of each role, derived at request time from many tables (its sections'
  // queries run concurrently in the API; the SQL replay runs them one after another).
  {
    name: "My work: social worker (myWork.get)", role: "social worker", token: tokens.worker, method: "GET", raw: true,
    variants: [{ call: (api) => api.myWork.get(), path: "/trpc/myWork.get" }],
  },
  {
    name: "My work: counselor (myWork.get)", role: "counselor", token: tokens.caseloadCounselor, method: "GET", raw: true,
    variants: [{ call: (api) => api.myWork.get(), path: "/trpc/myWork.get" }],
  },
  {
    name: "My work: supervisor (myWork.get)", role: "supervisor", token: tokens.supervisor, method: "GET", raw: true,
    variants: [{ call: (api) => api.myWork.get(), path: "/trpc/myWork.get" }],
  },
  {
    name: "My work counts (myWork.counts)", role: "social worker", token: tokens.worker, method: "GET", raw: true,
    variants: [{ call: (api) => api.myWork.counts(), path: "/trpc/myWork.counts" }],
  },
  // The supervisor dashboard: every figure of the supervised teams over six months, the same for the
  // whole agency, the list behind "overdue reviews", and the anonymized statistics.
  {
    name: "dashboard: supervised teams (dashboard.get)", role: "supervisor", token: tokens.supervisor, method: "GET", raw: true,
    variants: [{ call: (api) => api.dashboard.get({ filter: dashboardFilter(false) }), path: query("dashboard.get", { filter: dashboardFilter(false) }) }],
  },
  {
    name: "dashboard: whole agency (dashboard.get)", role: "supervisor", token: tokens.supervisor, method: "GET", raw: true,
    variants: [{ call: (api) => api.dashboard.get({ filter: dashboardFilter(true) }), path: query("dashboard.get", { filter: dashboardFilter(true) }) }],
  },
  {
    name: "dashboard list: overdue reviews (dashboard.list)", role: "supervisor", token: tokens.supervisor, method: "GET", raw: true,
    variants: [{ call: (api) => api.dashboard.list({ filter: dashboardFilter(false), list: "overdue_reviews" }), path: query("dashboard.list", { filter: dashboardFilter(false), list: "overdue_reviews" }) }],
  },
  {
    name: "anonymized statistics, whole agency (dashboard.statistics)", role: "supervisor", token: tokens.supervisor, method: "GET", raw: true,
    variants: [{ call: (api) => api.dashboard.statistics({ filter: dashboardFilter(true) }), path: query("dashboard.statistics", { filter: dashboardFilter(true) }) }],
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
  {
    // Replayed as raw SQL too: the save's UPDATE sets the version the API computed, by id, so the
    // same statements redo the same work (refreshDrafts then reads the versions back). One statement
    // set per draft, so that the replay loops, like the requests, mostly lock different rows.
    name: "write: save a note draft (sessions.save)", role: "counselor", token: tokens.sessionWriter, method: "POST", raw: true, transactional: true,
    load: runDraftSaveLoad,
    variants: drafts.map((draft) => ({
      call: async (api: Caller) => {
        draft.version = (await api.sessions.save(saveInput(draft))).version;
      },
      path: "/trpc/sessions.save",
    })),
  },
];

// 4. Run: the machine is shared and noisy, so every measurement is repeated in rounds that
// alternate procedures and their SQL, and the median of the rounds is reported.
const selected = options.only ? scenarios.filter((scenario, index) => index === 0 || scenario.name.includes(options.only ?? "")) : scenarios;
const raw = postgres(options.databaseUrl, { max: options.connections, onnotice: () => undefined });
const load = { connections: options.connections, seconds: options.seconds };
const prepared = [];
for (const scenario of selected) {
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
    entry.api.push(await (entry.scenario.load ? entry.scenario.load(load) : runHttpLoad(server.url, entry.http, load)));
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
// The drafts go as a counselor would throw them away (their start, saves and discard stay audited).
await refreshDrafts();
for (const draft of drafts) await writerApi.sessions.discard({ noteId: draft.noteId, version: draft.version });
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
