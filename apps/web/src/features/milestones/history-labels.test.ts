import { describe, expect, it } from "vitest";
import { mergedCatalog } from "../../i18n/test-catalogs";
import { describeValue, fieldLabel, type HistoryContext } from "../cases/history-format";

const en = mergedCatalog("en");

function lookup(key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  if (typeof value !== "string") throw new Error(`missing catalog key ${key}`);
  return value;
}

const context: HistoryContext = {
  t: (key) => lookup(key),
  date: (value) => `date(${value})`,
  teamName: () => null,
  memberName: () => null,
};

/** The case history names milestone and follow-up events in the milestones' words (history-format.ts). */
describe("milestone events in the case history", () => {
  it("labels a milestone's recorded fields", () => {
    expect(fieldLabel("catalogKey", context.t)).toBe("Milestone");
    expect(fieldLabel("targetDate", context.t)).toBe("Target date");
    expect(fieldLabel("evidenceNote", context.t)).toBe("Evidence");
    expect(fieldLabel("outcome", context.t)).toBe("Outcome");
  });

  it("uses the milestones' statuses and domains, not the case's", () => {
    expect(describeValue("status", "achieved", context, "milestone.status_changed")).toBe("Achieved");
    expect(describeValue("status", "in_progress", context, "milestone.verification_rejected")).toBe("In progress");
    expect(describeValue("domain", "online_safety", context, "milestone.added")).toBe("Online safety");
    expect(describeValue("status", "on_hold", context, "case.hold")).toBe("On hold");
  });

  it("names a default kind of milestone, keeps an agency's key, and does not show a goal's key", () => {
    expect(describeValue("catalogKey", "enrolled_in_school", context, "milestone.added")).toBe("Enrolled in school");
    expect(describeValue("catalogKey", "got_driving_licence", context, "milestone.added")).toBe("got_driving_licence");
    expect(describeValue("goalKey", "1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d", context, "milestone.updated")).toBe("a plan goal");
    expect(describeValue("targetDate", "2026-09-01", context, "milestone.updated")).toBe("date(2026-09-01)");
  });

  it("translates a follow-up's outcome and whether it reopened the case", () => {
    expect(describeValue("outcome", "serious_concerns", context, "follow_up.recorded")).toBe("Serious concerns");
    expect(describeValue("reopened", true, context, "follow_up.recorded")).toBe("Yes");
  });
});
