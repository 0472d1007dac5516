/**
 * The words of the online-harm record (issue #10): harmful items found online, their takedown
 * requests, the evidence log and the legal process. Lentera never stores the content itself.
 */

export const HARM_ITEM_KINDS = ["intimate_image", "child_sexual_content", "ad", "profile", "chat", "other"] as const;
export type HarmItemKind = (typeof HARM_ITEM_KINDS)[number];

export const PLATFORM_KINDS = ["social_media", "messaging", "adult_site", "classifieds", "forum", "search_engine", "cloud_storage", "other"] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];

/** Who found the item. */
export const HARM_ITEM_FINDERS = ["survivor", "family", "staff", "police", "platform", "hotline", "other"] as const;
export type HarmItemFinder = (typeof HARM_ITEM_FINDERS)[number];

export const TAKEDOWN_CHANNELS = ["platform_report_form", "trusted_flagger", "police", "hotline", "hash_matching"] as const;
export type TakedownChannel = (typeof TAKEDOWN_CHANNELS)[number];

/** reported → removed | refused; removed → reappeared; reappeared → removed | refused; refused → reported (tried again). */
export const TAKEDOWN_STATUSES = ["reported", "removed", "refused", "reappeared"] as const;
export type TakedownStatus = (typeof TAKEDOWN_STATUSES)[number];

export const TAKEDOWN_TRANSITIONS: Record<TakedownStatus, readonly TakedownStatus[]> = {
  reported: ["removed", "refused"],
  removed: ["reappeared"],
  reappeared: ["removed", "refused"],
  refused: ["reported"],
};

/** Days without an answer before a takedown request needs a follow-up (agency setting). */
export const DEFAULT_TAKEDOWN_FOLLOW_UP_DAYS = 7;

/** An evidence log entry: an item collected, or handed over to someone (append-only). */
export const EVIDENCE_ENTRY_KINDS = ["collected", "handed_over"] as const;
export type EvidenceEntryKind = (typeof EVIDENCE_ENTRY_KINDS)[number];

export const LEGAL_STAGES = ["reported", "investigation", "prosecution", "trial", "verdict", "appeal", "restitution"] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

/** The legal milestone (catalog key) a stage marks achieved, where one does. */
export const LEGAL_STAGE_MILESTONES: Partial<Record<LegalStage, string>> = {
  reported: "legal_case_filed",
  verdict: "verdict_reached",
  restitution: "restitution_received",
};

/**
 * Lentera refuses the content itself: these input keys (and any data: URL or base64 blob in a
 * text field) are refused with `content_not_accepted`, and the form says why.
 */
export const CONTENT_FIELD_NAMES = ["file", "content", "image", "attachment", "upload", "data", "blob"] as const;
