import { describe, expect, it } from "vitest";
import { FOLLOW_UP_OUTCOMES, followUpRefusal } from "@lentera/domain";
import { catalogPart, hasText } from "../../i18n/test-catalogs";
import { followUpFormSchema, followUpRequest } from "./follow-up-form-values";

const caseId = "0b7c2d3e-1111-4222-8333-944455556666";

describe("the follow-up form", () => {
  it("asks for an outcome and keeps the note short", () => {
    expect(followUpFormSchema.safeParse({ note: "" }).success).toBe(false);
    expect(followUpFormSchema.safeParse({ outcome: "doing_well", note: "x".repeat(2001) }).error?.issues[0]?.message).toBe("validation.tooLong");
    expect(followUpFormSchema.parse({ outcome: "doing_well", note: "" })).toEqual({ outcome: "doing_well", note: "" });
  });

  it("sends no empty note, and reopening only with serious concerns", () => {
    expect(followUpRequest(caseId, "2026-06-01", { outcome: "doing_well", note: "  ", reopen: true })).toEqual({
      caseId,
      dueOn: "2026-06-01",
      outcome: "doing_well",
      reopen: false,
    });
    expect(followUpRequest(caseId, "2026-06-01", { outcome: "serious_concerns", note: " Unsafe at home. ", reopen: true })).toEqual({
      caseId,
      dueOn: "2026-06-01",
      outcome: "serious_concerns",
      note: "Unsafe at home.",
      reopen: true,
    });
    // The disabled box has no value: not reopened.
    expect(followUpRequest(caseId, "2026-06-01", { outcome: "serious_concerns", note: "" }).reopen).toBe(false);
  });

  it("sends nothing the domain's rule refuses (the form only offers reopening with serious concerns)", () => {
    const facts = { status: "closed" as const, followUpDates: ["2026-06-01"], today: "2026-06-01" };
    for (const outcome of FOLLOW_UP_OUTCOMES) {
      expect(followUpRefusal(followUpRequest(caseId, "2026-06-01", { outcome, note: "", reopen: true }), facts)).toBeNull();
    }
  });
});

describe("the follow-ups' words in the catalogs", () => {
  it("names every outcome and every refusal in the timeline part (which the case page loads)", () => {
    const timeline = catalogPart("en", "timeline");
    expect(FOLLOW_UP_OUTCOMES.filter((outcome) => !hasText(timeline, `followUps.outcome.${outcome}`))).toEqual([]);
    const refusals = ["case_not_closed", "unknown_follow_up", "follow_up_not_due", "follow_up_recorded", "reopen_needs_serious_outcome"];
    expect(refusals.filter((reason) => !hasText(timeline, `errors.${reason}`))).toEqual([]);
    expect(["followUps.recorded", "followUps.recordedReopened"].filter((key) => !hasText(timeline, key))).toEqual([]);
  });
});
