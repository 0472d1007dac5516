import { describe, expect, it } from "vitest";
import { filterFromSearch, searchFromFilter, serverFilter } from "./audit-filter-url";

describe("the audit log's address", () => {
  it("round-trips every filter and the page", () => {
    const search = new URLSearchParams("case=LNT-2026-000001&action=case.break_glass&user=0b6f3a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b&from=2026-01-01&to=2026-02-01&after=42");
    expect(searchFromFilter(filterFromSearch(search)).toString()).toBe(search.toString());
  });

  it("drops what is not a filter value", () => {
    expect(filterFromSearch(new URLSearchParams("action=<script>&user=me&from=yesterday&after=-3"))).toEqual({
      caseNumber: "",
      action: "",
      user: "",
      from: "",
      to: "",
      after: null,
    });
  });

  it("asks for whole local days and refuses a period the server would", () => {
    const asked = serverFilter({ caseNumber: "", action: "", user: "", from: "2026-03-01", to: "2026-03-01", after: null });
    if (asked.problem !== null) throw new Error("refused");
    expect(asked.filter.from?.getHours()).toBe(0);
    expect(asked.filter.to?.getHours()).toBe(23);
    expect(serverFilter({ caseNumber: "", action: "", user: "", from: "2026-03-02", to: "2026-03-01", after: null }).problem).toBe("order");
    expect(serverFilter({ caseNumber: "", action: "", user: "", from: "2024-01-01", to: "2026-03-01", after: null }).problem).toBe("tooLong");
  });
});
