import { describe, expect, it } from "vitest";
import {
  DEFAULT_MILESTONE_CATALOG,
  defaultMilestoneEntry,
  isDefaultMilestoneKey,
  milestoneKeyFromLabel,
} from "./catalog";
import {
  canManageMilestoneCatalog,
  isAwaitingVerification,
  isMilestoneOverdue,
  milestoneTransitionRefusal,
  MILESTONE_TRANSITIONS,
} from "./rules";
import { addCatalogEntryInput, addMilestoneInput, changeMilestoneStatusInput, milestoneKey, verifyMilestoneInput } from "./schemas";
import { MILESTONE_DOMAINS, MILESTONE_STATUSES } from "./vocabulary";

const CASE_ID = "00000000-0000-4000-8000-000000000001";
const MILESTONE_ID = "00000000-0000-4000-8000-000000000002";

describe("default milestone catalog", () => {
  it("holds the issue's kinds, each domain covered, keys unique and valid", () => {
    const keys = DEFAULT_MILESTONE_CATALOG.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      "returned_to_family",
      "kinship_or_foster_placement",
      "enrolled_in_school",
      "attending_school_regularly",
      "completed_school_level",
      "vocational_training",
      "first_income",
      "stable_job",
      "safe_stable_housing",
      "treatment_completed",
      "statement_given",
      "legal_case_filed",
      "verdict_reached",
      "restitution_received",
      "joined_community_group",
      "peer_support",
      "harmful_content_reported",
      "harmful_content_taken_down",
      "accounts_secured",
    ]);
    for (const key of keys) expect(milestoneKey.safeParse(key).success).toBe(true);
    expect(new Set(DEFAULT_MILESTONE_CATALOG.map((entry) => entry.domain))).toEqual(new Set(MILESTONE_DOMAINS));
    expect(defaultMilestoneEntry("returned_to_family")?.label.en).toBe("Returned to family");
    expect(defaultMilestoneEntry("enrolled_in_school")?.label.en).toBe("Enrolled in school");
  });

  it("is worded in English, Indonesian and Vietnamese, with no language copied into another", () => {
    for (const entry of DEFAULT_MILESTONE_CATALOG) {
      const { en, id, vi } = entry.label;
      for (const text of [en, id, vi]) expect(text.trim().length).toBeGreaterThan(3);
      expect(id).not.toBe(en);
      expect(vi).not.toBe(en);
      expect(vi).not.toBe(id);
    }
  });

  it("recognizes its own keys only", () => {
    expect(isDefaultMilestoneKey("stable_job")).toBe(true);
    expect(isDefaultMilestoneKey("driving_licence")).toBe(false);
    expect(defaultMilestoneEntry("driving_licence")).toBeUndefined();
  });

  it("makes a valid key from an English label", () => {
    expect(milestoneKeyFromLabel("Got a driving licence")).toBe("got_a_driving_licence");
    expect(milestoneKeyFromLabel("  Café   job (part-time)! ")).toBe("cafe_job_part_time");
    expect(milestoneKeyFromLabel("18th birthday plan")).toBe("m_18th_birthday_plan");
    expect(milestoneKeyFromLabel("!!!")).toBe("milestone");
    const long = milestoneKeyFromLabel("A very long label that goes on and on past the forty character limit");
    expect(long.length).toBeLessThanOrEqual(40);
    expect(milestoneKey.safeParse(long).success).toBe(true);
  });
});

describe("milestone transitions", () => {
  it("allows the moves of the table and nothing else", () => {
    for (const from of MILESTONE_STATUSES) {
      for (const to of MILESTONE_STATUSES) {
        const refusal = milestoneTransitionRefusal(from, to, "a note");
        if (from === to) expect(refusal).toBe("status_unchanged");
        else expect(refusal === null, `${from} → ${to}`).toBe(MILESTONE_TRANSITIONS[from].includes(to));
      }
    }
  });

  it("regresses only from achieved", () => {
    for (const from of MILESTONE_STATUSES) {
      if (from === "regressed") continue;
      expect(milestoneTransitionRefusal(from, "regressed", "did not hold") === null).toBe(from === "achieved");
    }
  });

  it("achieves from planned, in progress and regressed, not from not applicable", () => {
    expect(milestoneTransitionRefusal("planned", "achieved")).toBeNull();
    expect(milestoneTransitionRefusal("in_progress", "achieved")).toBeNull();
    expect(milestoneTransitionRefusal("regressed", "achieved")).toBeNull();
    expect(milestoneTransitionRefusal("not_applicable", "achieved")).toBe("illegal_transition");
  });

  it("never turns an achievement into not applicable", () => {
    expect(milestoneTransitionRefusal("achieved", "not_applicable", "note")).toBe("illegal_transition");
    expect(milestoneTransitionRefusal("planned", "not_applicable")).toBeNull();
    expect(milestoneTransitionRefusal("regressed", "not_applicable")).toBeNull();
  });

  it("needs a note to leave achieved", () => {
    expect(milestoneTransitionRefusal("achieved", "regressed")).toBe("note_required");
    expect(milestoneTransitionRefusal("achieved", "regressed", "   ")).toBe("note_required");
    expect(milestoneTransitionRefusal("achieved", "in_progress", null)).toBe("note_required");
    expect(milestoneTransitionRefusal("achieved", "regressed", "Left school after two months")).toBeNull();
  });
});

