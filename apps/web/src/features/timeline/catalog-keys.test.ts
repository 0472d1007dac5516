import { describe, expect, it } from "vitest";
import {
  APPOINTMENT_KINDS,
  ASSESSMENT_TIMEPOINTS,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONSENT_GIVERS,
  CONSENT_SCOPES,
  FOLLOW_UP_OUTCOMES,
  MILESTONE_STATUSES,
  NOTE_STATUSES,
  REFERRAL_SOURCES,
  SESSION_MODALITIES,
  TIMELINE_ACTIONS,
  TIMELINE_KINDS,
} from "@lentera/domain";
import { catalogPart, hasText, mergedCatalog, type CatalogFile } from "../../i18n/test-catalogs";

/** The parts the timeline's route loads (router.tsx): its words must be in them, not just somewhere. */
const ROUTE_PARTS: CatalogFile[] = ["common", "timeline", "cases", "appointments", "sessions", "milestones"];
const routeCatalogs = ROUTE_PARTS.map((part) => catalogPart("en", part));
const inRoute = (key: string) => routeCatalogs.some((catalog) => hasText(catalog, key));

/** The timeline looks its words up with computed keys, which the catalog test cannot see. */
describe("the timeline's words in the catalogs", () => {
  it("names every kind and says every action (with its variants) in the timeline part", () => {
    const timeline = catalogPart("en", "timeline");
    const actions = Object.values(TIMELINE_ACTIONS).flat().filter((action) => action !== "appointment_outcome");
    const keys = [
      ...TIMELINE_KINDS.map((kind) => `timeline.kind.${kind}`),
      ...actions.map((action) => `timeline.action.${action}`),
      ...["attended", "no_show"].map((outcome) => `timeline.action.appointment_outcome.${outcome}`),
      ...["status_changedInitial", "consent_recordedExpiring", "appointment_rescheduledTo", "follow_up_recordedReopened"].map((key) => `timeline.action.${key}`),
      ...NOTE_STATUSES.map((status) => `timeline.noteStatus.${status}`),
      ...FOLLOW_UP_OUTCOMES.map((outcome) => `followUps.outcome.${outcome}`),
    ];
    expect(keys.filter((key) => !hasText(timeline, key))).toEqual([]);
  });

  it("finds the vocabularies it borrows from other features in the parts its route loads", () => {
    const keys = [
      ...REFERRAL_SOURCES.map((value) => `cases.referral.${value}`),
      ...CASE_STATUSES.map((value) => `cases.status.${value}`),
      ...CLOSURE_REASONS.map((value) => `cases.closureReason.${value}`),
      ...CONSENT_SCOPES.map((value) => `cases.consentScope.${value}`),
      ...CONSENT_GIVERS.map((value) => `cases.consentGiver.${value}`),
      ...ASSESSMENT_TIMEPOINTS.map((value) => `outcomes.timepoint.${value}`),
      ...APPOINTMENT_KINDS.map((value) => `appointments.kind.${value}`),
      ...["attended", "no_show", "scheduled"].map((value) => `sessions.attendance.${value}`),
      ...SESSION_MODALITIES.map((value) => `sessions.modality.${value}`),
      ...MILESTONE_STATUSES.map((value) => `milestones.status.${value}`),
    ];
    expect(keys.filter((key) => !inRoute(key))).toEqual([]);
    expect(keys.filter((key) => !hasText(mergedCatalog("vi"), key))).toEqual([]);
  });
});
