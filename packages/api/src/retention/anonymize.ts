/**
 * Anonymization after the agency's retention period (agencies.retention_months): a case closed
 * longer ago than that, and not reopened since, loses everything that identifies its client while
 * every figure of the statistics and the dashboard stays the same.
 *
 * Erased: the identity (legal name, identity numbers, contact, exact address, guardian — replaced by
 * a sealed empty identity, so NOT NULL holds and readers still open it), the duplicate-search HMACs,
 * the alias (becomes the case number), the exact birth date (kept as the whole years at opening that
 * the age group reads), regency/city and district (province stays), the disability note, the case's
 * risk concerns and safety notes, the sealed free text of the case (session note bodies and addenda,
 * evidence descriptions, item locators, the police report number: lentera_erase_anonymized_case() in
 * migration 0016, the only way past the immutability of signed notes and the evidence log), and the
 * referral snapshots down to their coded fields (age group, sex, harm types, risk level).
 * Kept: every coded column (dates, statuses, harm types, risk, referral source, sex, province,
 * consents, assessments and case_outcome_changes, screening scores, plans' structure), the audit
 * trail (which never holds identifying values). Work records written in free text by staff (goal
 * titles, review notes, appointment places, referral reasons) stay: they are about the work.
 *
 * One transaction per case (the row locked, the conditions checked again inside it), with its
 * `case.anonymized` audit event: a failure half-way leaves that case as it was. Rerunning finds nothing.
 */
import { randomUUID } from "node:crypto";
import { queryRows, sql, type Database, type Executor } from "@lentera/db";
import { recordAudit, type AuditActor } from "../audit";
import type { Context } from "../context";
import { encryptJson, type Keyring } from "../protect/field-crypto";
import { openSnapshot, sealSnapshot, type SharedSnapshot } from "../referrals/shared";

export type DueCase = {
  caseId: string;
  caseNumber: string;
  agencyId: string;
};

type RunContext = Pick<Context, "requestId" | "ip" | "clock">;

/** Closed before the agency's retention months, still closed, not anonymized. */
function dueCondition(now: Date): ReturnType<typeof sql> {
  return sql`c.status = 'closed' and c.anonymized_at is null
    and c.closed_at < ${now.toISOString()}::timestamptz - make_interval(months => a.retention_months)`;
}

export async function dueCases(db: Executor, now: Date, agencyId?: string): Promise<DueCase[]> {
  return queryRows<DueCase>(
    db,
    sql`select c.id::text as "caseId", c.case_number as "caseNumber", c.agency_id::text as "agencyId"
      from cases c join agencies a on a.id = c.agency_id
      where ${dueCondition(now)} ${agencyId ? sql`and c.agency_id = ${agencyId}::uuid` : sql``}
      order by c.agency_id, c.case_number`,
  );
}

/** What an anonymized client's identity becomes: the shape of ClientIdentity with nothing in it. */
const EMPTY_IDENTITY = {
  legalName: "",
  identityNumbers: [],
  phone: null,
  email: null,
  villageOrCommune: null,
  streetAddress: null,
  guardianName: null,
  guardianContact: null,
};

/** The coded fields of a referral's snapshot; everything that could name the client goes. */
function codedSnapshot(snapshot: SharedSnapshot): SharedSnapshot {
  const { age_group, sex, harm_types, risk_level } = snapshot;
  return Object.fromEntries(Object.entries({ age_group, sex, harm_types, risk_level }).filter(([, value]) => value !== undefined));
}

/**
 * Anonymizes one case in its own transaction; false when it is no longer due (anonymized or reopened
 * meanwhile), so a concurrent run or a rerun changes nothing.
 */
