import { CLOSURE_REASONS, defaultMilestoneEntry, type CareTeamRole } from "@lentera/domain";
import { currentLocale } from "../../i18n";

/** The actions the timeline names; anything else is shown as the server wrote it. */
export const HISTORY_ACTIONS = [
  "case.created",
  "case.updated",
  "case.activate",
  "case.hold",
  "case.resume",
  "case.closure_requested",
  "case.closure_returned",
  "case.closed",
  "case.reopened",
  "case.care_team_changed",
  "case.break_glass",
  "case.break_glass_reviewed",
  "consent.recorded",
  "consent.withdrawn",
  "plan.draft_started",
  "plan.draft_saved",
  "plan.submitted",
  "plan.approved",
  "plan.returned",
  "plan.review_recorded",
  "assessment.saved",
  "assessment.completed",
  "appointment.booked",
  "appointment.series_booked",
  "appointment.updated",
  "appointment.rescheduled",
  "appointment.cancelled",
  "appointment.outcome_recorded",
  // counseling sessions: that they happened, never what was said
  "session_note.started",
  "session_note.saved",
  "session_note.signed",
  "session_note.discarded",
  "session_note.addendum_added",
  "session_note.read",
  "risk_flag.raised",
  "risk_flag.acknowledged",
  "screening.reviewed",
  // reintegration milestones (their words come with the case page's "milestones" catalog part)
  "milestone.added",
  "milestone.updated",
  "milestone.status_changed",
  "milestone.verified",
  "milestone.verification_rejected",
  "milestone_catalog.entry_added",
  // post-closure follow-up visits
  "follow_up.recorded",
  // a case summary drawn for a case conference (a read worth accounting for)
  "case.summary_exported",
  // data-subject rights: everything held on the client exported; identity erased after retention
  "client.data_exported",
  "case.anonymized",
] as const;

/** Recorded field name → catalog key of its label. A new case records the client's fields unprefixed. */
const CLIENT_FIELDS = [
  "alias",
  "birthDate",
  "estimatedAge",
  "sex",
  "gender",
  "languages",
  "disability",
  "guardianRelationship",
  "country",
  "province",
  "regencyCity",
  "district",
] as const;
const IDENTITY_FIELDS = [
  "legalName",
  "identityNumbers",
  "phone",
  "email",
  "villageOrCommune",
  "streetAddress",
  "guardianName",
  "guardianContact",
] as const;
const CASE_FIELDS = [
  "caseNumber",
  "teamId",
  "status",
  "riskLevel",
  "riskConcerns",
  "safetyNotes",
  "harmTypes",
  "referralSource",
  "closureReason",
  "followUpDates",
  "careTeam",
  "scope",
  "givenBy",
  "givenOn",
  "expiresOn",
  "withdrawnOn",
] as const;

/** A milestone's recorded fields → the name of the form field that shows them (milestones.field.*). */
const MILESTONE_FIELDS = {
  catalogKey: "milestone",
  customTitle: "title",
  domain: "domain",
  targetDate: "targetDate",
  achievedOn: "achievedOn",
  goalKey: "goal",
  evidenceNote: "evidence",
} as const;
const FOLLOW_UP_FIELDS = ["outcome", "reopened"] as const;

export const FIELD_LABEL_KEYS: Readonly<Record<string, string>> = (() => {
  const keys: Record<string, string> = {};
  for (const field of CASE_FIELDS) keys[field] = `cases.fields.${field}`;
  for (const field of CLIENT_FIELDS) {
    keys[field] = `cases.fields.client.${field}`;
    keys[`client.${field}`] = `cases.fields.client.${field}`;
  }
  for (const field of IDENTITY_FIELDS) keys[`identity.${field}`] = `cases.fields.identity.${field}`;
  for (const [field, name] of Object.entries(MILESTONE_FIELDS)) keys[field] = `milestones.field.${name}`;
  for (const field of FOLLOW_UP_FIELDS) keys[field] = `cases.history.followUp.fields.${field}`;
  return keys;
})();

const FIELD_ORDER = Object.keys(FIELD_LABEL_KEYS);

/** Changes in the order of the case page (case, then client, then identity), unknown fields last. */
export function orderedChanges<T>(changes: Record<string, T>): [string, T][] {
  const rank = (field: string) => {
    const index = FIELD_ORDER.indexOf(field);
    return index === -1 ? FIELD_ORDER.length : index;
  };
  return Object.entries(changes).sort(([a], [b]) => rank(a) - rank(b));
}

