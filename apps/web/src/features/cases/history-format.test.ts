import { describe, expect, it } from "vitest";
import { HARM_TYPES } from "@lentera/domain";
import { mergedCatalog } from "../../i18n/test-catalogs";

const en = mergedCatalog("en");
import {
  describeDetail,
  describeValue,
  FIELD_LABEL_KEYS,
  fieldLabel,
  HISTORY_ACTIONS,
  orderedChanges,
  type HistoryContext,
} from "./history-format";

/** Looks keys up in the English catalog, so that a missing key fails here. */
function lookup(key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  if (typeof value !== "string") throw new Error(`missing catalog key ${key}`);
  return value;
}

const context: HistoryContext = {
  t: (key) => lookup(key),
  date: (value) => `date(${value})`,
  teamName: (id) => (id === "team-1" ? "Tim Mawar" : null),
  memberName: (id) => (id === "user-1" ? "Sari" : null),
};

describe("history wording", () => {
  it("names every action and every recorded field in the catalog", () => {
    for (const action of HISTORY_ACTIONS) expect(() => lookup(`cases.history.actions.${action}`)).not.toThrow();
    for (const key of Object.values(FIELD_LABEL_KEYS)) expect(() => lookup(key)).not.toThrow();
  });

  it("labels fields whether the client's are prefixed or not", () => {
    expect(fieldLabel("client.alias", context.t)).toBe(fieldLabel("alias", context.t));
    expect(fieldLabel("identity.legalName", context.t)).toBe("Legal name");
    expect(fieldLabel("somethingNew", context.t)).toBe("somethingNew");
  });

  it("shows hidden values as hidden, never the marker", () => {
    expect(describeValue("identity.legalName", "[redacted]", context)).toBe(lookup("cases.history.hidden"));
  });

  it("translates words of the domain, dates, teams and care team members", () => {
    expect(describeValue("status", "on_hold", context)).toBe("On hold");
    expect(describeValue("harmTypes", [...HARM_TYPES].slice(0, 2), context)).toBe(
      `${lookup("cases.harm.online_sexual_exploitation")}, ${lookup("cases.harm.online_prostitution")}`,
    );
    expect(describeValue("client.birthDate", "2012-05-01", context)).toBe("date(2012-05-01)");
    expect(describeValue("teamId", "team-1", context)).toBe("Tim Mawar");
    expect(describeValue("careTeam", "primary_social_worker:user-1", context)).toBe(
      `Sari (${lookup("cases.careTeamRole.primary_social_worker")})`,
    );
    expect(describeValue("riskConcerns", null, context)).toBe(lookup("cases.page.none"));
  });

  it("translates a closure request's reason, and leaves free text alone", () => {
    expect(describeDetail("case.closure_requested", "reason", "goals_achieved", context.t)).toBe(
      lookup("cases.closureReason.goals_achieved"),
    );
    expect(describeDetail("case.hold", "reason", "family travelling", context.t)).toBe("family travelling");
    expect(describeDetail("case.hold", "reason", 3, context.t)).toBeNull();
  });

  it("lists changes in the page's order, unknown fields last", () => {
    const order = orderedChanges({ "identity.phone": 1, zzz: 2, "client.alias": 3, riskLevel: 4 }).map(([field]) => field);
    expect(order).toEqual(["riskLevel", "client.alias", "identity.phone", "zzz"]);
  });
});
