import { describe, expect, it } from "vitest";
import {
  CARE_TEAM_ROLES,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONSENT_GIVERS,
  CONSENT_SCOPES,
  COUNTRIES,
  HARM_TYPES,
  IDENTITY_NUMBER_KINDS,
  LIST_SORTS,
  REFERRAL_SOURCES,
  RISK_LEVELS,
  SEXES,
} from "@lentera/domain";
import { hasText, mergedCatalog } from "../../i18n/test-catalogs";

const en = mergedCatalog("en");
const has = (key: string) => hasText(en, key);

/** The case screens look these up with computed keys, which the catalog test cannot see. */
describe("case vocabulary in the catalogs", () => {
  it("names every word of the domain the case screens show", () => {
    const keys = [
      ...CASE_STATUSES.map((value) => `cases.status.${value}`),
      ...RISK_LEVELS.map((value) => `cases.risk.${value}`),
      ...HARM_TYPES.map((value) => `cases.harm.${value}`),
      ...REFERRAL_SOURCES.map((value) => `cases.referral.${value}`),
      ...SEXES.map((value) => `cases.sex.${value}`),
      ...COUNTRIES.map((value) => `cases.country.${value}`),
      ...CONSENT_SCOPES.map((value) => `cases.consentScope.${value}`),
      ...CONSENT_GIVERS.map((value) => `cases.consentGiver.${value}`),
      ...CLOSURE_REASONS.map((value) => `cases.closureReason.${value}`),
      ...IDENTITY_NUMBER_KINDS.map((value) => `cases.identityKind.${value}`),
      ...CARE_TEAM_ROLES.map((value) => `cases.careTeamRole.${value}`),
      ...LIST_SORTS.map((value) => `cases.list.sorts.${value}`),
      ...["activate", "hold", "resume"].flatMap((value) => [
        `cases.workflow.transition.${value}`,
        `cases.workflow.done.${value}`,
      ]),
      ...["reason", "comment"].map((value) => `cases.history.detail.${value}`),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });

  it("has every validation message the domain's case schemas use", () => {
    const messages = [
      "required",
      "tooLong",
      "email",
      "date",
      "province",
      "birthDateOrAge",
      "atLeastOne",
      "caseNumber",
      "commentRequiredToReturn",
      "expiryAfterGiven",
    ];
    expect(messages.filter((message) => !has(`validation.${message}`))).toEqual([]);
  });
});
