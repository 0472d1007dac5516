import { describe, expect, it } from "vitest";
import { LEGAL_STAGES, LOCALES, REFERRAL_STATUSES, TAKEDOWN_STATUSES, type Dashboard } from "@lentera/domain";
import { catalogPart, hasText } from "../../i18n/test-catalogs";
import { paramFacts } from "../reports/filter-words";
import { translator } from "../reports/test-translator";
import { casesWithLegalProcess, legalStageRows, referralsSent, referralStatusRows, takedownRows } from "./partners-rows";

const figures: Pick<Dashboard, "referrals" | "takedowns" | "legalStages"> = {
  referrals: {
    byStatus: { sent: 1, accepted: 3, declined: 1, completed: 1, withdrawn: 1 },
    byPartner: [],
    accepted: 4,
    medianDaysToAcceptance: 2.5,
  },
  takedowns: { itemsReported: 6, itemsRemoved: 3, medianDaysToRemoval: 10 },
  legalStages: { reported: 1, investigation: 2, prosecution: 0, trial: 1, verdict: 0, appeal: 0, restitution: 0 },
};

describe("the partners and online-harm section's rows", () => {
  it("gives every referral status its count and the list with that status", () => {
    expect(referralStatusRows(figures).map((row) => [row.key, row.count, row.params.referralStatus])).toEqual([
      ["sent", 1, "sent"],
      ["accepted", 3, "accepted"],
      ["declined", 1, "declined"],
      ["completed", 1, "completed"],
      ["withdrawn", 1, "withdrawn"],
    ]);
    expect(referralsSent(figures)).toBe(7);
  });

  it("links reported and removed items to the takedowns list in that state", () => {
    expect(takedownRows(figures)).toEqual([
      { key: "reported", count: 6, list: "takedowns", params: { takedownState: "reported" } },
      { key: "removed", count: 3, list: "takedowns", params: { takedownState: "removed" } },
    ]);
  });

  it("counts the cases per legal stage in the vocabulary's order", () => {
    expect(legalStageRows(figures).map((row) => row.key)).toEqual([...LEGAL_STAGES]);
    expect(legalStageRows(figures)[1]).toEqual({ key: "investigation", count: 2, list: "legal_stage", params: { legalStage: "investigation" } });
    expect(casesWithLegalProcess(figures)).toBe(4);
  });
});

/** The section words statuses and stages with computed keys, which the catalog test cannot see. */
describe("the section's computed words", () => {
  it.each(LOCALES)("%s words every referral status, takedown status, legal stage and item state", (locale) => {
    const dashboard = catalogPart(locale, "dashboard");
    const keys = [
      ...REFERRAL_STATUSES.map((status) => `dashboard.referralStatus.${status}`),
      ...TAKEDOWN_STATUSES.map((status) => `dashboard.takedownStatus.${status}`),
      ...LEGAL_STAGES.map((stage) => `dashboard.legalStage.${stage}`),
      "dashboard.partners.items.reported",
      "dashboard.partners.items.removed",
    ];
    expect(keys.filter((key) => !hasText(dashboard, key))).toEqual([]);
  });
});

describe("the new lists' parameters in words", () => {
  const en = translator("en");
  const names = { team: () => null, person: () => null, instrument: () => null, outcomeDomain: () => null, partner: (id: string) => (id === "p-1" ? "Legal Aid Alpha" : null) };
  const format = { date: (day: string) => day, month: (month: string) => month };

  it("names the referral status, the partner, the items' state and the legal stage", () => {
    expect(paramFacts("referrals", { referralStatus: "accepted", partnerId: "p-1" }, en, names, format)).toEqual([
      { label: "Referral status", value: "Accepted" },
      { label: "Partner", value: "Legal Aid Alpha" },
    ]);
    expect(paramFacts("takedowns", {}, en, names, format)).toEqual([{ label: "Items", value: "Every item reported for takedown" }]);
    expect(paramFacts("legal_stage", { legalStage: "trial" }, en, names, format)).toEqual([{ label: "Legal stage", value: "Trial" }]);
  });
});
