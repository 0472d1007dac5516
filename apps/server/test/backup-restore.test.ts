/**
 * The backup procedure of the README ("Backups and restore"), run for real: a database of its own,
 * migrated and filled through the server and the API (the demo agency with its cases, plus a row for
 * every table the demo leaves empty), `pg_dump --format=custom`, a fresh database,
 * `pg_restore --no-owner --exit-on-error --single-transaction`, then every table compared by row
 * count and a digest of its rows, the sequences, triggers, policies and grants, and the server
 * started on the restored copy reading a case. Postgres only: PGlite has no pg_dump.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { appRouter, createCallerFactory, createContext, defaultApiSettings, type ApiDeps } from "@lentera/api";
import { TestCookieJar, testKeyring } from "@lentera/api/testing";
import { createDb, DEMO_PASSWORD, queryRows, sql, verifyAuditChains, type DbHandle } from "@lentera/db";
import { testDatabaseUrl } from "@lentera/db/testing";
import { RECOVERY_INSTRUMENT, utcDate } from "@lentera/domain";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "../src/env";
import { createServer, SESSION_COOKIE, type LenteraServer } from "../src/server";

const exec = promisify(execFile);
const baseUrl = testDatabaseUrl();
const suffix = `${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
const sourceName = `lentera_backup_src_${suffix}`;
const restoredName = `lentera_backup_dst_${suffix}`;
/** The URL of another database on the server of TEST_DATABASE_URL. */
function urlOf(database: string): string {
  const url = new URL(baseUrl ?? "postgres://127.0.0.1/");
  url.pathname = `/${database}`;
  return url.toString();
}
const quoteIdent = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
// The demo's legal name: sealed in the database, so never in the dump's text.
const ANI_LEGAL_NAME = "Ani Demo Rahayu";

const env = parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", LENTERA_WEB_DIST: "/nonexistent", SIGN_IN_RATE_LIMIT_PER_MINUTE: "1000" });

interface TableFingerprint {
  table: string;
  rows: number;
  digest: string;
}