describe("verification and overdue", () => {
  it("awaits verification only when achieved, required and not yet verified", () => {
    expect(isAwaitingVerification({ status: "achieved", verificationRequired: true, verifiedAt: null })).toBe(true);
    expect(isAwaitingVerification({ status: "achieved", verificationRequired: true, verifiedAt: new Date() })).toBe(false);
    expect(isAwaitingVerification({ status: "achieved", verificationRequired: false, verifiedAt: null })).toBe(false);
    expect(isAwaitingVerification({ status: "in_progress", verificationRequired: true, verifiedAt: null })).toBe(false);
  });

  it("is overdue when still open after its target date", () => {
    expect(isMilestoneOverdue({ status: "planned", targetDate: "2026-01-01" }, "2026-01-02")).toBe(true);
    expect(isMilestoneOverdue({ status: "regressed", targetDate: "2026-01-01" }, "2026-01-02")).toBe(true);
    expect(isMilestoneOverdue({ status: "in_progress", targetDate: "2026-01-02" }, "2026-01-02")).toBe(false);
    expect(isMilestoneOverdue({ status: "achieved", targetDate: "2026-01-01" }, "2026-01-02")).toBe(false);
    expect(isMilestoneOverdue({ status: "not_applicable", targetDate: "2026-01-01" }, "2026-01-02")).toBe(false);
    expect(isMilestoneOverdue({ status: "planned", targetDate: null }, "2026-01-02")).toBe(false);
  });

  it("lets administrators and supervisors manage the catalog", () => {
    expect(canManageMilestoneCatalog({ roles: ["admin"] })).toBe(true);
    expect(canManageMilestoneCatalog({ roles: ["supervisor"] })).toBe(true);
    expect(canManageMilestoneCatalog({ roles: ["social_worker", "counselor"] })).toBe(false);
  });
});

describe("milestone inputs", () => {
  it("takes exactly one of a catalog key and a custom title; a custom one needs its domain", () => {
    expect(addMilestoneInput.safeParse({ caseId: CASE_ID, catalogKey: "enrolled_in_school" }).success).toBe(true);
    expect(addMilestoneInput.safeParse({ caseId: CASE_ID, customTitle: "Driving licence", domain: "livelihood" }).success).toBe(true);
    expect(addMilestoneInput.safeParse({ caseId: CASE_ID }).success).toBe(false);
    expect(addMilestoneInput.safeParse({ caseId: CASE_ID, catalogKey: "stable_job", customTitle: "Job" }).success).toBe(false);
    const noDomain = addMilestoneInput.safeParse({ caseId: CASE_ID, customTitle: "Driving licence" });
    expect(noDomain.error?.issues[0]?.path).toEqual(["domain"]);
  });

  it("requires the achievement date to achieve, and drops it otherwise", () => {
    const missing = changeMilestoneStatusInput.safeParse({ milestoneId: MILESTONE_ID, version: 0, status: "achieved" });
    expect(missing.error?.issues[0]?.path).toEqual(["achievedOn"]);
    const dropped = changeMilestoneStatusInput.parse({ milestoneId: MILESTONE_ID, version: 0, status: "in_progress", achievedOn: "2026-01-01" });
    expect(dropped.achievedOn).toBeUndefined();
    const note = changeMilestoneStatusInput.parse({ milestoneId: MILESTONE_ID, version: 0, status: "in_progress", note: "  " });
    expect(note.note).toBeNull();
  });

  it("requires a note to reject a verification", () => {
    expect(verifyMilestoneInput.safeParse({ milestoneId: MILESTONE_ID, version: 1, decision: "verify" }).success).toBe(true);
    expect(verifyMilestoneInput.safeParse({ milestoneId: MILESTONE_ID, version: 1, decision: "reject" }).success).toBe(false);
    expect(verifyMilestoneInput.safeParse({ milestoneId: MILESTONE_ID, version: 1, decision: "reject", note: "No school letter" }).success).toBe(true);
  });

  it("takes a catalog entry worded in the three languages", () => {
    const label = { en: "Driving licence", id: "SIM", vi: "Bằng lái xe" };
    expect(addCatalogEntryInput.safeParse({ domain: "livelihood", label }).success).toBe(true);
    expect(addCatalogEntryInput.safeParse({ domain: "livelihood", label: { en: "Driving licence" } }).success).toBe(false);
    expect(addCatalogEntryInput.safeParse({ key: "Driving Licence", domain: "livelihood", label }).success).toBe(false);
  });
});
