import { describe, expect, it } from "vitest";
import { MILESTONE_STATUSES, milestoneTransitionRefusal } from "@lentera/domain";
import { allowedNextStatuses, catalogIndex, goalChoices, goalTitles, groupByDomain, milestoneLabel, needsNote } from "./milestone-text";

const agencyEntry = {
  key: "got_driving_licence",
  domain: "livelihood" as const,
  label: { en: "Got a driving licence", id: "Memiliki SIM", vi: "Có bằng lái xe" },
  source: "agency" as const,
};
const catalog = catalogIndex([agencyEntry]);

describe("milestone names", () => {
  it("uses the custom title, else the catalog's label in the reader's language", () => {
    expect(milestoneLabel({ catalogKey: null, customTitle: "Got an ID card" }, catalog, "vi")).toBe("Got an ID card");
    expect(milestoneLabel({ catalogKey: "got_driving_licence", customTitle: null }, catalog, "id")).toBe("Memiliki SIM");
  });

  it("falls back to Lentera's default label, then to the key", () => {
    expect(milestoneLabel({ catalogKey: "enrolled_in_school", customTitle: null }, catalog, "id")).toBe("Terdaftar di sekolah");
    expect(milestoneLabel({ catalogKey: "retired_kind", customTitle: null }, catalog, "en")).toBe("retired_kind");
  });
});

describe("grouping", () => {
  it("puts items under their domain in the vocabulary's order and leaves empty domains out", () => {
    const groups = groupByDomain([
      { id: 1, domain: "online_safety" as const },
      { id: 2, domain: "family" as const },
      { id: 3, domain: "online_safety" as const },
    ]);
    expect(groups.map((group) => [group.domain, group.items.map((item) => item.id)])).toEqual([
      ["family", [2]],
      ["online_safety", [1, 3]],
    ]);
  });
});

describe("next statuses", () => {
  it("offers exactly the moves the domain accepts (with a note where one is needed)", () => {
    for (const from of MILESTONE_STATUSES) {
      for (const to of MILESTONE_STATUSES) {
        const offered = allowedNextStatuses(from).includes(to);
        const refusal = milestoneTransitionRefusal(from, to, needsNote(from, to) ? "what happened" : null);
        expect(offered, `${from} → ${to}`).toBe(refusal === null);
      }
    }
  });

  it("asks for a note only when leaving an achievement", () => {
    expect(needsNote("achieved", "regressed")).toBe(true);
    expect(needsNote("achieved", "")).toBe(false);
    expect(needsNote("in_progress", "achieved")).toBe(false);
  });

  it("lets an achievement regress but never be set aside as not applicable", () => {
    expect(allowedNextStatuses("achieved")).toEqual(["regressed", "in_progress"]);
  });
});

describe("plan goals", () => {
  const plan = {
    inForce: {
      goals: [
        { key: "g1", title: "Attends school 4 days a week", status: "in_progress" },
        { key: "g2", title: "Dental treatment", status: "discontinued" },
      ],
    },
    open: {
      goals: [
        { key: "g1", title: "Attends school 5 days a week", status: "in_progress" },
        { key: "g3", title: "Joins a youth group", status: "not_started" },
      ],
    },
  };

  it("offers the goals of the plan in force and the open version once, not discontinued ones", () => {
    expect(goalChoices(plan)).toEqual([
      { key: "g1", title: "Attends school 5 days a week" },
      { key: "g3", title: "Joins a youth group" },
    ]);
    expect(goalChoices(undefined)).toEqual([]);
    expect(goalChoices({ inForce: null, open: null })).toEqual([]);
  });

  it("names every goal the plan shows, discontinued ones too", () => {
    expect(goalTitles(plan).get("g2")).toBe("Dental treatment");
    expect(goalTitles(plan).get("g1")).toBe("Attends school 5 days a week");
  });
});
