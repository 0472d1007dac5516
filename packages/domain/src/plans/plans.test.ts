import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { diffPlanGoals, enabledPlanDomains, mayDecideOwnPlan, reviewDueOn, uncoveredAtRiskDomains, type ComparableGoal } from "./rules";
import { goalInput, savePlanDraftInput } from "./schemas";

const goal = (over: Partial<ComparableGoal> = {}): ComparableGoal => ({
  key: "00000000-0000-4000-8000-000000000001",
  domain: "psychological",
  title: "Sleeps through the night",
  description: null,
  baseline: "Wakes with nightmares most nights",
  target: "Five nights a week without waking",
  outcomeDomain: "mental_wellbeing",
  ownerUserId: null,
  ownerPartnerId: null,
  targetDate: "2027-03-01",
  status: "in_progress",
  interventions: [],
  ...over,
});

describe("plan rules", () => {
  it("uses the core domains and the optional ones the agency switched on, in a fixed order", () => {
    expect(enabledPlanDomains([])).toEqual(["physical", "psychological", "social"]);
    expect(enabledPlanDomains(["safety", "legal"])).toEqual(["physical", "psychological", "social", "legal", "safety"]);
  });

  it("names the at-risk domains that no open goal works on", () => {
    const goals = [
      goal({ outcomeDomain: "mental_wellbeing", status: "in_progress" }),
      goal({ outcomeDomain: "safety", status: "achieved" }),
      goal({ outcomeDomain: "social_support", status: "not_started" }),
    ];
    expect(uncoveredAtRiskDomains(["safety", "mental_wellbeing", "social_support", "legal_protection"], goals)).toEqual([
      "safety",
      "legal_protection",
    ]);
    expect(uncoveredAtRiskDomains([], [])).toEqual([]);
  });

  it("makes a review due an interval after the last review, or after the plan came into force", () => {
    expect(addDays("2026-12-30", 5)).toBe("2027-01-04");
    expect(reviewDueOn(null, "2026-01-10", 90)).toBe("2026-04-10");
    expect(reviewDueOn("2026-03-01", "2026-01-10", 90)).toBe("2026-05-30");
    // A review made under an older version does not count before the new version came into force.
    expect(reviewDueOn("2025-12-01", "2026-01-10", 90)).toBe("2026-04-10");
  });

  it("refuses self-approval unless the agency allows it", () => {
    expect(mayDecideOwnPlan("sup", ["sw", "sw", "sw"], false)).toBe(true);
    expect(mayDecideOwnPlan("sup", ["sw", "sup", "sw"], false)).toBe(false);
    expect(mayDecideOwnPlan("sup", ["sup", "sup", "sup"], true)).toBe(true);
  });

  it("diffs two versions goal by goal", () => {
    const kept = goal();
    const changed = goal({ key: "00000000-0000-4000-8000-000000000002", title: "Back at school" });
    const removed = goal({ key: "00000000-0000-4000-8000-000000000003", title: "Removed" });
    const added = goal({ key: "00000000-0000-4000-8000-000000000004", title: "New" });
    const diff = diffPlanGoals(
      [kept, changed, removed],
      [
        kept,
        {
          ...changed,
          status: "achieved",
          interventions: [{ type: "education_support", providerPartnerId: null, providerName: "SMP 3", frequency: null, startDate: null, endDate: null }],
        },
        added,
      ],
    );
    expect(diff.map((entry) => [entry.kind, entry.after?.title ?? entry.before?.title, entry.fields])).toEqual([
      ["unchanged", "Sleeps through the night", []],
      ["changed", "Back at school", ["status", "interventions"]],
      ["added", "New", []],
      ["removed", "Removed", []],
    ]);
  });
});

describe("plan inputs", () => {
  it("refuses a goal with two owners and an intervention ending before it starts", () => {
    const base = { key: "00000000-0000-4000-8000-000000000001", domain: "social", title: "Joins a youth group" };
    expect(goalInput.safeParse({ ...base, ownerUserId: crypto.randomUUID(), ownerPartnerId: crypto.randomUUID() }).success).toBe(false);
    const badSpan = { type: "peer_support", startDate: "2026-05-01", endDate: "2026-04-01" };
    expect(goalInput.safeParse({ ...base, interventions: [badSpan] }).success).toBe(false);
    expect(goalInput.parse(base)).toMatchObject({ status: "not_started", description: null, interventions: [] });
  });

  it("refuses two goals with the same key in one draft", () => {
    const one = { key: "00000000-0000-4000-8000-000000000001", domain: "social", title: "A" };
    expect(savePlanDraftInput.safeParse({ versionId: crypto.randomUUID(), version: 0, goals: [one, one] }).success).toBe(false);
  });
});
