import { describe, expect, it } from "vitest";
import { addMilestoneInput, changeMilestoneStatusInput, updateMilestoneInput, verifyMilestoneInput } from "@lentera/domain";
import {
  addFormSchema,
  addMilestoneRequest,
  catalogEntryFormSchema,
  catalogEntryRequest,
  CUSTOM_CHOICE,
  EMPTY_ADD_FORM,
  editFormDefaults,
  editRequest,
  statusFormDefaults,
  statusFormSchema,
  statusRequests,
  verifyRefusal,
  verifyRequest,
} from "./milestone-form-values";

const caseId = "8f6c1c1e-5a3b-4d6e-9f10-0a1b2c3d4e5f";
const goalKey = "1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d";
const milestone = {
  id: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
  version: 3,
  catalogKey: "enrolled_in_school",
  customTitle: null,
  targetDate: "2026-09-01",
  goalKey: null,
  evidenceNote: null,
};

/** The field paths a schema complains about. */
function failingPaths(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("adding a milestone", () => {
  it("asks to choose a milestone, and for a custom one its title and domain", () => {
    expect(failingPaths(addFormSchema.safeParse(EMPTY_ADD_FORM))).toEqual(["choice: validation.required"]);
    expect(failingPaths(addFormSchema.safeParse({ ...EMPTY_ADD_FORM, choice: CUSTOM_CHOICE, customTitle: "  " }))).toEqual([
      "customTitle: validation.required",
      "domain: validation.required",
    ]);
    expect(addFormSchema.safeParse({ ...EMPTY_ADD_FORM, choice: "enrolled_in_school" }).success).toBe(true);
    expect(failingPaths(addFormSchema.safeParse({ ...EMPTY_ADD_FORM, choice: "enrolled_in_school", targetDate: "soon" }))).toEqual([
      "targetDate: validation.date",
    ]);
  });

  it("sends a catalog kind by key, without a domain, and blanks as nothing", () => {
    const input = addMilestoneRequest(caseId, { ...EMPTY_ADD_FORM, choice: "enrolled_in_school", targetDate: "2026-09-01", evidenceNote: "  " });
    expect(input).toEqual({ caseId, catalogKey: "enrolled_in_school", targetDate: "2026-09-01", goalKey: null, evidenceNote: null });
    expect(addMilestoneInput.safeParse(input).success).toBe(true);
  });

  it("sends a custom milestone with its trimmed title and domain, and the linked goal", () => {
    const input = addMilestoneRequest(caseId, {
      ...EMPTY_ADD_FORM,
      choice: CUSTOM_CHOICE,
      customTitle: " Got an ID card ",
      domain: "legal",
      goalKey,
      evidenceNote: "Seen the card",
    });
    expect(input).toEqual({ caseId, customTitle: "Got an ID card", domain: "legal", targetDate: null, goalKey, evidenceNote: "Seen the card" });
    expect(addMilestoneInput.safeParse(input).success).toBe(true);
  });
});

describe("changing the status", () => {
  const today = "2026-03-10";

  it("offers only allowed statuses, and an achievement needs a date that is not in the future", () => {
    const schema = statusFormSchema("planned", ["in_progress", "achieved", "not_applicable"], today);
    const defaults = statusFormDefaults(milestone, today);
    expect(defaults).toEqual({ status: "", achievedOn: today, evidenceNote: "", note: "" });
    expect(failingPaths(schema.safeParse(defaults))).toEqual(["status: validation.required"]);
    expect(failingPaths(schema.safeParse({ ...defaults, status: "regressed" }))).toEqual(["status: validation.required"]);
    expect(failingPaths(schema.safeParse({ ...defaults, status: "achieved", achievedOn: "2026-03-11" }))).toEqual([
      "achievedOn: errors.date_in_future",
    ]);
    expect(failingPaths(schema.safeParse({ ...defaults, status: "achieved", achievedOn: "" }))).toEqual(["achievedOn: validation.date"]);
    expect(schema.safeParse({ ...defaults, status: "achieved" }).success).toBe(true);
  });

  it("needs a note to leave an achievement", () => {
    const schema = statusFormSchema("achieved", ["regressed", "in_progress"], today);
    const defaults = statusFormDefaults(milestone, today);
    expect(failingPaths(schema.safeParse({ ...defaults, status: "regressed" }))).toEqual(["note: errors.note_required"]);
    expect(schema.safeParse({ ...defaults, status: "regressed", note: "Dropped out after a month" }).success).toBe(true);
  });

  it("saves new evidence before achieving, and sends the date only with an achievement", () => {
    const achieve = statusRequests(milestone, { status: "achieved", achievedOn: today, evidenceNote: " Enrolment letter seen ", note: "" });
    expect(achieve).toEqual({
      evidenceNote: "Enrolment letter seen",
      change: { milestoneId: milestone.id, status: "achieved", achievedOn: today },
    });
    expect(changeMilestoneStatusInput.safeParse({ ...achieve.change, version: 1 }).success).toBe(true);

    const same = statusRequests({ ...milestone, evidenceNote: "Letter" }, { status: "achieved", achievedOn: today, evidenceNote: "Letter", note: "" });
    expect(same.evidenceNote).toBeUndefined();

    const regress = statusRequests(milestone, { status: "regressed", achievedOn: today, evidenceNote: "changed", note: " Left school " });
    expect(regress).toEqual({ evidenceNote: undefined, change: { milestoneId: milestone.id, status: "regressed", note: "Left school" } });
  });
});

describe("editing the details", () => {
  it("sends only what changed, and nothing when nothing did", () => {
    const defaults = editFormDefaults(milestone);
    expect(defaults).toEqual({ customTitle: "", targetDate: "2026-09-01", goalKey: "", evidenceNote: "" });
    expect(editRequest(milestone, defaults)).toBeNull();
    const input = editRequest(milestone, { ...defaults, targetDate: "", goalKey, evidenceNote: "Letter" });
    expect(input).toEqual({ milestoneId: milestone.id, version: 3, targetDate: null, goalKey, evidenceNote: "Letter" });
    expect(updateMilestoneInput.safeParse(input).success).toBe(true);
  });

  it("changes the title of a custom milestone only, and never to a blank one", () => {
    expect(editRequest(milestone, { ...editFormDefaults(milestone), customTitle: "Other" })).toBeNull();
    const custom = { ...milestone, catalogKey: null, customTitle: "Got an ID card" };
    expect(editRequest(custom, { ...editFormDefaults(custom), customTitle: " " })).toBeNull();
    expect(editRequest(custom, { ...editFormDefaults(custom), customTitle: "Got a passport" })).toEqual({
      milestoneId: milestone.id,
      version: 3,
      customTitle: "Got a passport",
    });
  });
});

describe("verifying an achievement", () => {
  it("needs a note to return it, not to verify it", () => {
    expect(verifyRefusal("reject", "  ")).toBe("validation.noteRequiredToReject");
    expect(verifyRefusal("reject", "No letter yet")).toBeNull();
    expect(verifyRefusal("verify", "")).toBeNull();
    expect(verifyRequest(milestone, "verify", " ")).toEqual({ milestoneId: milestone.id, version: 3, decision: "verify" });
    const reject = verifyRequest(milestone, "reject", " No letter yet ");
    expect(reject).toEqual({ milestoneId: milestone.id, version: 3, decision: "reject", note: "No letter yet" });
    expect(verifyMilestoneInput.safeParse(reject).success).toBe(true);
  });
});

describe("a new kind of milestone", () => {
  it("needs a domain and a label in every language", () => {
    const result = catalogEntryFormSchema.safeParse({ domain: "", en: "Got a driving licence", id: " ", vi: "" });
    expect(failingPaths(result)).toEqual(["domain: validation.required", "id: validation.required", "vi: validation.required"]);
  });

  it("sends the trimmed labels and lets the server make the key", () => {
    const values = catalogEntryFormSchema.parse({ domain: "livelihood", en: " Got a driving licence ", id: "Memiliki SIM", vi: "Có bằng lái xe" });
    expect(catalogEntryRequest(values)).toEqual({
      domain: "livelihood",
      label: { en: "Got a driving licence", id: "Memiliki SIM", vi: "Có bằng lái xe" },
    });
  });
});
