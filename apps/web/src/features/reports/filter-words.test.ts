import { describe, expect, it } from "vitest";
import { filterFacts, paramFacts, type FilterNames } from "./filter-words";
import { translator } from "./test-translator";

const en = translator("en");
const names: FilterNames = {
  team: (id) => (id === "team-1" ? "Tim Mawar" : null),
  person: (id) => (id === "person-1" ? "Dewi" : null),
  instrument: (code) => (code === "ijm-aso" ? "Assessment of Survivor Outcomes" : null),
  outcomeDomain: (_code, domain) => (domain === "safety" ? "Safety" : null),
};
const format = { date: (day: string) => `<${day}>`, month: (month: string) => `[${month}]` };

describe("the filter in words", () => {
  it("says the period, the scope, and names the team and worker it knows", () => {
    const filter = { agencyWide: true, teamId: "team-1", workerId: "person-2", from: "2026-01-01", to: "2026-06-30" };
    expect(filterFacts(filter, en, names, format)).toEqual([
      { label: "Period", value: "<2026-01-01> – <2026-06-30>" },
      { label: "Teams", value: "The whole agency" },
      { label: "Team", value: "Tim Mawar" },
      { label: "Worker on the care team", value: "One person" },
    ]);
  });

  it("says the list's part of the figure, with the person named for what the list is about", () => {
    expect(paramFacts("sessions", { personId: "person-1" }, en, names, format)).toEqual([{ label: "Counselor", value: "Dewi" }]);
    expect(paramFacts("caseload", { personId: "unassigned", riskLevel: "high" }, en, names, format)).toEqual([
      { label: "Primary social worker", value: "No primary social worker" },
      { label: "Risk level", value: "High" },
    ]);
    expect(paramFacts("cases", {}, en, names, format)).toEqual([{ label: "Case status", value: "Open (not closed)" }]);
    expect(paramFacts("opened", { month: "2026-03" }, en, names, format)).toEqual([{ label: "Month", value: "[2026-03]" }]);
    expect(paramFacts("outcome_change", { instrumentCode: "ijm-aso", outcomeDomain: "safety", change: "improved" }, en, names, format)).toEqual([
      { label: "Instrument", value: "Assessment of Survivor Outcomes" },
      { label: "Outcome domain", value: "Safety" },
      { label: "Change since intake", value: "Improved" },
    ]);
  });
});
