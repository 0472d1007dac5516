import { describe, expect, it } from "vitest";
import { domainsToShow, groupByDomain, latestOf } from "./plan-grouping";

describe("plan grouping", () => {
  it("shows the core domains always, then enabled and used optional ones in the vocabulary's order", () => {
    expect(domainsToShow([], [])).toEqual(["physical", "psychological", "social"]);
    expect(domainsToShow(["physical", "psychological", "social", "safety"], [{ domain: "legal" }])).toEqual([
      "physical",
      "psychological",
      "social",
      "legal",
      "safety",
    ]);
  });

  it("keeps the plan's order inside a domain", () => {
    const goals = [
      { key: "a", domain: "social" as const },
      { key: "b", domain: "physical" as const },
      { key: "c", domain: "social" as const },
    ];
    const groups = groupByDomain([], goals);
    expect(groups.map((group) => [group.domain, group.goals.map((goal) => goal.key)])).toEqual([
      ["physical", ["b"]],
      ["psychological", []],
      ["social", ["a", "c"]],
    ]);
  });

  it("finds a goal's latest review", () => {
    const reviews = [
      { goalKey: "a", id: 1 },
      { goalKey: "b", id: 2 },
      { goalKey: "a", id: 3 },
    ];
    expect(latestOf(reviews, "a")?.id).toBe(3);
    expect(latestOf(reviews, "z")).toBeNull();
  });
});
