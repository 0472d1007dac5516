import { describe, expect, it } from "vitest";
import { TIMELINE_KINDS, type TimelineEntry } from "@lentera/domain";
import { lookup, mergedCatalog } from "../../i18n/test-catalogs";
import { dayOf, entryWords, groupByDay, kindsParam, readKinds, type TimelineFormat } from "./timeline-text";

const english = mergedCatalog("en");
/** The English catalogs, interpolated as i18next does: the words a reader sees. */
const t = (key: string, values: Record<string, string> = {}) => {
  const text = lookup(english, key);
  if (typeof text !== "string") throw new Error(`no text for ${key}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
};
const format: TimelineFormat = {
  t,
  date: (value) => `[${value}]`,
  dateTime: (value) => `[${value.toISOString()}]`,
  milestone: ({ catalogKey, customTitle }) => customTitle ?? (catalogKey === "enrolled_in_school" ? "Enrolled in school" : "?"),
};

const id = "0b7c2d3e-1111-4222-8333-944455556666";
const budi = { id, name: "Budi" };
const at = new Date("2026-03-02T03:00:00Z");
const common = { id: "e1", at, actor: budi };
const words = (entry: TimelineEntry) => entryWords(entry, format);
const appointment = { appointmentKind: "counseling" as const, mode: "in_person" as const, startsAt: at, endsAt: at, staff: budi };
const milestone = { catalogKey: "enrolled_in_school", customTitle: null, domain: "education" as const, fromStatus: "in_progress" as const, toStatus: "achieved" as const, achievedOn: "2026-03-01" };

describe("entryWords: each thing that happened, in words", () => {
  it("says the examples of the issue as a reader would read them", () => {
    expect(words({ ...common, kind: "appointment", action: "appointment_outcome", facts: { ...appointment, outcome: "attended" }, link: { appointmentId: id } })).toBe(
      "Appointment (counseling) attended",
    );
    expect(words({ ...common, kind: "plan", action: "plan_approved", facts: { number: 2 }, link: { planVersionId: id } })).toBe("Plan version 2 approved");
    expect(words({ ...common, kind: "milestone", action: "milestone_status", facts: milestone, link: { milestoneId: id } })).toBe(
      "Milestone Enrolled in school: achieved",
    );
    expect(words({ ...common, kind: "milestone", action: "milestone_verified", facts: milestone, link: { milestoneId: id } })).toBe(
      "Milestone Enrolled in school: achievement verified",
    );
    expect(
      words({
        ...common,
        kind: "session",
        action: "session_held",
        facts: { sessionDate: "2026-03-02", durationMinutes: 50, modality: "in_person", counselor: budi, attendance: "attended", status: "signed" },
        link: { noteId: null, appointmentId: null },
      }),
    ).toBe("Session, 50 min, attended, counselor Budi (in person, note signed)");
  });

  it("says the case's own steps", () => {
    expect(words({ ...common, kind: "intake", action: "case_opened", facts: { caseNumber: "LNT-2026-000001", referralSource: "police" }, link: {} })).toBe(
      "Case LNT-2026-000001 opened (referral: police)",
    );
    expect(words({ ...common, kind: "status", action: "status_changed", facts: { from: "active", to: "on_hold" }, link: {} })).toBe(
      "Status changed from active to on hold",
    );
    expect(words({ ...common, kind: "status", action: "status_changed", facts: { from: null, to: "intake" }, link: {} })).toMatch(/^Status set to /);
    expect(words({ ...common, kind: "status", action: "closure_approved", facts: { reason: "goals_achieved" }, link: {} })).toMatch(/^Closure approved: the case is closed \(.+\)$/);
    expect(words({ ...common, kind: "status", action: "case_reopened", facts: {}, link: {} })).toBe("Case reopened");
    expect(
      words({ ...common, kind: "follow_up", action: "follow_up_recorded", facts: { dueOn: "2026-09-01", outcome: "serious_concerns", reopened: true }, link: {} }),
    ).toBe("Follow-up visit of [2026-09-01]: serious concerns; the case was reopened");
  });

  it("has words for every action, with no placeholder left unfilled", () => {
    const samples: TimelineEntry[] = [
      { ...common, kind: "consent", action: "consent_recorded", facts: { scope: "services", givenBy: "guardian", givenOn: "2026-03-01", expiresOn: "2027-03-01" }, link: { consentId: id } },
      { ...common, kind: "consent", action: "consent_withdrawn", facts: { scope: "reporting", withdrawnOn: "2026-03-01" }, link: { consentId: id } },
      { ...common, kind: "assessment", action: "assessment_completed", facts: { instrumentCode: "ASO", timepoint: "six_months", assessedOn: "2026-03-01" }, link: { assessmentId: id } },
      { ...common, kind: "plan", action: "plan_submitted", facts: { number: 1 }, link: { planVersionId: id } },
      { ...common, kind: "plan", action: "plan_returned", facts: { number: 1 }, link: { planVersionId: id } },
      { ...common, kind: "status", action: "closure_requested", facts: { reason: "moved_away" }, link: {} },
      { ...common, kind: "status", action: "closure_returned", facts: { reason: "other" }, link: {} },
      { ...common, kind: "appointment", action: "appointment_booked", facts: appointment, link: { appointmentId: id } },
      { ...common, kind: "appointment", action: "appointment_outcome", facts: { ...appointment, outcome: "no_show" }, link: { appointmentId: id } },
      { ...common, kind: "appointment", action: "appointment_cancelled", facts: appointment, link: { appointmentId: id } },
      { ...common, kind: "appointment", action: "appointment_rescheduled", facts: { ...appointment, rescheduledTo: null }, link: { appointmentId: id } },
      { ...common, kind: "appointment", action: "appointment_rescheduled", facts: { ...appointment, rescheduledTo: { appointmentId: id, startsAt: at } }, link: { appointmentId: id } },
      { ...common, kind: "milestone", action: "milestone_verification_rejected", facts: milestone, link: { milestoneId: id } },
      { ...common, kind: "follow_up", action: "follow_up_recorded", facts: { dueOn: "2026-09-01", outcome: "doing_well", reopened: false }, link: {} },
    ];
    for (const entry of samples) expect(words(entry)).not.toMatch(/\{\{|undefined/);
  });
});

describe("groupByDay", () => {
  const entry = (iso: string) => ({ id: iso, at: new Date(iso) });

  it("puts entries (newest first) under their day in the reader's zone, keeping their order", () => {
    const entries = [entry("2026-03-02T16:30:00Z"), entry("2026-03-02T01:00:00Z"), entry("2026-03-01T20:00:00Z"), entry("2026-02-27T08:00:00Z")];
    expect(groupByDay(entries, "Asia/Jakarta").map(({ day, entries: of }) => [day, of.map((e) => e.id)])).toEqual([
      ["2026-03-02", ["2026-03-02T16:30:00Z", "2026-03-02T01:00:00Z", "2026-03-01T20:00:00Z"]],
      ["2026-02-27", ["2026-02-27T08:00:00Z"]],
    ]);
    expect(groupByDay(entries, "UTC").map(({ day }) => day)).toEqual(["2026-03-02", "2026-03-01", "2026-02-27"]);
  });

  it("names the calendar day of an instant in a zone", () => {
    expect(dayOf(new Date("2026-03-01T20:00:00Z"), "Asia/Jakarta")).toBe("2026-03-02");
    expect(dayOf(new Date("2026-03-01T20:00:00Z"), "UTC")).toBe("2026-03-01");
  });
});

describe("the kinds chosen in the address", () => {
  it("reads every kind when none is named, and only known kinds otherwise", () => {
    expect(readKinds(null)).toEqual([...TIMELINE_KINDS]);
    expect(readKinds("milestone,plan,bogus")).toEqual(["plan", "milestone"]);
    expect(readKinds("")).toEqual([]);
  });

  it("writes nothing for every kind, and the chosen ones otherwise", () => {
    expect(kindsParam([...TIMELINE_KINDS])).toBeNull();
    expect(kindsParam(["plan", "milestone"])).toBe("plan,milestone");
    expect(readKinds(kindsParam(["session"]))).toEqual(["session"]);
  });
});
