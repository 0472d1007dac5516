import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eq, queryRows, sessionNotes, sql, users } from "@lentera/db";
import { encryptJson, keyIdOf, validateKeyring, type Keyring } from "../src/protect/field-crypto";
import { countToRotate, rotateKeys, SEALED_COLUMNS } from "../src/protect/rotate";
import { sealNoteBody, EMPTY_NOTE_BODY } from "../src/sessions/body";
import { testKeyring } from "../src/testing";
import { sealText } from "../src/online-harm/seal";
import { dataRightsWorld, type DataRightsWorld } from "./data-rights-fixture";

let w: DataRightsWorld;
let rich: Awaited<ReturnType<DataRightsWorld["richCase"]>>;
// The app wrote everything with the test keyring's key ("test"): the old key. The new keyring keeps
// it listed (so the running app reads both) and makes "new" active.
const OLD = testKeyring.activeKeyId;
const rotated: Keyring = validateKeyring({
  activeKeyId: "new",
  encryptionKeys: new Map([...testKeyring.encryptionKeys, ["new", randomBytes(32)]]),
  hmacKey: testKeyring.hmacKey,
});

/** Key ids of every sealed value of every sealed column (this database only holds this file's data on PGlite; on Postgres others may share it). */
async function keyIdsByColumn(): Promise<Map<string, Set<string>>> {
  const byColumn = new Map<string, Set<string>>();
  for (const { table, column } of SEALED_COLUMNS) {
    const rows = await queryRows<{ value: string }>(w.t.db, sql`select ${sql.raw(`"${column}"`)} as value from ${sql.raw(`"${table}"`)} where ${sql.raw(`"${column}"`)} like 'v1.%' and agency_id = ${w.agencyId}::uuid`);
    byColumn.set(`${table}.${column}`, new Set(rows.map((row) => keyIdOf(row.value) ?? "")));
  }
  return byColumn;
}

// On a shared Postgres other files' rows are sealed with the same test key: touch only ours.
const scope = () => ({ agencyIds: [w.agencyId] });

beforeAll(async () => {
  w = await dataRightsWorld();
  rich = await w.richCase();
  await w.richCase();
  // A second factor's secret, sealed as the trust work seals it (bound to the user's id).
  await w.t.db.update(users).set({ totpSecret: encryptJson(testKeyring, "JBSWY3DPEHPK3PXP", w.counselor.user.id) }).where(eq(users.id, w.counselor.user.id));
}, 120_000);

