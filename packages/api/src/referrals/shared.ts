/**
 * What a referral shares: a snapshot of the fields the social worker chose, taken when it is sent
 * and sealed in `referrals.shared` (AES-256-GCM with the identity keyring, bound to the referral's
 * id) so that a copy of the database reveals nothing of the survivor.
 */
import { z } from "zod";
import {
  AGE_GROUPS,
  ageGroup,
  ageOn,
  HARM_TYPES,
  PLAN_DOMAINS,
  RISK_LEVELS,
  SEXES,
  type ReferralSharedField,
} from "@lentera/domain";
import { and, asc, cases, clients, eq, planGoals, planVersions, type Executor } from "@lentera/db";
import { decryptJson, encryptJson, type Keyring } from "../protect/field-crypto";
import { openIdentity } from "../protect/identity";

/** The shared values, keyed by the field names of REFERRAL_SHARED_FIELDS; absent when not chosen. */
export const sharedSnapshotSchema = z.object({
  alias: z.string().optional(),
  age_group: z.enum(AGE_GROUPS).optional(),
  sex: z.enum(SEXES).optional(),
  languages: z.array(z.string()).optional(),
  harm_types: z.array(z.enum(HARM_TYPES)).optional(),
  risk_level: z.enum(RISK_LEVELS).optional(),
  plan_goals: z.array(z.object({ title: z.string(), domain: z.enum(PLAN_DOMAINS) })).optional(),
  identity: z
    .object({ legalName: z.string(), phone: z.string().nullable(), address: z.string().nullable() })
    .optional(),
});
export type SharedSnapshot = z.output<typeof sharedSnapshotSchema>;

/** Takes the chosen fields of the case as they are today (`today` in the agency's zone, for the age). */
export async function buildSnapshot(
  executor: Executor,
  keyring: Keyring,
  caseId: string,
  fields: readonly ReferralSharedField[],
  today: string,
): Promise<SharedSnapshot> {
  const [row] = await executor
    .select({
      clientId: clients.id,
      alias: clients.alias,
      birthDate: clients.birthDate,
      estimatedAge: clients.estimatedAge,
      sex: clients.sex,
      languages: clients.languages,
      province: clients.province,
      regencyCity: clients.regencyCity,
      district: clients.district,
      identityCiphertext: clients.identityCiphertext,
      harmTypes: cases.harmTypes,
      riskLevel: cases.riskLevel,
    })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(eq(cases.id, caseId));
  if (!row) throw new Error("case vanished between access check and referral");
  const chosen = new Set(fields);
  const snapshot: SharedSnapshot = {};
  if (chosen.has("alias")) snapshot.alias = row.alias;
  if (chosen.has("age_group")) snapshot.age_group = ageGroup(row.birthDate ? ageOn(row.birthDate, today) : row.estimatedAge);
  if (chosen.has("sex")) snapshot.sex = row.sex;
  if (chosen.has("languages")) snapshot.languages = row.languages;
  if (chosen.has("harm_types")) snapshot.harm_types = row.harmTypes;
  if (chosen.has("risk_level")) snapshot.risk_level = row.riskLevel;
  if (chosen.has("plan_goals")) {
    snapshot.plan_goals = await executor
      .select({ title: planGoals.title, domain: planGoals.domain })
      .from(planGoals)
      .innerJoin(planVersions, eq(planVersions.id, planGoals.planVersionId))
      .where(and(eq(planVersions.caseId, caseId), eq(planVersions.status, "approved")))
      .orderBy(asc(planGoals.position));
  }
  if (chosen.has("identity")) {
    // Opened as "show identifying details" and the case summary open it; the exact address as one line.
    const identity = openIdentity(keyring, row.clientId, row.identityCiphertext);
    const address = [identity.streetAddress, identity.villageOrCommune, row.district, row.regencyCity, row.province]
      .filter((part): part is string => Boolean(part))
      .join(", ");
    snapshot.identity = { legalName: identity.legalName, phone: identity.phone ?? null, address: address || null };
  }
  return snapshot;
}

export function sealSnapshot(keyring: Keyring, referralId: string, snapshot: SharedSnapshot): string {
  return encryptJson(keyring, snapshot, referralId);
}

export function openSnapshot(keyring: Keyring, referralId: string, sealed: string): SharedSnapshot {
  return sharedSnapshotSchema.parse(decryptJson(keyring, sealed, referralId));
}
