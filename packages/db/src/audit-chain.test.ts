import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { DbHandle } from "./client";
import { queryRows } from "./client";
import { NO_AGENCY_CHAIN, verifyAuditChains } from "./audit-chain";
import { auditEvents } from "./schema";
import { createTestDb } from "./testing";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

/** Audit events need no agency row, so each test's chain is a fresh uuid of its own. */
async function writeEvents(agencyId: string | null, count: number, extra: Partial<typeof auditEvents.$inferInsert> = {}) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const [row] = await handle.db
      .insert(auditEvents)
      .values({
        agencyId,
        actorUserId: randomUUID(),
        action: "test.written",
        entityType: "test",
        entityId: String(i),
        details: { i, note: "ä 😀 \"quoted\"" },
        requestId: `req-${i}`,
        ...extra,
      })
      .returning({ id: auditEvents.id });
    if (!row) throw new Error("insert returned nothing");
    ids.push(row.id);
  }
  return ids;
}

async function verifyOne(key: string) {
  const [report] = await verifyAuditChains(handle.db, { chainKeys: [key], batchSize: 7 });
  if (!report) throw new Error("no report");
  return report;
}

/** As the superuser, with the append-only trigger off for one transaction only. */
async function tamper(statement: ReturnType<typeof sql>) {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`);
  });
}

describe("the audit chain", () => {
  it("links each agency's events in order and verifies them, whatever the session's time zone and date style", async () => {
    const agency = randomUUID();
    await writeEvents(agency, 10);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone = 'Asia/Ho_Chi_Minh'`);
      await tx.execute(sql`set local datestyle = 'German, DMY'`);
      await tx.insert(auditEvents).values({
        agencyId: agency,
        action: "test.written",
        entityType: "test",
        entityId: "",
        occurredAt: new Date("2026-03-01T23:59:59.123Z"),
        changes: { name: { from: "[redacted]", to: "[redacted]" } },
        details: null,
      });
    });
    const report = await verifyOne(agency);
    expect(report).toMatchObject({ agencyId: agency, checked: 11, headSeq: 11, broken: null });
    const [head] = await queryRows<{ hash: string }>(handle.db, sql`select hash from audit_chain_heads where chain_key = ${agency}::uuid`);
    expect(report.headHash).toBe(head?.hash);
    expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("overwrites chain values a client sends", async () => {
    const agency = randomUUID();
    await writeEvents(agency, 1);
    const [row] = await handle.db
      .insert(auditEvents)
      .values({ agencyId: agency, action: "test.forged", entityType: "test", chainSeq: 99, prevHash: "f".repeat(64), hash: "e".repeat(64) })
      .returning({ chainSeq: auditEvents.chainSeq, prevHash: auditEvents.prevHash, hash: auditEvents.hash });
    expect(row?.chainSeq).toBe(2);
    expect(row?.prevHash).not.toBe("f".repeat(64));
    expect(row?.hash).not.toBe("e".repeat(64));
    expect((await verifyOne(agency)).broken).toBeNull();
  });

  it("tells an empty string from a null", async () => {
    const agency = randomUUID();
    const [withNull] = await writeEvents(agency, 1, { entityId: null, ip: "" });
    await tamper(sql`update audit_events set entity_id = '', ip = null where id = ${withNull}`);
    expect((await verifyOne(agency)).broken).toMatchObject({ problem: "content_changed", seq: 1, eventId: withNull });
  });

  it("finds a changed detail and names the event", async () => {
    const agency = randomUUID();
    const ids = await writeEvents(agency, 12);
    await tamper(sql`update audit_events set details = jsonb_set(details, '{i}', '100') where id = ${ids[8]}`);
    const report = await verifyOne(agency);
    expect(report.broken).toMatchObject({ problem: "content_changed", seq: 9, eventId: ids[8] });
    expect(report.checked).toBe(8);
  });

  it("finds a deleted event as a gap in the sequence", async () => {
    const agency = randomUUID();
    const ids = await writeEvents(agency, 6);
    await tamper(sql`delete from audit_events where id = ${ids[2]}`);
    expect((await verifyOne(agency)).broken).toMatchObject({ problem: "seq_gap", seq: 4, eventId: ids[3], expected: "3", found: "4" });
  });

  it("finds two events whose content was swapped", async () => {
    const agency = randomUUID();
    const ids = await writeEvents(agency, 5);
    await tamper(sql`update audit_events a set entity_id = b.entity_id, details = b.details, request_id = b.request_id
      from audit_events b where (a.id, b.id) in ((${ids[1]}, ${ids[3]}), (${ids[3]}, ${ids[1]}))`);
    expect((await verifyOne(agency)).broken).toMatchObject({ problem: "content_changed", seq: 2, eventId: ids[1] });
  });

  it("finds a re-pointed link, events removed from the end, and an event written with the trigger off", async () => {
    const relinked = randomUUID();
    const relinkedIds = await writeEvents(relinked, 4);
    await tamper(sql`update audit_events set prev_hash = repeat('a', 64) where id = ${relinkedIds[2]}`);
    expect((await verifyOne(relinked)).broken).toMatchObject({ problem: "link_broken", seq: 3, eventId: relinkedIds[2] });

    const cut = randomUUID();
    const cutIds = await writeEvents(cut, 4);
    await tamper(sql`delete from audit_events where id = ${cutIds[3]}`);
    expect((await verifyOne(cut)).broken).toMatchObject({ problem: "head_mismatch", seq: 4, eventId: cutIds[2] });

    const unlinked = randomUUID();
    await writeEvents(unlinked, 2);
    let sneaked = 0;
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_zz_link_chain`);
      const [row] = await tx.insert(auditEvents).values({ agencyId: unlinked, action: "test.sneaked", entityType: "test" }).returning({ id: auditEvents.id });
      sneaked = row?.id ?? 0;
      await tx.execute(sql`alter table audit_events enable trigger audit_events_zz_link_chain`);
    });
    expect((await verifyOne(unlinked)).broken).toMatchObject({ problem: "missing_hash", seq: null, eventId: sneaked });
  });

  it("keeps the chain of events with no agency apart and intact", async () => {
    const agency = randomUUID();
    await writeEvents(agency, 2);
    await writeEvents(null, 3, { action: "test.no_agency" });
    await writeEvents(agency, 2);
    const [own, none] = await verifyAuditChains(handle.db, { chainKeys: [agency, NO_AGENCY_CHAIN] });
    expect(own).toMatchObject({ checked: 4, headSeq: 4, broken: null });
    expect(none).toMatchObject({ agencyId: null, broken: null });
    expect(none?.checked).toBeGreaterThanOrEqual(3);
    const all = await verifyAuditChains(handle.db);
    expect(all.map((chain) => chain.chainKey)).toEqual(expect.arrayContaining([agency, NO_AGENCY_CHAIN]));
  });

  it("orders 50 parallel audited writes of one agency into a gapless chain", async () => {
    const agency = randomUUID();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        handle.db.transaction(async (tx) => {
          await tx.insert(auditEvents).values({ agencyId: agency, action: "test.parallel", entityType: "test", entityId: String(i) });
          // Hold the head's lock a moment, as a transaction that does more work after its audit would.
          await tx.execute(sql`select pg_sleep(0.005)`);
        }),
      ),
    );
    const rows = await handle.db
      .select({ seq: auditEvents.chainSeq })
      .from(auditEvents)
      .where(eq(auditEvents.agencyId, agency))
      .orderBy(auditEvents.chainSeq);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyOne(agency)).toMatchObject({ checked: 50, broken: null });
  });

  it("costs this much on a bulk insert, and verifies at this rate", async () => {
    const agency = randomUUID();
    const rows = 5000;
    const bulk = (table: ReturnType<typeof sql>) => sql`insert into ${table}
      (agency_id, actor_user_id, action, entity_type, entity_id, case_id, details, request_id, ip)
      select ${agency}::uuid, gen_random_uuid(), 'test.bulk', 'case', n::text, gen_random_uuid(),
        jsonb_build_object('n', n, 'reason', 'bulk'), 'req-' || n, '127.0.0.1'
      from generate_series(1, ${rows}) n`;
    // The same table without its triggers (a temporary copy with every index): the cost of the chain alone.
    // (One transaction: a temporary table lives on one pooled connection.)
    let without = 0;
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table audit_events_untriggered (like audit_events including all) on commit drop`);
      const started = performance.now();
      await tx.execute(bulk(sql`audit_events_untriggered`));
      without = rows / ((performance.now() - started) / 1000);
    });
    let started = performance.now();
    await handle.db.execute(bulk(sql`audit_events`));
    const withChain = rows / ((performance.now() - started) / 1000);

    started = performance.now();
    const [report] = await verifyAuditChains(handle.db, { chainKeys: [agency] });
    const verifyRate = rows / ((performance.now() - started) / 1000);
    expect(report).toMatchObject({ checked: rows, broken: null });
    console.log(
      `audit chain (${handle.driver}): bulk insert of ${rows} events ${Math.round(without)}/s without the trigger, ` +
        `${Math.round(withChain)}/s with it; verify ${Math.round(verifyRate)} events/s`,
    );
  });
});
