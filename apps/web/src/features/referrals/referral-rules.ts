import {
  AGE_GROUPS,
  HARM_TYPES,
  PLAN_DOMAINS,
  REFERRAL_SHARED_FIELDS,
  REFERRAL_TRANSITIONS,
  RISK_LEVELS,
  SEXES,
  type AgeGroup,
  type HarmType,
  type PlanDomain,
  type ReferralSharedField,
  type ReferralStatus,
  type RiskLevel,
  type Sex,
} from "@lentera/domain";

export type Decision = Exclude<ReferralStatus, "sent">;

/**
 * What the sending side may record on a referral: for an outside partner its answer (accepted,
 * declined, completed) as the rule allows from the current status; "withdraw" for any referral
 * still open. A referral to another agency on Lentera is answered by that agency.
 */
export function senderDecisions(referral: { status: ReferralStatus; partner: { linkedAgency: boolean } }): Decision[] {
  const next = REFERRAL_TRANSITIONS[referral.status].filter((status): status is Decision => status !== "sent");
  return referral.partner.linkedAgency ? next.filter((status) => status === "withdrawn") : next;
}

/** What the receiving agency may do on an incoming referral. */
export function receiverDecisions(status: ReferralStatus): Decision[] {
  return REFERRAL_TRANSITIONS[status].filter((next): next is Decision => next !== "sent" && next !== "withdrawn");
}

/** A supervisor of the case's team may send a referral without the referral consent, with a reason. */
export function overridesConsent(user: { roles: readonly string[]; teamIds: readonly string[] }, teamId: string): boolean {
  return user.roles.includes("supervisor") && user.teamIds.includes(teamId);
}

/** The fields offered for sharing; identity only while information sharing is consented to. */
export function sharedFieldChoices(informationSharing: boolean): { field: ReferralSharedField; disabled: boolean }[] {
  return REFERRAL_SHARED_FIELDS.map((field) => ({ field, disabled: field === "identity" && !informationSharing }));
}

export interface SharedValues {
  alias?: string;
  age_group?: AgeGroup;
  sex?: Sex;
  languages?: string[];
  harm_types?: HarmType[];
  risk_level?: RiskLevel;
  plan_goals?: { title: string; domain: PlanDomain }[];
  identity?: { legalName: string; phone: string | null; address: string | null };
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (list as readonly string[]).includes(value);
const isText = (value: unknown): value is string => typeof value === "string";
const textOrNull = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/**
 * The shared values of an incoming referral (a loose record on the wire), kept only when they have
 * the shape the sender's snapshot gives them: anything else is left out rather than shown raw.
 */
export function readShared(shared: Record<string, unknown>): SharedValues {
  const values: SharedValues = {};
  if (isText(shared.alias)) values.alias = shared.alias;
  if (isOneOf(AGE_GROUPS, shared.age_group)) values.age_group = shared.age_group;
  if (isOneOf(SEXES, shared.sex)) values.sex = shared.sex;
  if (Array.isArray(shared.languages)) values.languages = shared.languages.filter(isText);
  if (Array.isArray(shared.harm_types)) values.harm_types = shared.harm_types.filter((harm) => isOneOf(HARM_TYPES, harm));
  if (isOneOf(RISK_LEVELS, shared.risk_level)) values.risk_level = shared.risk_level;
  if (Array.isArray(shared.plan_goals)) {
    values.plan_goals = shared.plan_goals.flatMap((goal: unknown) => {
      if (typeof goal !== "object" || goal === null) return [];
      const { title, domain } = goal as Record<string, unknown>;
      return isText(title) && isOneOf(PLAN_DOMAINS, domain) ? [{ title, domain }] : [];
    });
  }
  const identity = shared.identity;
  if (typeof identity === "object" && identity !== null) {
    const { legalName, phone, address } = identity as Record<string, unknown>;
    if (isText(legalName)) values.identity = { legalName, phone: textOrNull(phone), address: textOrNull(address) };
  }
  return values;
}