describe("npm run keys:rotate (rotateKeys)", () => {
  it("refuses to re-seal a signed note for anyone but the owner, and only under another key id", async () => {
    const [note] = await w.t.db.select().from(sessionNotes).where(eq(sessionNotes.id, rich.noteId));
    const fresh = sealNoteBody(rotated, rich.noteId, EMPTY_NOTE_BODY);
    // Without the rotation setting: the signed note is locked as before.
    await expect(w.t.db.update(sessionNotes).set({ body: fresh }).where(eq(sessionNotes.id, rich.noteId))).rejects.toThrow();
    // With it, but changing another column too, or keeping the key id: refused.
    const attempt = (set: Partial<typeof sessionNotes.$inferInsert>) =>
      w.t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('lentera.sealed_rewrite', 'rotate', true)`);
        await tx.update(sessionNotes).set(set).where(eq(sessionNotes.id, rich.noteId));
      });
    await expect(attempt({ body: fresh, durationMinutes: 5 })).rejects.toThrow();
    await expect(attempt({ body: sealNoteBody(testKeyring, rich.noteId, EMPTY_NOTE_BODY) })).rejects.toThrow();
    await expect(attempt({ body: "plain text" })).rejects.toThrow();
    // A role that does not own the table (the application's role) cannot either.
    const roleName = `lentera_rotate_test_${randomBytes(4).toString("hex")}`;
    // BYPASSRLS: the row is visible, so only the trigger stands in the way.
    await w.t.db.execute(sql.raw(`create role ${roleName} bypassrls`));
    await w.t.db.execute(sql.raw(`grant select, update on session_notes, cases to ${roleName}`));
    await expect(
      w.t.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${roleName}`));
        await tx.execute(sql`select set_config('lentera.sealed_rewrite', 'rotate', true)`);
        await tx.update(sessionNotes).set({ body: fresh }).where(eq(sessionNotes.id, rich.noteId));
      }),
    ).rejects.toThrow();
    await w.t.db.execute(sql.raw(`revoke all on session_notes, cases from ${roleName}`));
    await w.t.db.execute(sql.raw(`drop role ${roleName}`));
    // Nor the application's own role (migration 0015), scoped to the note's agency and care team.
    await expect(
      w.t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'lentera_app', true), set_config('app.agency_id', ${w.agencyId}, true),
          set_config('app.user_id', ${w.counselor.user.id}, true), set_config('lentera.sealed_rewrite', 'rotate', true)`);
        await tx.update(sessionNotes).set({ body: fresh }).where(eq(sessionNotes.id, rich.noteId));
      }),
    ).rejects.toThrow();
    const [after] = await w.t.db.select().from(sessionNotes).where(eq(sessionNotes.id, rich.noteId));
    expect(after?.body).toBe(note?.body);
  });

  it("re-seals every value under the new key, resumes after an interruption, keeps a concurrent update, and everything still reads", async () => {
    const before = await keyIdsByColumn();
    for (const { table, column } of SEALED_COLUMNS) {
      expect(before.get(`${table}.${column}`), `${table}.${column} has values under the old key`).toContain(OLD);
    }
    const toRotate = (await countToRotate(w.t.db, rotated, scope())).reduce((sum, entry) => sum + entry.count, 0);

    // An interrupted run: two batches of two rows.
    const interrupted = await rotateKeys(w.t.db, rotated, { ...scope(), batchSize: 2, maxBatches: 2 });
    const firstCount = interrupted.reduce((sum, entry) => sum + entry.resealed, 0);
    expect(firstCount).toBe(4);
    expect((await countToRotate(w.t.db, rotated, scope())).reduce((sum, entry) => sum + entry.count, 0)).toBe(toRotate - 4);

    // A concurrent write by the running app (still sealing with the old key) between rotation's read
    // and its write: the compare-and-swap leaves it alone.
    const [itemRow] = await queryRows<{ id: string; locator_ciphertext: string }>(
      w.t.db,
      sql`select id::text as id, locator_ciphertext from harm_items where case_id = ${rich.caseId}::uuid`,
    );
    if (!itemRow) throw new Error("the rich case has an item");
    const itemId = itemRow.id;
    expect(keyIdOf(itemRow.locator_ciphertext)).toBe(OLD);
    const concurrentValue = sealText(testKeyring, itemId, `https://photoshare.example/${rich.marker}-changed`);
    let wrote = false;
    const started = performance.now();
    const rest = await rotateKeys(w.t.db, rotated, { ...scope(),
      batchSize: 3,
      afterRead: async (table, ids) => {
        if (table === "harm_items" && ids.includes(itemId) && !wrote) {
          wrote = true;
          await w.t.db.execute(sql`update harm_items set locator_ciphertext = ${concurrentValue} where id = ${itemId}::uuid`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const resealed = rest.reduce((sum, entry) => sum + entry.resealed, 0);
    const skipped = rest.reduce((sum, entry) => sum + entry.skipped, 0);
    console.log(`key rotation: ${resealed} values re-sealed in ${seconds.toFixed(2)} s (${Math.round(resealed / seconds)} rows/s), ${skipped} skipped (changed meanwhile)`);
    expect(wrote).toBe(true);
    expect(skipped).toBe(1);
    expect(resealed).toBe(toRotate - 4 - 1);
    expect(rest.every((entry) => entry.failed.length === 0)).toBe(true);
    const [afterItem] = await queryRows<{ locator_ciphertext: string }>(w.t.db, sql`select locator_ciphertext from harm_items where id = ${itemId}::uuid`);
    expect(afterItem?.locator_ciphertext).toBe(concurrentValue);

    // A rerun re-seals what was left (the concurrent value) and then finds nothing.
    const rerun = await rotateKeys(w.t.db, rotated, scope());
    expect(rerun.reduce((sum, entry) => sum + entry.resealed, 0)).toBe(1);
    expect(rerun.every((entry) => entry.remaining === 0)).toBe(true);
    expect((await rotateKeys(w.t.db, rotated, scope())).reduce((sum, entry) => sum + entry.resealed, 0)).toBe(0);
    const after = await keyIdsByColumn();
    for (const [column, ids] of after) expect([...ids], column).toEqual(["new"]);

    // The app, now with the rotated keyring, reads everything: identity, note, addendum, screening,
    // item locator, evidence, legal number, referral snapshot.
    w.t.deps.keyring = rotated;
    const sw = w.t.caller(w.sw.token).api;
    const counselor = w.t.caller(w.counselor.token).api;
    expect((await sw.cases.revealIdentity({ caseId: rich.caseId })).legalName).toBe(rich.legalName);
    const note = await counselor.sessions.get({ noteId: rich.noteId });
    expect(JSON.stringify(note)).toContain(`Addendum about ${rich.legalName}`);
    const harm = await sw.onlineHarm.byCase({ caseId: rich.caseId });
    expect(JSON.stringify(harm)).toContain(`photoshare.example/${rich.marker}-changed`);
    expect(JSON.stringify(harm)).toContain(`Screenshot naming ${rich.legalName}`);
    expect(JSON.stringify(harm)).toContain(`LP/B/${rich.marker}`);
    const [referral] = await sw.referrals.byCase({ caseId: rich.caseId });
    expect(JSON.stringify(await sw.referrals.letter({ referralId: referral?.id ?? "" }))).toContain(rich.legalName);

    // No plaintext in the logs.
    expect(JSON.stringify(w.t.logs)).not.toContain(rich.legalName);
  }, 120_000);

  it("re-seals a few thousand identities at a measured rate", async () => {
    const count = 2000;
    const ids = Array.from({ length: count }, () => randomUUID());
    for (let start = 0; start < count; start += 500) {
      const values = ids.slice(start, start + 500).map(
        (id) => sql`(${id}::uuid, ${w.agencyId}::uuid, ${`Bulk ${id.slice(0, 6)}`}, 'female', 'ID', ${encryptJson(testKeyring, { legalName: `Bulk ${id}`, identityNumbers: [] }, id)})`,
      );
      await w.t.db.execute(sql`insert into clients (id, agency_id, alias, sex, country, identity_ciphertext) values ${sql.join(values, sql`, `)}`);
    }
    const started = performance.now();
    const result = await rotateKeys(w.t.db, rotated, { ...scope(), batchSize: 200 });
    const seconds = (performance.now() - started) / 1000;
    const clients = result.find((entry) => entry.table === "clients");
    if (!clients) throw new Error("clients are rotated");
    console.log(`key rotation (bulk): ${clients.resealed} identities re-sealed in ${seconds.toFixed(2)} s = ${Math.round(clients.resealed / seconds)} rows/s (batches of 200)`);
    expect(clients.resealed).toBe(count);
    expect(clients.remaining).toBe(0);
  }, 120_000);
});
