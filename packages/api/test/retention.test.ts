import { beforeAll, describe, expect, it } from "vitest";
import { and, auditEvents, caseOutcomeChanges, cases, eq, queryRows, sql } from "@lentera/db";
import { addDays } from "@lentera/domain";
import { decryptJson } from "../src/protect/field-crypto";
import { cliRunContext, runRetention } from "../src/retention/anonymize";
import { testKeyring } from "../src/testing";
import { dataRightsWorld, type DataRightsWorld } from "./data-rights-fixture";
import { expectCode } from "./expect-error";

let w: DataRightsWorld;
type Rich = Awaited<ReturnType<DataRightsWorld["richCase"]>>;
let due: Rich;
let recent: Rich;
let open: Rich;
let reopened: Rich;
let failing: Rich;

/** Closes the case through the workflow, then dates the closure `months` ago. */
async function closedMonthsAgo(rich: Rich, months: number) {
  await w.closeCase(rich.caseId);
  await w.t.db.execute(sql`update cases set closed_at = ${w.now().toISOString()}::timestamptz - make_interval(months => ${months}) where id = ${rich.caseId}::uuid`);
}

async function clientIdentity(caseId: string) {
  const [row] = await queryRows<{ id: string; identity_ciphertext: string }>(
    w.t.db,
    sql`select cl.id::text as id, cl.identity_ciphertext from clients cl join cases c on c.client_id = cl.id where c.id = ${caseId}::uuid`,
  );
  if (!row) throw new Error("no client");
  return { ciphertext: row.identity_ciphertext, identity: decryptJson(testKeyring, row.identity_ciphertext, row.id) as { legalName: string } };
}

const statisticsFilter = () => ({ filter: { from: addDays(w.today(), -30), to: w.today() } });

/** Every row of every table as text: what a copy of the database holds. */
async function databaseText(): Promise<string> {
  const tables = await queryRows<{ name: string }>(w.t.db, sql`select tablename as name from pg_tables where schemaname = 'public'`);
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await queryRows<{ row: string }>(w.t.db, sql`select t::text as row from ${sql.raw(`"${name}"`)} t`);
    parts.push(...rows.map((row) => row.row));
  }
  return parts.join("\n");
}

beforeAll(async () => {
  w = await dataRightsWorld();
  due = await w.richCase();
  recent = await w.richCase();
  open = await w.richCase();
  reopened = await w.richCase();
  failing = await w.richCase();
  await closedMonthsAgo(due, 61);
  await closedMonthsAgo(recent, 59);
  await closedMonthsAgo(reopened, 61);
  await w.sw.api.cases.reopen({ caseId: reopened.caseId, version: await w.versionOf(reopened.caseId), reason: "New contact from the family" });
}, 300_000);

