import { describe, expect, it } from "vitest";
import { GOAL_STATUSES, INTERVENTION_TYPES, PLAN_DOMAINS, PLAN_VERSION_STATUSES, REVIEW_RATINGS } from "@lentera/domain";
import { hasText, mergedCatalog } from "../../i18n/test-catalogs";

const en = mergedCatalog("en");
const has = (key: string) => hasText(en, key);

/** The plan screens look these up with computed keys, which the catalog test cannot see. */
describe("plan vocabulary in the catalogs", () => {
  it("names every word of the plan the screens show", () => {
    const keys = [
      ...PLAN_DOMAINS.map((value) => `plans.domain.${value}`),
      ...GOAL_STATUSES.map((value) => `plans.goalStatus.${value}`),
      ...PLAN_VERSION_STATUSES.map((value) => `plans.versionStatus.${value}`),
      ...INTERVENTION_TYPES.map((value) => `plans.interventionType.${value}`),
      ...REVIEW_RATINGS.map((value) => `plans.rating.${value}`),
      ...["added", "removed", "changed", "unchanged"].map((value) => `plans.diff.kind.${value}`),
      ...["domain", "title", "description", "baseline", "target", "outcomeDomain", "owner", "targetDate", "status", "interventions"].map(
        (value) => `plans.diff.field.${value}`,
      ),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });

  it("has every validation message the domain's plan schemas use", () => {
    const messages = ["required", "tooLong", "date", "endBeforeStart", "tooMany", "oneOwner", "duplicateGoal", "commentRequiredToReturn", "range", "progressOrRating"];
    expect(messages.filter((message) => !has(`validation.${message}`))).toEqual([]);
  });
});
