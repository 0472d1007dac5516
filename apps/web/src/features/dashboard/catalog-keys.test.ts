import { describe, expect, it } from "vitest";
import { APPOINTMENT_STATUSES, CASE_STATUSES, HARM_TYPES, LOCALES, MILESTONE_DOMAINS, OUTCOME_CHANGES, RISK_LEVELS } from "@lentera/domain";
import { catalogPart, hasText } from "../../i18n/test-catalogs";
import { MILESTONE_COLUMNS } from "./dashboard-rows";

/**
 * The dashboard names statuses, risks, harm types and milestone domains with computed keys, which
 * the catalog test cannot see. They are the case, appointment and milestone features' own words
 * (their parts load with the dashboard's route); the outcome changes are the dashboard's.
 */
describe("the dashboard's computed words in the catalogs", () => {
  it.each(LOCALES)("%s has every word the figures are labelled with, in the parts the route loads", (locale) => {
    const where = {
      cases: [...CASE_STATUSES.map((s) => `cases.status.${s}`), ...RISK_LEVELS.map((r) => `cases.risk.${r}`), ...HARM_TYPES.map((h) => `cases.harm.${h}`)],
      appointments: APPOINTMENT_STATUSES.map((s) => `appointments.status.${s}`),
      milestones: [...MILESTONE_DOMAINS.map((d) => `milestones.domain.${d}`), ...MILESTONE_COLUMNS.map((s) => `milestones.status.${s}`)],
      dashboard: [...OUTCOME_CHANGES.map((c) => `dashboard.change.${c}`), "dashboard.monthly.opened", "dashboard.monthly.closed", "dashboard.title", "dashboard.agencyTitle"],
    } as const;
    const missing = Object.entries(where).flatMap(([part, keys]) => keys.filter((key) => !hasText(catalogPart(locale, part as keyof typeof where), key)));
    expect(missing).toEqual([]);
  });
});
