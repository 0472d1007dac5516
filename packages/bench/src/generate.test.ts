import { createDecipheriv } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseCareTeam, cases, clients, count, createDb, goalReviews, outcomeAssessments, planGoals, queryRows, sql, type DbHandle } from "@lentera/db";
import { findScreeningInstrument, NOTE_SECTIONS, RISK_CHECK_ITEMS, scoreScreening, type NoteFormat } from "@lentera/domain";
import { generateDataset } from "./generate";
import { benchKeyring } from "./keys";

const keyring = benchKeyring(7);
/** Opens a sealed value as the API does (v1.key.iv.ciphertext.tag, bound to the row's id); @lentera/api exports only the sealing side. */
function unseal(sealed: string, recordId: string): unknown {
  const [, keyId, iv, ciphertext, tag] = sealed.split(".");
  const key = keyring.encryptionKeys.get(keyId ?? "");
  if (!key || !iv || !ciphertext || !tag) throw new Error("not a bench ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(recordId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8"));
}

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb();
  await handle.migrate();
});
afterAll(() => handle.close());

describe("generateDataset", () => {
  it("fills every table with cases whose identity is encrypted, reproducibly from the seed", async () => {
    const summary = await generateDataset(handle.db, { cases: 300, seed: 7, keyring, casesPerAgency: 200, now: new Date("2026-11-01T00:00:00Z") });
    expect(summary).toMatchObject({ agencies: 2, cases: 300, teams: 10 });
    const [caseCount] = await handle.db.select({ n: count() }).from(cases);
    expect(caseCount?.n).toBe(300);
    const [careCount] = await handle.db.select({ n: count() }).from(caseCareTeam);
    expect(careCount?.n).toBeGreaterThanOrEqual(300);
    const [sample] = await handle.db.select({ identity: clients.identityCiphertext, alias: clients.alias }).from(clients).orderBy(clients.id).limit(1);
    expect(sample?.identity).toMatch(/^v1\.bench\./);

    // Plans: at most one version in force per case, goals in every core domain, reviews and assessments.
    const [plans] = await queryRows<{ in_force: number; cases_with_two: number }>(
      handle.db,
      sql`select count(*) filter (where status = 'approved')::int as in_force,
            (select count(*)::int from (select case_id from plan_versions where status = 'approved' group by case_id having count(*) > 1) x) as cases_with_two
          from plan_versions`,
    );
    expect(plans?.in_force).toBeGreaterThan(150);
    expect(plans?.cases_with_two).toBe(0);
    const [domains] = await queryRows<{ n: number }>(handle.db, sql`select count(distinct domain)::int as n from plan_goals`);
    expect(domains?.n).toBe(3);
    for (const table of [planGoals, goalReviews, outcomeAssessments]) {
      const [rows] = await handle.db.select({ n: count() }).from(table);
      expect(rows?.n).toBeGreaterThan(300);
    }

    // Appointments: about 20 per case over three years, no two scheduled ones of a staff member
    // overlapping (the exclusion constraint accepted every row), a few still to come.
    const [appointmentStats] = await queryRows<{ n: number; future: number; attended: number; no_show: number }>(
      handle.db,
      sql`select count(*)::int as n,
            count(*) filter (where status = 'scheduled' and starts_at > '2026-11-01')::int as future,
            count(*) filter (where status = 'attended')::int as attended,
            count(*) filter (where status = 'no_show')::int as no_show
          from appointments`,
    );
    expect(appointmentStats?.n).toBeGreaterThan(300 * 5);
    expect(appointmentStats?.n).toBeLessThan(300 * 25);
    expect(appointmentStats?.future).toBeGreaterThan(100);
    expect(appointmentStats?.attended).toBeGreaterThan(appointmentStats?.no_show ?? 0);

    // Session notes: about ten per case with a counselor, none on the others, by the counselor on
    // the care team, none before the case opened; those from an appointment match it.
    const [notes] = await queryRows<{ n: number; cases: number; counselor_cases: number; most: number; not_by_counselor: number; early: number; bad_links: number }>(
      handle.db,
      sql`select count(*)::int as n, count(distinct n.case_id)::int as cases,
            (select count(*)::int from case_care_team where role = 'counselor') as counselor_cases,
            (select max(k)::int from (select count(*) as k from session_notes group by case_id) x) as most,
            count(*) filter (where not exists (select 1 from case_care_team ct where ct.case_id = n.case_id and ct.user_id = n.counselor_id and ct.role = 'counselor'))::int as not_by_counselor,
            count(*) filter (where n.session_date < (c.opened_at at time zone 'Asia/Jakarta')::date)::int as early,
            count(*) filter (where a.id is not null and (a.staff_user_id <> n.counselor_id or a.status <> 'attended' or a.kind <> 'counseling'
              or (a.starts_at at time zone 'Asia/Jakarta')::date <> n.session_date or n.duration_minutes <> extract(epoch from a.ends_at - a.starts_at) / 60))::int as bad_links
          from session_notes n join cases c on c.id = n.case_id left join appointments a on a.id = n.appointment_id`,
    );
    expect(notes?.cases).toBeLessThanOrEqual(notes?.counselor_cases ?? 0);
    expect((notes?.n ?? 0) / (notes?.counselor_cases ?? 1)).toBeGreaterThan(7);
    expect((notes?.n ?? 0) / (notes?.counselor_cases ?? 1)).toBeLessThan(13);
    expect(notes?.most).toBeLessThanOrEqual(25);
    expect(notes).toMatchObject({ not_by_counselor: 0, early: 0, bad_links: 0 });
    const [linked] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from session_notes where appointment_id is not null`);
    expect(linked?.n).toBeGreaterThan((notes?.n ?? 0) / 10);

    // Signed, except the latest note of about one open case in ten (a draft).
    const [status] = await queryRows<{ signed: number; drafts: number; drafts_not_latest: number; drafts_on_closed: number }>(
      handle.db,
      sql`select count(*) filter (where n.status = 'signed' and n.signed_by = n.counselor_id and n.signed_at >= n.created_at)::int as signed,
            count(*) filter (where n.status = 'draft')::int as drafts,
            count(*) filter (where n.status = 'draft' and exists (select 1 from session_notes later where later.case_id = n.case_id and later.session_date > n.session_date))::int as drafts_not_latest,
            count(*) filter (where n.status = 'draft' and c.status = 'closed')::int as drafts_on_closed
          from session_notes n join cases c on c.id = n.case_id`,
    );
    expect(status?.drafts).toBeGreaterThan(0);
    expect(status?.drafts).toBeLessThan((notes?.cases ?? 0) * 0.2);
    expect((status?.signed ?? 0) + (status?.drafts ?? 0)).toBe(notes?.n);
    expect(status).toMatchObject({ drafts_not_latest: 0, drafts_on_closed: 0 });

    // Bodies are sealed (not JSON), and open to the format's sections with a full risk check.
    const sealedNotes = await queryRows<{ id: string; body: string; format: NoteFormat; status: string }>(
      handle.db,
      sql`select id, body, format, status from session_notes order by id limit 200`,
    );
    for (const note of sealedNotes) {
      expect(note.body).toMatch(/^v1\.bench\./);
      expect(() => JSON.parse(note.body) as unknown).toThrow();
      const body = unseal(note.body, note.id) as { sections: Record<string, string>; riskCheck: { answers: Record<string, boolean | null> } };
      expect(NOTE_SECTIONS[note.format]).toEqual(expect.arrayContaining(Object.keys(body.sections)));
      if (note.status === "signed") expect(RISK_CHECK_ITEMS.map((item) => typeof body.riskCheck.answers[item])).toEqual(RISK_CHECK_ITEMS.map(() => "boolean"));
    }

    // Screenings: PHQ-A on about 30% of notes, CRIES-8 on about 15%, stored totals as scoreScreening
    // gives them for the sealed answers; risk flags on a few notes, most acknowledged; some addenda.
    const screenings = await queryRows<{ id: string; note_id: string; instrument_code: string; instrument_version: number; answers: string; total: number; band: string | null; positive: boolean; critical_items: string[]; complete: boolean }>(
      handle.db,
      sql`select id, note_id, instrument_code, instrument_version, answers, total, band, positive, critical_items, complete from screening_results`,
    );
    const share = (code: string) => screenings.filter((row) => row.instrument_code === code).length / (notes?.n ?? 1);
    expect(share("phq-a")).toBeGreaterThan(0.22);
    expect(share("phq-a")).toBeLessThan(0.38);
    expect(share("cries-8")).toBeGreaterThan(0.09);
    expect(share("cries-8")).toBeLessThan(0.21);
    for (const row of screenings) {
      const definition = findScreeningInstrument(row.instrument_code, row.instrument_version);
      if (!definition) throw new Error(`unknown instrument ${row.instrument_code}`);
      expect(row.answers).toMatch(/^v1\.bench\./);
      const score = scoreScreening(definition, unseal(row.answers, row.id) as Record<string, number>);
      expect({ total: row.total, band: row.band, positive: row.positive, criticalItems: row.critical_items, complete: row.complete }).toEqual({
        total: score.total,
        band: score.band,
        positive: score.positive,
        criticalItems: score.criticalItems,
        complete: true,
      });
    }
    const [flags] = await queryRows<{ n: number; acknowledged: number; notified: number; addenda: number; addenda_on_drafts: number }>(
      handle.db,
      sql`select count(*)::int as n, count(acknowledged_at)::int as acknowledged,
            (select count(distinct flag_id)::int from notifications) as notified,
            (select count(*)::int from session_note_addenda) as addenda,
            (select count(*)::int from session_note_addenda a join session_notes n on n.id = a.note_id where n.status <> 'signed' or a.signed_at < n.signed_at) as addenda_on_drafts
          from risk_flags`,
    );
    expect(flags?.n).toBeGreaterThan((notes?.n ?? 0) * 0.015);
    expect(flags?.n).toBeLessThan((notes?.n ?? 0) * 0.08);
    expect(flags?.acknowledged).toBeGreaterThan((flags?.n ?? 0) * 0.45);
    expect(flags?.acknowledged).toBeLessThan(flags?.n ?? 0);
    expect(flags?.notified).toBe(flags?.n);
    expect(flags?.addenda).toBeGreaterThan(0);
    expect(flags?.addenda).toBeLessThan((notes?.n ?? 0) * 0.05);
    expect(flags?.addenda_on_drafts).toBe(0);
    expect(summary).toMatchObject({ sessionNotes: notes?.n, screeningResults: screenings.length, riskFlags: flags?.n, addenda: flags?.addenda });

    // The same seed gives the same people.
    const again = await createDb();
    await again.migrate();
    await generateDataset(again.db, { cases: 300, seed: 7, keyring, casesPerAgency: 200, now: new Date("2026-11-01T00:00:00Z") });
    const [sameSample] = await again.db.select({ alias: clients.alias }).from(clients).orderBy(clients.id).limit(1);
    expect(sameSample?.alias).toBe(sample?.alias);
    const [numbers] = await queryRows<{ n: number }>(again.db, sql`select count(distinct case_number)::int as n from cases`);
    expect(numbers?.n).toBe(300);
    // … and the same sessions (ciphertexts differ: every seal takes a fresh IV).
    const [sameNotes] = await queryRows<{ n: number; latest: string }>(again.db, sql`select count(*)::int as n, max(session_date)::text as latest from session_notes`);
    const [firstNotes] = await queryRows<{ n: number; latest: string }>(handle.db, sql`select count(*)::int as n, max(session_date)::text as latest from session_notes`);
    expect(sameNotes).toEqual(firstNotes);
    await again.close();
  });
});
