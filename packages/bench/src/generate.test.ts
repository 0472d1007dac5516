import { createDecipheriv } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseCareTeam, cases, clients, count, createDb, goalReviews, outcomeAssessments, planGoals, queryRows, sql, type DbHandle } from "@lentera/db";
import {
  DEFAULT_MILESTONE_CATALOG,
  findScreeningInstrument,
  milestoneTransitionRefusal,
  NOTE_SECTIONS,
  RISK_CHECK_ITEMS,
  scoreScreening,
  type MilestoneStatus,
  type NoteFormat,
} from "@lentera/domain";
import { generateDataset, type GeneratedSummary } from "./generate";
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

const NOW = new Date("2026-11-01T00:00:00Z");
const TODAY = "2026-11-01";
let handle: DbHandle;
let summary: GeneratedSummary;
beforeAll(async () => {
  handle = await createDb();
  await handle.migrate();
  summary = await generateDataset(handle.db, { cases: 300, seed: 7, keyring, casesPerAgency: 200, now: NOW });
});
afterAll(() => handle.close());

describe("generateDataset", () => {
  it("fills every table with cases whose identity is encrypted, reproducibly from the seed", async () => {
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
    await generateDataset(again.db, { cases: 300, seed: 7, keyring, casesPerAgency: 200, now: NOW });
    const [sameSample] = await again.db.select({ alias: clients.alias }).from(clients).orderBy(clients.id).limit(1);
    expect(sameSample?.alias).toBe(sample?.alias);
    const [numbers] = await queryRows<{ n: number }>(again.db, sql`select count(distinct case_number)::int as n from cases`);
    expect(numbers?.n).toBe(300);
    // … and the same sessions (ciphertexts differ: every seal takes a fresh IV).
    const [sameNotes] = await queryRows<{ n: number; latest: string }>(again.db, sql`select count(*)::int as n, max(session_date)::text as latest from session_notes`);
    const [firstNotes] = await queryRows<{ n: number; latest: string }>(handle.db, sql`select count(*)::int as n, max(session_date)::text as latest from session_notes`);
    expect(sameNotes).toEqual(firstNotes);
    // … and the same milestones, histories and follow-ups.
    const fingerprint = sql`select
        (select string_agg(concat_ws('/', catalog_key, custom_title, status, target_date, achieved_on, verified_at, version), ',' order by created_at, catalog_key, custom_title) from case_milestones) as milestones,
        (select string_agg(concat_ws('/', kind, from_status, to_status, achieved_on, occurred_at), ',' order by occurred_at, kind, to_status) from milestone_events) as events,
        (select string_agg(concat_ws('/', due_on, outcome, recorded_at), ',' order by due_on, recorded_at) from follow_up_outcomes) as follow_ups`;
    const [sameMilestones] = await queryRows<Record<string, string>>(again.db, fingerprint);
    const [firstMilestones] = await queryRows<Record<string, string>>(handle.db, fingerprint);
    expect(sameMilestones).toEqual(firstMilestones);
    await again.close();
  });

  it("gives every case 3 to 8 milestones, mostly from the default catalog, weighted to the common domains", async () => {
    const [counts] = await queryRows<{ cases: number; with_milestones: number; fewest: number; most: number; n: number; custom: number; unknown_keys: number; goal_linked: number; bad_goals: number }>(
      handle.db,
      sql`select (select count(*)::int from cases) as cases, count(distinct m.case_id)::int as with_milestones,
            (select min(k)::int from (select count(*) as k from case_milestones group by case_id) x) as fewest,
            (select max(k)::int from (select count(*) as k from case_milestones group by case_id) x) as most,
            count(*)::int as n, count(custom_title)::int as custom,
            count(*) filter (where catalog_key is not null and catalog_key <> all(${sql.raw(`array[${DEFAULT_MILESTONE_CATALOG.map((entry) => `'${entry.key}'`).join(", ")}]`)}))::int as unknown_keys,
            count(goal_key)::int as goal_linked,
            count(*) filter (where goal_key is not null and not exists (select 1 from plan_goals g where g.case_id = m.case_id and g.goal_key = m.goal_key))::int as bad_goals
          from case_milestones m`,
    );
    expect(counts?.with_milestones).toBe(counts?.cases);
    expect(counts?.fewest).toBeGreaterThanOrEqual(3);
    expect(counts?.most).toBeLessThanOrEqual(8);
    expect((counts?.custom ?? 0) / (counts?.n ?? 1)).toBeGreaterThan(0.05);
    expect((counts?.custom ?? 0) / (counts?.n ?? 1)).toBeLessThan(0.16);
    expect(counts).toMatchObject({ unknown_keys: 0, bad_goals: 0 });
    expect(counts?.goal_linked).toBeGreaterThan(0);
    expect(summary).toMatchObject({ milestones: counts?.n });

    const byDomain = new Map(
      (await queryRows<{ domain: string; n: number }>(handle.db, sql`select domain, count(*)::int as n from case_milestones group by domain`)).map((row) => [row.domain, row.n]),
    );
    for (const common of ["education", "family", "online_safety"]) expect(byDomain.get(common) ?? 0).toBeGreaterThan(byDomain.get("legal") ?? 0);
    expect(byDomain.get("legal")).toBeGreaterThan(0);

    // Older and closed cases have reached more; some open milestones of open cases are past their target.
    const [mix] = await queryRows<{ achieved_closed: number; achieved_young: number; achieved_old: number; regressed: number; ever_achieved: number; past_target: number; open_on_open: number }>(
      handle.db,
      sql`select avg((m.status = 'achieved')::int) filter (where c.status = 'closed')::float8 as achieved_closed,
            avg((m.status = 'achieved')::int) filter (where c.status <> 'closed' and c.opened_at > ${NOW.toISOString()}::timestamptz - interval '1 year')::float8 as achieved_young,
            avg((m.status = 'achieved')::int) filter (where c.status <> 'closed' and c.opened_at < ${NOW.toISOString()}::timestamptz - interval '2 years')::float8 as achieved_old,
            count(*) filter (where m.status = 'regressed')::int as regressed,
            count(*) filter (where exists (select 1 from milestone_events e where e.milestone_id = m.id and e.kind = 'status' and e.to_status = 'achieved'))::int as ever_achieved,
            count(*) filter (where c.status <> 'closed' and m.status in ('planned', 'in_progress', 'regressed') and m.target_date < ${TODAY}::date)::int as past_target,
            count(*) filter (where c.status <> 'closed' and m.status in ('planned', 'in_progress', 'regressed'))::int as open_on_open
          from case_milestones m join cases c on c.id = m.case_id`,
    );
    expect(mix?.achieved_old).toBeGreaterThan(mix?.achieved_young ?? 1);
    expect(mix?.achieved_closed).toBeGreaterThan(0.3);
    expect((mix?.regressed ?? 0) / (mix?.ever_achieved ?? 1)).toBeGreaterThan(0.01);
    expect((mix?.regressed ?? 0) / (mix?.ever_achieved ?? 1)).toBeLessThan(0.1);
    expect(mix?.past_target).toBeGreaterThan(0);
    expect(mix?.past_target).toBeLessThan(mix?.open_on_open ?? 0);
  });

  it("keeps a history for every milestone that is consistent with its status and the verification rules", async () => {
    const milestones = await queryRows<{
      id: string;
      status: MilestoneStatus;
      achieved_on: string | null;
      verification_required: boolean;
      verified_by: string | null;
      verified_ms: number | null;
      created_ms: number;
      updated_ms: number;
      version: number;
      created_by: string;
      worker: string;
      closed_ms: number | null;
      verifying: boolean;
      supervisor: string | null;
    }>(
      handle.db,
      sql`select m.id, m.status, m.achieved_on::text as achieved_on, m.verification_required, m.verified_by,
            (extract(epoch from m.verified_at) * 1000)::float8 as verified_ms, (extract(epoch from m.created_at) * 1000)::float8 as created_ms,
            (extract(epoch from m.updated_at) * 1000)::float8 as updated_ms, m.version, m.created_by, c.primary_social_worker_id as worker,
            (extract(epoch from c.closed_at) * 1000)::float8 as closed_ms, a.milestone_verification_required as verifying,
            (select u.id from users u join team_memberships tm on tm.user_id = u.id where tm.team_id = c.team_id and 'supervisor' = any(u.roles) limit 1) as supervisor
          from case_milestones m join cases c on c.id = m.case_id join agencies a on a.id = m.agency_id`,
    );
    const events = await queryRows<{ milestone_id: string; kind: string; from_status: MilestoneStatus | null; to_status: MilestoneStatus; achieved_on: string | null; note: string | null; actor_id: string; at_ms: number }>(
      handle.db,
      sql`select milestone_id, kind, from_status, to_status, achieved_on::text as achieved_on, note, actor_id, (extract(epoch from occurred_at) * 1000)::float8 as at_ms
          from milestone_events order by milestone_id, occurred_at, id`,
    );
    expect(summary.milestoneEvents).toBe(events.length);
    const history = new Map<string, typeof events>();
    for (const event of events) history.set(event.milestone_id, [...(history.get(event.milestone_id) ?? []), event]);
    const tally = { verified: 0, awaiting: 0, rejected: 0, regressedAfterAchievement: 0 };
    for (const milestone of milestones) {
      const trail = history.get(milestone.id) ?? [];
      // Added as planned by the case's social worker when it was created; then one version per change.
      expect(trail[0]).toMatchObject({ kind: "status", from_status: null, to_status: "planned", actor_id: milestone.worker, at_ms: milestone.created_ms });
      expect(milestone.created_by).toBe(milestone.worker);
      // One version per change, and one more when a passed target was moved (an edit without an event).
      expect(milestone.version - (trail.length - 1)).toBeGreaterThanOrEqual(0);
      expect(milestone.version - (trail.length - 1)).toBeLessThanOrEqual(1);
      const last = trail.at(-1);
      if (milestone.version === trail.length - 1) expect(last?.at_ms).toBe(milestone.updated_ms);
      else expect(milestone.updated_ms).toBeGreaterThan(last?.at_ms ?? Number.POSITIVE_INFINITY);
      expect(last?.at_ms).toBeLessThanOrEqual(NOW.getTime());
      // The last change (a status change, or a verification decision) says where the milestone is.
      expect(last?.to_status).toBe(milestone.status);
      for (let index = 1; index < trail.length; index++) {
        const [before, event] = [trail[index - 1], trail[index]];
        if (!before || !event) continue;
        expect(event.at_ms).toBeGreaterThan(before.at_ms);
        expect(event.from_status).toBe(before.to_status);
        if (event.kind === "status") {
          expect(milestoneTransitionRefusal(before.to_status, event.to_status, event.note)).toBeNull();
          expect(event.actor_id).toBe(milestone.worker);
          if (milestone.closed_ms !== null) expect(event.at_ms).toBeLessThanOrEqual(milestone.closed_ms);
          expect(event.achieved_on !== null).toBe(event.to_status === "achieved");
        } else {
          // A supervisor of the case's team decides on an achievement, in an agency that requires it.
          expect(milestone.verifying).toBe(true);
          expect(event.actor_id).toBe(milestone.supervisor);
          expect(before.to_status).toBe("achieved");
          expect(event.to_status).toBe(event.kind === "verified" ? "achieved" : "in_progress");
          expect(event.achieved_on).toBe(before.achieved_on);
          if (event.kind === "verification_rejected") tally.rejected++;
        }
      }
      const achievements = trail.filter((event) => event.kind === "status" && event.to_status === "achieved");
      if (milestone.status === "regressed") {
        expect(achievements.length).toBeGreaterThan(0);
        tally.regressedAfterAchievement++;
      }
      // achieved_on is set exactly when achieved, to the date of the latest achievement.
      expect(milestone.achieved_on !== null).toBe(milestone.status === "achieved");
      if (milestone.status === "achieved") expect(milestone.achieved_on).toBe(achievements.at(-1)?.achieved_on);
      // Verification: required only on an achievement in an agency that requires it; verified by the
      // supervisor with a "verified" event at that time, after the latest achievement.
      expect(milestone.verification_required).toBe(milestone.status === "achieved" && milestone.verifying);
      expect(milestone.verified_by === null).toBe(milestone.verified_ms === null);
      if (milestone.verified_by !== null) {
        expect(milestone.verification_required).toBe(true);
        expect(last).toMatchObject({ kind: "verified", actor_id: milestone.verified_by, at_ms: milestone.verified_ms });
        expect(milestone.verified_by).toBe(milestone.supervisor);
        tally.verified++;
      } else if (milestone.verification_required) {
        expect(last?.kind).toBe("status");
        tally.awaiting++;
      }
    }
    expect(tally.regressedAfterAchievement).toBeGreaterThan(0);
    expect(tally.verified).toBeGreaterThan(tally.awaiting);
    expect(tally.awaiting).toBeGreaterThan(0);
    expect(tally.rejected).toBeGreaterThan(0);
    expect(summary.verifyingAgencies).toBe(1);
  });

  it("records the outcome of most follow-ups that have come on closed cases, and leaves some due", async () => {
    const [dates] = await queryRows<{ closed: number; closed_with_dates: number; open_with_dates: number; due: number }>(
      handle.db,
      sql`select count(*) filter (where status = 'closed')::int as closed,
            count(*) filter (where status = 'closed' and cardinality(follow_up_dates) = 2)::int as closed_with_dates,
            count(*) filter (where status <> 'closed' and follow_up_dates is not null)::int as open_with_dates,
            (select count(*)::int from cases c2 cross join unnest(c2.follow_up_dates) d where d <= ${TODAY}::date) as due
          from cases`,
    );
    expect(dates?.closed_with_dates).toBe(dates?.closed);
    expect(dates?.open_with_dates).toBe(0);
    const [outcomes] = await queryRows<{ n: number; not_scheduled: number; not_closed: number; early: number; future: number; by_other: number; reopened: number; kinds: number }>(
      handle.db,
      sql`select count(*)::int as n,
            count(*) filter (where not f.due_on = any(c.follow_up_dates))::int as not_scheduled,
            count(*) filter (where c.status <> 'closed')::int as not_closed,
            count(*) filter (where (f.recorded_at at time zone 'Asia/Jakarta')::date < f.due_on)::int as early,
            count(*) filter (where f.due_on > ${TODAY}::date or f.recorded_at > ${NOW.toISOString()}::timestamptz)::int as future,
            count(*) filter (where f.recorded_by <> c.primary_social_worker_id)::int as by_other,
            count(*) filter (where f.reopened)::int as reopened,
            count(distinct f.outcome)::int as kinds
          from follow_up_outcomes f join cases c on c.id = f.case_id`,
    );
    expect(outcomes).toMatchObject({ not_scheduled: 0, not_closed: 0, early: 0, future: 0, by_other: 0, reopened: 0, kinds: 4 });
    expect(outcomes?.n).toBeGreaterThan((dates?.due ?? 0) * 0.75);
    expect(outcomes?.n).toBeLessThan(dates?.due ?? 0);
    expect(summary.followUpOutcomes).toBe(outcomes?.n);
  });
});
