import { describe, expect, it } from "vitest";
import { listInput, readListFilters, writeListFilters } from "./list-filters";

describe("list filters in the address", () => {
  it("reads known values and ignores the rest", () => {
    const params = new URLSearchParams("scope=team&q=Ani&status=active&risk=bogus&harm=ncii&sort=risk_desc");
    expect(readListFilters(params, true)).toEqual({
      scope: "team",
      search: "Ani",
      status: "active",
      riskLevel: "",
      harmType: "ncii",
      sort: "risk_desc",
    });
  });

  it("never gives the team scope to someone who is not a supervisor", () => {
    expect(readListFilters(new URLSearchParams("scope=team"), false).scope).toBe("mine");
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    const filters = readListFilters(new URLSearchParams("q= Ani &risk=high"), false);
    expect(writeListFilters(filters).toString()).toBe("q=Ani&risk=high");
    expect(writeListFilters(readListFilters(new URLSearchParams(""), false)).toString()).toBe("");
  });

  it("turns filters into the list query", () => {
    const filters = readListFilters(new URLSearchParams("status=intake&risk=critical"), false);
    expect(listInput(filters, 10)).toEqual({
      scope: "mine",
      status: ["intake"],
      riskLevel: ["critical"],
      sort: "opened_desc",
      limit: 10,
    });
  });
});
