/** The words of counseling sessions (DOMAIN.md), as const tuples shared by the database, the API and the web. */

/** How the session was held. */
export const SESSION_MODALITIES = ["in_person", "phone", "video", "chat"] as const;
export type SessionModality = (typeof SESSION_MODALITIES)[number];

/**
 * The note formats counselors are trained in, each with its sections in order: DAP (data,
 * assessment, plan), SOAP (subjective, objective, assessment, plan), BIRP (behavior, intervention,
 * response, plan), or one free-text section.
 */
export const NOTE_FORMATS = ["dap", "soap", "birp", "free"] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];
export const NOTE_SECTIONS = {
  dap: ["data", "assessment", "plan"],
  soap: ["subjective", "objective", "assessment", "plan"],
  birp: ["behavior", "intervention", "response", "plan"],
  free: ["note"],
} as const satisfies Record<NoteFormat, readonly string[]>;
export type NoteSection = (typeof NOTE_SECTIONS)[NoteFormat][number];
export const ALL_NOTE_SECTIONS = [...new Set(Object.values(NOTE_SECTIONS).flat())] as NoteSection[];
export const DEFAULT_NOTE_FORMAT: NoteFormat = "dap";

/** `draft` until the counselor signs it; a signed note never changes again (addenda only). */
export const NOTE_STATUSES = ["draft", "signed"] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** What the counselor did in the session. */
export const COUNSELING_INTERVENTIONS = [
  "psychoeducation",
  "tf_cbt",
  "cbt",
  "safety_planning",
  "relaxation_grounding",
  "play_art_therapy",
  "family_session",
  "motivational_interviewing",
  "problem_solving",
  "crisis_intervention",
  "online_safety",
  "other",
] as const;
export type CounselingIntervention = (typeof COUNSELING_INTERVENTIONS)[number];

/** The risk check every note records; a "yes" to any of them raises a flag on the case. */
export const RISK_CHECK_ITEMS = ["self_harm", "suicidal_thoughts", "exploiter_contact", "unsafe_home", "other"] as const;
export type RiskCheckItem = (typeof RISK_CHECK_ITEMS)[number];

/** Why a flag was raised: a risk-check answer, or a critical item of a screening instrument. */
export const RISK_FLAG_KINDS = [...RISK_CHECK_ITEMS, "critical_screening_item"] as const;
export type RiskFlagKind = (typeof RISK_FLAG_KINDS)[number];

/** A note left unsigned this long goes on the supervisor's queue. */
export const UNSIGNED_NOTE_HOURS = 48;
export const MAX_SESSION_MINUTES = 480;
export const MAX_SECTION_LENGTH = 10_000;