describe("anonymization after the retention period", () => {
  it("is the administrators' only: everyone else is refused, another agency's administrator sees nothing of ours", async () => {
    for (const who of [w.sw, w.counselor, w.supervisor, w.supervisorB, w.breakGlassReader, w.outsider]) {
      await expectCode(who.api.admin.retention.preview(), "FORBIDDEN");
      await expectCode(who.api.admin.retention.run(), "FORBIDDEN");
    }
    const otherAdmin = await w.t.signedInUser({ agencyId: (await queryRows<{ id: string }>(w.t.db, sql`select agency_id::text as id from users where id = ${w.otherCounselor.user.id}::uuid`))[0]?.id ?? "", roles: ["admin"] });
    expect(await otherAdmin.api.admin.retention.preview()).toEqual({ retentionMonths: 60, caseNumbers: [] });
    expect((await otherAdmin.api.admin.retention.run()).anonymized).toEqual([]);
    expect((await clientIdentity(due.caseId)).identity.legalName).toBe(due.legalName);
  });

  it("anonymizes the case closed 61 months ago (not 59, not open, not reopened), keeps the statistics and outcome changes, and a rerun does nothing", async () => {
    // A case that fails half-way (a trigger refuses its referral) stays whole: one transaction per case.
    await closedMonthsAgo(failing, 61);
    const preview = await w.admin.api.admin.retention.preview();
    expect(preview).toEqual({ retentionMonths: 60, caseNumbers: [due.caseNumber, failing.caseNumber].sort() });

    const before = await w.supervisor.api.dashboard.statistics(statisticsFilter());
    const changesBefore = await w.t.db.select().from(caseOutcomeChanges).where(eq(caseOutcomeChanges.caseId, due.caseId));
    expect(changesBefore.length).toBeGreaterThan(0);
    const oldCiphertext = (await clientIdentity(due.caseId)).ciphertext;

    await w.t.db.execute(sql.raw(`create or replace function retention_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'refused for the test'; end $$`));
    await w.t.db.execute(sql.raw(`create trigger retention_test_refuse before update on referrals for each row
      when (old.case_id = '${failing.caseId}') execute function retention_test_refuse()`));
    const cli = await runRetention(w.t.db, testKeyring, cliRunContext(w.now), { userId: null, agencyId: w.agencyId });
    await w.t.db.execute(sql.raw(`drop trigger retention_test_refuse on referrals`));
    expect(cli.anonymized.map((entry) => entry.caseNumber)).toEqual([due.caseNumber]);
    expect(cli.failed.map((entry) => entry.caseNumber)).toEqual([failing.caseNumber]);
    const [failed] = await w.t.db.select().from(cases).where(eq(cases.id, failing.caseId));
    expect(failed?.anonymizedAt).toBeNull();
    expect((await clientIdentity(failing.caseId)).identity.legalName).toBe(failing.legalName);
    const failedNote = await w.counselor.api.sessions.get({ noteId: failing.noteId });
    expect(JSON.stringify(failedNote)).toContain(`Addendum about ${failing.legalName}`);

    // The administrator runs the rest: the failed case now goes through, audited.
    const run = await w.admin.api.admin.retention.run();
    expect(run.anonymized).toEqual([failing.caseNumber]);
    expect(await w.admin.api.admin.retention.preview()).toEqual({ retentionMonths: 60, caseNumbers: [] });
    expect((await w.admin.api.admin.retention.run()).anonymized).toEqual([]);
    // (Scoped to this agency: on a shared Postgres other files' cases must not be touched.)
    expect((await runRetention(w.t.db, testKeyring, cliRunContext(w.now), { userId: null, agencyId: w.agencyId })).anonymized).toEqual([]);

    // Same figures, same outcome changes.
    expect(await w.supervisor.api.dashboard.statistics(statisticsFilter())).toEqual(before);
    expect(await w.t.db.select().from(caseOutcomeChanges).where(eq(caseOutcomeChanges.caseId, due.caseId))).toEqual(changesBefore);

    // One audit event per case, in its history.
    for (const rich of [due, failing]) {
      const events = await w.t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, rich.caseId), eq(auditEvents.action, "case.anonymized")));
      expect(events).toHaveLength(1);
    }
    const history = await w.sw.api.cases.history({ caseId: due.caseId });
    expect(history.map((event) => event.action)).toContain("case.anonymized");

    // The identity is gone from the database: no legal name, identity number or old ciphertext.
    const text = await databaseText();
    for (const rich of [due, failing]) {
      expect(text).not.toContain(rich.legalName);
      expect(text).not.toContain(rich.identityNumber);
    }
    expect(text).not.toContain(oldCiphertext.slice(0, 60));
    const { identity } = await clientIdentity(due.caseId);
    expect(identity.legalName).toBe("");
    const [client] = await queryRows<Record<string, unknown>>(
      w.t.db,
      sql`select cl.alias, cl.birth_date, cl.estimated_age, cl.province, cl.district, cl.name_birth_hmac, cl.identity_number_hmacs, c.anonymized_at is not null as anonymized
        from clients cl join cases c on c.client_id = cl.id where c.id = ${due.caseId}::uuid`,
    );
    expect(client).toMatchObject({ alias: due.caseNumber, birth_date: null, estimated_age: 15, province: "Jawa Barat", district: null, name_birth_hmac: null, anonymized: true });
    expect(client?.identity_number_hmacs).toEqual([]);

    // The care team still opens the case; what identified the client is empty.
    expect((await w.sw.api.cases.revealIdentity({ caseId: due.caseId })).legalName).toBe("");
    const note = await w.counselor.api.sessions.get({ noteId: due.noteId });
    expect(JSON.stringify(note)).not.toContain(due.legalName);
    const harm = JSON.stringify(await w.sw.api.onlineHarm.byCase({ caseId: due.caseId }));
    expect(harm).not.toContain(due.marker);
    const [referral] = await w.sw.api.referrals.byCase({ caseId: due.caseId });
    expect(JSON.stringify(await w.sw.api.referrals.letter({ referralId: referral?.id ?? "" }))).not.toContain(due.legalName);

    // The others keep everything.
    for (const rich of [recent, open, reopened]) {
      expect((await clientIdentity(rich.caseId)).identity.legalName).toBe(rich.legalName);
      const [row] = await w.t.db.select().from(cases).where(eq(cases.id, rich.caseId));
      expect(row?.anonymizedAt).toBeNull();
    }
  }, 120_000);

  it("refuses erasing a signed note's content for a case that is not anonymized, even through the function", async () => {
    await expect(w.t.db.execute(sql`select lentera_erase_anonymized_case(${recent.caseId}::uuid)`)).rejects.toThrow();
    await expect(
      w.t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('lentera.sealed_rewrite', 'erase', true)`);
        await tx.execute(sql`update session_notes set body = 'erased' where id = ${recent.noteId}::uuid`);
      }),
    ).rejects.toThrow();
    expect(JSON.stringify(await w.counselor.api.sessions.get({ noteId: recent.noteId }))).toContain(`Addendum about ${recent.legalName}`);
  });
});