/** Fields whose values are words of the domain, and the catalog prefix that names them. */
const VALUE_PREFIX: Readonly<Record<string, string>> = {
  status: "cases.status",
  riskLevel: "cases.risk",
  harmTypes: "cases.harm",
  referralSource: "cases.referral",
  closureReason: "cases.closureReason",
  sex: "cases.sex",
  country: "cases.country",
  scope: "cases.consentScope",
  givenBy: "cases.consentGiver",
};
/** Words of the domain that depend on what the event is about (by the action's prefix). */
const ACTION_VALUE_PREFIX: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "plan.": { status: "plans.versionStatus" },
  "appointment.": { status: "appointments.status", kind: "appointments.kind", mode: "appointments.mode" },
  "session_note.": { status: "sessions.status" },
  "milestone.": { status: "milestones.status", domain: "milestones.domain" },
  "follow_up.": { outcome: "cases.history.followUp.outcome", reopened: "cases.history.boolean" },
  // The online-harm record and referrals (their words come with the case page's "harm" and "referrals" parts).
  "takedown.": { status: "harm.takedownStatus", channel: "harm.channel" },
  "harm_item.": { kind: "harm.itemKind", platformKind: "harm.platformKind", foundBy: "harm.finder", online: "harm.online" },
  "legal_process.": { stage: "harm.legalStage" },
  "evidence.": { kind: "harm.evidenceKind" },
  "referral.": { status: "referrals.status", urgency: "referrals.urgency" },
};
const DATE_FIELDS = new Set(["birthDate", "followUpDates", "givenOn", "expiresOn", "withdrawnOn", "targetDate", "achievedOn", "dueOn"]);
/** A linked plan goal is recorded by its key, which says nothing to a reader. */
const LINKED_GOAL_KEY = "milestones.history.planGoal";

export const REDACTED = "[redacted]";

export interface HistoryContext {
  t: (key: string, values?: Record<string, unknown>) => string;
  date: (value: string) => string;
  teamName: (teamId: string) => string | null;
  memberName: (userId: string) => string | null;
}

/** The field's label, or the recorded name when it has none. */
export function fieldLabel(field: string, t: HistoryContext["t"]): string {
  const key = FIELD_LABEL_KEYS[field];
  return key ? t(key) : field;
}

/** A plan version's or a milestone's status uses the plan's or the milestones' words, not the case's. */
function valuePrefix(action: string, field: string): string | undefined {
  for (const [prefix, fields] of Object.entries(ACTION_VALUE_PREFIX)) {
    const wordsOf = action.startsWith(prefix) ? fields[field] : undefined;
    if (wordsOf) return wordsOf;
  }
  return VALUE_PREFIX[field];
}

/** One recorded value as a reader would say it: translated words, formatted dates, names for ids. */
export function describeValue(field: string, value: unknown, context: HistoryContext, action = ""): string {
  const { t } = context;
  if (value === REDACTED) return t("cases.history.hidden");
  if (value === null || value === undefined || value === "") return t("cases.page.none");
  const bare = field.startsWith("client.") ? field.slice("client.".length) : field;
  if (Array.isArray(value)) {
    if (value.length === 0) return t("cases.page.none");
    return value.map((item) => describeValue(field, item, context, action)).join(", ");
  }
  const text =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
  if (bare === "teamId") return context.teamName(text) ?? t("cases.history.otherTeam");
  if (bare === "careTeam") {
    const [role, userId = ""] = text.split(":");
    const name = context.memberName(userId) ?? t("cases.history.formerMember");
    return `${name} (${t(`cases.careTeamRole.${role as CareTeamRole}`)})`;
  }
  if (DATE_FIELDS.has(bare)) return context.date(text);
  // A default kind of milestone is named in the reader's language; an agency's own keeps its key.
  if (bare === "catalogKey") return defaultMilestoneEntry(text)?.label[currentLocale()] ?? text;
  if (bare === "goalKey") return t(LINKED_GOAL_KEY);
  const prefix = valuePrefix(action, bare);
  return prefix ? t(`${prefix}.${text}`) : text;
}

/** The free-text reason or comment stored with an event; a closure request's reason is a word of the domain. */
export function describeDetail(action: string, key: string, value: unknown, t: HistoryContext["t"]): string | null {
  if (typeof value !== "string" || value === "") return null;
  if (action === "case.closure_requested" && key === "reason" && (CLOSURE_REASONS as readonly string[]).includes(value)) {
    return t(`cases.closureReason.${value}`);
  }
  return value;
}
