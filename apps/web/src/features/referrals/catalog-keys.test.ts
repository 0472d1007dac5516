import { describe, expect, it } from "vitest";
import { LOCALES, PARTNER_SERVICES, REFERRAL_SHARED_FIELDS, REFERRAL_STATUSES, REFERRAL_URGENCIES } from "@lentera/domain";
import { catalogPart, hasText as has } from "../../i18n/test-catalogs";

/** The referral screens look vocabularies up with computed keys, which the catalog test cannot see. */
describe("referral vocabulary in the catalogs", () => {
  it.each(LOCALES.map((locale) => [locale, catalogPart(locale, "referrals"), catalogPart(locale, "partners")] as const))(
    "%s names every status, urgency, shared field and service",
    (_locale, referrals, partners) => {
      const keys = [
        ...REFERRAL_STATUSES.map((status) => `referrals.status.${status}`),
        ...REFERRAL_URGENCIES.map((urgency) => `referrals.urgency.${urgency}`),
        ...REFERRAL_SHARED_FIELDS.map((field) => `referrals.shared.${field}`),
        ...["accepted", "declined", "completed", "withdrawn"].flatMap((d) => [`referrals.actions.${d}`, `referrals.decide.heading.${d}`]),
      ];
      expect(keys.filter((key) => !has(referrals, key))).toEqual([]);
      expect(PARTNER_SERVICES.map((service) => `partners.service.${service}`).filter((key) => !has(partners, key))).toEqual([]);
    },
  );
});