export async function anonymizeCase(db: Executor, keyring: Keyring, ctx: RunContext, actor: AuditActor, caseId: string): Promise<boolean> {
  const now = ctx.clock();
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ client_id: string; case_number: string; agency_id: string; retention_months: number; closed_at: string }>(
      tx,
      sql`select c.client_id::text as client_id, c.case_number, c.agency_id::text as agency_id, a.retention_months, c.closed_at::text as closed_at
        from cases c join agencies a on a.id = c.agency_id
        where c.id = ${caseId}::uuid and ${dueCondition(now)} ${actor.agencyId ? sql`and c.agency_id = ${actor.agencyId}::uuid` : sql``}
        for update of c`,
    );
    if (!row) return false;
    await tx.execute(sql`update cases set anonymized_at = ${now.toISOString()}::timestamptz, risk_concerns = null, safety_notes = null,
      version = version + 1, updated_at = ${now.toISOString()}::timestamptz where id = ${caseId}::uuid`);
    // The whole years at opening (in the agency's zone) replace the birth date: the same age group
    // as the statistics compute (statistics-counts.ts, ageAtOpening).
    await tx.execute(sql`update clients cl set
        estimated_age = case when cl.birth_date is null then cl.estimated_age else (
          select case when age < 0 then null else least(age, 120) end from (
            select extract(year from o.d)::int - extract(year from cl.birth_date)::int
              - case when to_char(o.d, 'MM-DD') < to_char(cl.birth_date, 'MM-DD') then 1 else 0 end as age
            from (select (c.opened_at at time zone a.time_zone)::date as d) o) years) end,
        birth_date = null,
        alias = c.case_number,
        identity_ciphertext = ${encryptJson(keyring, EMPTY_IDENTITY, row.client_id)},
        name_birth_hmac = null,
        identity_number_hmacs = '{}'::text[],
        regency_city = null,
        district = null,
        disability = null,
        version = cl.version + 1,
        updated_at = ${now.toISOString()}::timestamptz
      from cases c join agencies a on a.id = c.agency_id
      where c.id = ${caseId}::uuid and cl.id = c.client_id`);
    const referrals = await queryRows<{ id: string; shared: string }>(tx, sql`select id::text as id, shared from referrals where case_id = ${caseId}::uuid`);
    for (const referral of referrals) {
      let coded: SharedSnapshot = {};
      try {
        coded = codedSnapshot(openSnapshot(keyring, referral.id, referral.shared));
      } catch {
        // A snapshot that does not open keeps nothing.
      }
      await tx.execute(sql`update referrals set shared = ${sealSnapshot(keyring, referral.id, coded)} where id = ${referral.id}::uuid`);
    }
    const [erased] = await queryRows<{ count: number }>(tx, sql`select lentera_erase_anonymized_case(${caseId}::uuid) as count`);
    await recordAudit(tx, ctx, { userId: actor.userId, agencyId: row.agency_id }, {
      action: "case.anonymized",
      entityType: "case",
      entityId: caseId,
      caseId,
      details: {
        retentionMonths: Number(row.retention_months),
        closedAt: row.closed_at,
        referralsReduced: referrals.length,
        sealedValuesErased: Number(erased?.count ?? 0),
      },
    });
    return true;
  });
}

/**
 * Anonymizes every due case (of one agency when `actor.agencyId` is set), one transaction each.
 * A case that fails stays as it was and the run goes on; the failures are returned by case number.
 */
export async function runRetention(
  db: Database | Executor,
  keyring: Keyring,
  ctx: RunContext,
  actor: AuditActor,
): Promise<{ anonymized: DueCase[]; failed: DueCase[] }> {
  const due = await dueCases(db, ctx.clock(), actor.agencyId ?? undefined);
  const anonymized: DueCase[] = [];
  const failed: DueCase[] = [];
  for (const entry of due) {
    try {
      if (await anonymizeCase(db, keyring, ctx, actor, entry.caseId)) anonymized.push(entry);
    } catch (error) {
      // Through the API everything is one request: let it roll back whole rather than half.
      if (actor.userId) throw error;
      failed.push(entry);
    }
  }
  return { anonymized, failed };
}

/** A run context outside a request (the command line, tests): its own request id. */
export function cliRunContext(clock: () => Date = () => new Date()): RunContext {
  return { requestId: `retention-${randomUUID()}`, ip: null, clock };
}