/** Every base table outside the catalogs, with its row count and an md5 of its rows as text, in text order. */
async function fingerprints(handle: DbHandle): Promise<TableFingerprint[]> {
  const tables = await queryRows<{ schema: string; name: string }>(
    handle.db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`,
  );
  const result: TableFingerprint[] = [];
  for (const { schema, name } of tables) {
    const [row] = await queryRows<{ rows: number; digest: string }>(
      handle.db,
      sql.raw(
        `select count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as digest
         from ${quoteIdent(schema)}.${quoteIdent(name)} t`,
      ),
    );
    result.push({ table: `${schema}.${name}`, rows: row?.rows ?? 0, digest: row?.digest ?? "" });
  }
  return result;
}

/** What a restore must bring back besides the rows: sequences, triggers, policies, row security and grants. */
async function objects(handle: DbHandle) {
  const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(handle.db, query);
  return {
    sequences: await rows(sql`select schemaname || '.' || sequencename as name, last_value::text as value from pg_sequences order by 1`),
    triggers: await rows(sql`select tgrelid::regclass::text as tbl, tgname as name, tgenabled::text as enabled from pg_trigger where not tgisinternal order by 1, 2`),
    policies: await rows(sql`select tablename as tbl, policyname as name, cmd, roles::text, qual, with_check from pg_policies order by 1, 2`),
    tables: await rows(
      sql`select relname as name, relrowsecurity as rls, relforcerowsecurity as forced, coalesce(relacl::text, '') as grants
          from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'S', 'v', 'm') order by 1`,
    ),
    functions: await rows(sql`select p.oid::regprocedure::text as name, md5(p.prosrc) as body from pg_proc p where p.pronamespace = 'public'::regnamespace order by 1`),
  };
}

async function idOf(handle: DbHandle, query: ReturnType<typeof sql>): Promise<string> {
  const [row] = await queryRows<{ id: string }>(handle.db, query);
  if (!row) throw new Error("expected a row of the demo data");
  return row.id;
}

const createCaller = createCallerFactory(appRouter);

/**
 * Fills what the demo leaves empty, through the API as the demo's users would: an item found
 * online with its takedown request, evidence and the legal process on Ani's case; a referral with
 * her referral consent; Sari's follow-up; the supervisor's review of the positive screen and the
 * counselor's addendum; a calendar feed, a catalog entry, an agency instrument and the
 * administrator's two-factor enrolment with its recovery codes.
 */
async function fillTheRest(handle: DbHandle): Promise<void> {
  const deps: ApiDeps = {
    db: handle.db,
    keyring: testKeyring,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    clock: () => new Date(),
    settings: defaultApiSettings,
  };
  async function as(email: string) {
    const jar = new TestCookieJar();
    const request = { requestId: randomUUID(), ip: "127.0.0.1", cookies: jar };
    await createCaller(createContext(deps, { ...request, sessionToken: null })).auth.signIn({ email, password: DEMO_PASSWORD });
    return createCaller(createContext(deps, { ...request, sessionToken: jar.token }));
  }
  const today = utcDate(new Date());
  const ani = await idOf(handle, sql`select cases.id from cases join clients on clients.id = cases.client_id where clients.alias = 'Ani'`);
  const sari = await idOf(handle, sql`select cases.id from cases join clients on clients.id = cases.client_id where clients.alias = 'Sari'`);
  const legalAid = await idOf(handle, sql`select id from partners where kind = 'legal_aid' limit 1`);

  const worker = await as("social.worker@example.org");
  const item = await worker.onlineHarm.recordItem({
    caseId: ani,
    kind: "intimate_image",
    platformKind: "social_media",
    platformName: "PhotoShare",
    locator: "https://photoshare.example/p/backup-test",
    foundOn: today,
    foundBy: "survivor",
  });
  await worker.onlineHarm.requestTakedown({ itemId: item.id, channel: "platform_report_form", reportedOn: today, reference: "TS-4821" });
  const screenshot = createHash("sha256").update("the screenshot of the post").digest("hex");
  await worker.onlineHarm.recordEvidence({ caseId: ani, kind: "collected", itemId: item.id, description: "Screenshot of the post", sha256: screenshot, on: today });
  await worker.onlineHarm.saveLegalProcess({ caseId: ani, version: 0, policeReportNumber: "LP/4821/XII/2026", stage: "reported", stageOn: today });
  await worker.cases.consents.record({ caseId: ani, scope: "referral", givenBy: "guardian", givenOn: today });
  await worker.referrals.send({
    caseId: ani,
    partnerId: legalAid,
    services: ["legal_aid"],
    reason: "Needs a lawyer for the police report",
    urgency: "soon",
    shared: ["alias", "age_group", "sex", "harm_types", "risk_level"],
  });
  const { followUps } = await worker.followUps.byCase({ caseId: sari });
  await worker.followUps.record({ caseId: sari, dueOn: followUps[0]?.dueOn ?? "", outcome: "doing_well", note: "Back at school, living with her aunt." });

  const supervisor = await as("supervisor@example.org");
  const [screen] = (await supervisor.supervision.queue()).positiveScreens;
  if (!screen) throw new Error("the demo has a positive screen");
  await supervisor.supervision.reviewScreening({ screeningId: screen.id, note: "Discussed in supervision" });
  await supervisor.milestones.addCatalogEntry({ domain: "livelihood", label: { en: "Opened a bank account", id: "Membuka rekening bank", vi: "Mở tài khoản ngân hàng" } });

  const counselor = await as("counselor@example.org");
  await counselor.sessions.addAddendum({ noteId: screen.noteId, body: "She called the next day: the contact has stopped." });
  await counselor.appointments.feed.create();

  const admin = await as("admin@example.org");
  await admin.outcomes.createInstrument({ definition: { ...RECOVERY_INSTRUMENT, code: "stage-of-change", domains: RECOVERY_INSTRUMENT.domains.slice(0, 1) } });
  // The administrator turns two-factor sign-in on (the demo agency does not require it): recovery codes.
  const { manualKey } = await admin.auth.twoFactor.beginEnrolment();
  await admin.auth.twoFactor.confirmEnrolment({ code: totpNow(manualKey.replace(/\s+/g, "")) });
}

/** The current code of an authenticator app for a base32 key (RFC 6238: SHA-1, 30 s, 6 digits). */
function totpNow(base32: string): string {
  const bits = [...base32].map((char) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(char).toString(2).padStart(5, "0")).join("");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** The database's message for a refused statement (drizzle wraps it as the cause). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    return cause instanceof Error ? cause.message : String(error);
  }
  return "not refused";
}

async function pgMajor(binary: string): Promise<number> {
  const { stdout } = await exec(binary, ["--version"]);
  const major = /\(PostgreSQL\) (\d+)/.exec(stdout)?.[1];
  if (!major) throw new Error(`cannot read the version of ${binary}: ${stdout}`);
  return Number(major);
}

let admin: DbHandle | undefined;
let source: DbHandle | undefined;
let restored: DbHandle | undefined;
let server: LenteraServer | undefined;
let workDir: string | undefined;

afterAll(async () => {
  await server?.app.close();
  await source?.close();
  await restored?.close();
  if (admin) {
    for (const name of [sourceName, restoredName]) {
      await admin.db.execute(sql.raw(`drop database if exists ${quoteIdent(name)} with (force)`));
    }
    await admin.close();
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("backup and restore on Postgres", () => {
  it("restores a pg_dump into a fresh database and finds every row", { timeout: 180_000 }, async (context) => {
    if (!baseUrl) context.skip("Postgres only: set TEST_DATABASE_URL (CI's Postgres step does) to run pg_dump and pg_restore");
    admin = await createDb({ databaseUrl: baseUrl, maxConnections: 1 });

    // pg_dump reads servers of its own major version and older; required, never skipped, with a URL.
    const [server_] = await queryRows<{ version: number }>(admin.db, sql`select current_setting('server_version_num')::int / 10000 as version`);
    const serverMajor = server_?.version ?? 0;
    for (const binary of ["pg_dump", "pg_restore"]) {
      expect(await pgMajor(binary), `${binary} on PATH must be at least the server's major version ${serverMajor}`).toBeGreaterThanOrEqual(serverMajor);
    }

    await admin.db.execute(sql.raw(`create database ${quoteIdent(sourceName)}`));
    source = await createDb({ databaseUrl: urlOf(sourceName), maxConnections: 2 });
    // Migrates and seeds the demo agency with its cases through the API, as `npm start` does.
    const seeding = await createServer({ env, db: source, keyring: testKeyring });
    await seeding.app.close();
    await fillTheRest(source);

    const before = await fingerprints(source);
    // Every table holds a row, so a new table is covered (or this names it).
    expect(before.filter((table) => table.rows === 0).map((table) => table.table)).toEqual([]);
    expect(before.map((table) => table.table)).toContain("drizzle.__drizzle_migrations");
    const objectsBefore = await objects(source);
    await source.close();
    source = undefined;

    workDir = await mkdtemp(join(tmpdir(), "lentera-backup-"));
    const dumpFile = join(workDir, "lentera.dump");
    // The README's commands.
    await exec("pg_dump", ["--format=custom", `--file=${dumpFile}`, `--dbname=${urlOf(sourceName)}`]);
    await admin.db.execute(sql.raw(`create database ${quoteIdent(restoredName)}`));
    await exec("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", `--dbname=${urlOf(restoredName)}`, dumpFile]);

    // Identifying data is in the dump only as ciphertext.
    const { stdout: dumpText } = await exec("pg_restore", ["--data-only", "--file=-", dumpFile], { maxBuffer: 256 * 1024 * 1024 });
    expect(dumpText).toContain("Ani");
    expect(dumpText).not.toContain(ANI_LEGAL_NAME);

    restored = await createDb({ databaseUrl: urlOf(restoredName), maxConnections: 2 });
    const after = await fingerprints(restored);
    expect(after).toEqual(before);
    expect(await objects(restored)).toEqual(objectsBefore);
    const rowsCompared = after.reduce((sum, table) => sum + table.rows, 0);
    console.log(`backup-restore: ${after.length} tables compared, ${rowsCompared} rows compared`);

    // `npm run audit:verify` on the copy: every chain intact, ending at the source's heads.
    const chains = await verifyAuditChains(restored.db);
    expect(chains.length).toBeGreaterThan(0);
    expect(chains.filter((chain) => chain.broken !== null)).toEqual([]);

    // The audit trail is still append-only.
    expect(await refusal(restored.db.execute(sql`update audit_events set action = action where id = (select min(id) from audit_events)`))).toMatch(/append-only/);
    expect(await refusal(restored.db.execute(sql`delete from audit_events where id = (select min(id) from audit_events)`))).toMatch(/append-only/);

    // The server starts on the restored copy (its migrations are a no-op), signs in and reads Ani's case.
    const auditState = sql`select max(id)::text as id, count(*)::int as events, max(chain_seq)::int as seq from audit_events`;
    const [lastAudit] = await queryRows<{ id: string; events: number; seq: number | null }>(restored.db, auditState);
    server = await createServer({ env: { ...env, LENTERA_SEED_DEMO: false }, db: restored, keyring: testKeyring });
    const migrations = after.find((table) => table.table === "drizzle.__drizzle_migrations");
    expect((await fingerprints(restored)).find((table) => table.table === "drizzle.__drizzle_migrations")).toEqual(migrations);
    const signIn = await server.app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      payload: JSON.stringify({ json: { email: "social.worker@example.org", password: DEMO_PASSWORD } }),
      headers: { "content-type": "application/json", "x-lentera-csrf": "1" },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = String(signIn.headers["set-cookie"]).split(";")[0] ?? "";
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    const caseId = await idOf(restored, sql`select cases.id from cases join clients on clients.id = cases.client_id where clients.alias = 'Ani'`);
    const input = encodeURIComponent(JSON.stringify({ json: { caseId } }));
    const overview = await server.app.inject({ url: `/trpc/cases.byId?input=${input}`, headers: { cookie } });
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({ result: { data: { json: { id: caseId, client: { alias: "Ani" } } } } });
    // The same keys open the restored ciphertext.
    const identity = await server.app.inject({
      method: "POST",
      url: "/trpc/cases.revealIdentity",
      payload: JSON.stringify({ json: { caseId } }),
      headers: { "content-type": "application/json", "x-lentera-csrf": "1", cookie },
    });
    expect(identity.statusCode).toBe(200);
    expect(JSON.stringify(identity.json())).toContain(ANI_LEGAL_NAME);

    // New audit events (the sign-in, the reveal) continue the identity sequence: no collision.
    const [newest] = await queryRows<{ id: string; events: number; seq: number | null }>(restored.db, auditState);
    expect(BigInt(newest?.id ?? "0")).toBeGreaterThan(BigInt(lastAudit?.id ?? "0"));
    expect(newest?.events ?? 0).toBeGreaterThanOrEqual((lastAudit?.events ?? 0) + 2);
    // And the tamper-evident chain goes on from its restored head (migration 0014).
    if (lastAudit?.seq != null) expect(newest?.seq ?? 0).toBeGreaterThan(lastAudit.seq);
    expect((await verifyAuditChains(restored.db)).filter((chain) => chain.broken !== null)).toEqual([]);
  });
});
