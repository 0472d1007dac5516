import { describe, expect, it } from "vitest";
import type { MyWorkItem } from "@lentera/domain";
import { lookup, mergedCatalog } from "../../i18n/test-catalogs";
import { itemFacts, type ItemFormat } from "./item-text";

const english = mergedCatalog("en");
/** The English catalog, interpolated as i18next does: the words a reader sees. */
const t = (key: string, values: Record<string, string> = {}) => {
  const text = lookup(english, key);
  if (typeof text !== "string") throw new Error(`no text for ${key}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
};
const format: ItemFormat = {
  t,
  date: (value) => `[${typeof value === "string" ? value : value.toISOString().slice(0, 10)}]`,
  dateTime: (value) => `[${value.toISOString()}]`,
  time: (value) => `[${value.toISOString().slice(11, 16)}]`,
  milestone: ({ catalogKey, customTitle }) => customTitle ?? (catalogKey === "enrolled_in_school" ? "Enrolled in school" : "?"),
};

const id = "0b7c2d3e-1111-4222-8333-944455556666";
const person = { id, name: "Dewi" };
const base = { caseId: id, caseNumber: "LNT-2026-000001", alias: "Ani", dueOn: null, at: null, link: { page: "case" as const, caseId: id, targetId: null } };
const at = new Date("2026-06-10T02:00:00Z");
const words = (item: MyWorkItem) => itemFacts(item, format);

describe("itemFacts: each kind of work in words", () => {
  it("says a social worker's work", () => {
    expect(words({ ...base, kind: "review_due", facts: { goals: 3, overdueGoals: 1, overdue: true } })).toBe("Goals to review: 3, overdue: 1");
    expect(
      words({ ...base, kind: "outcome_missing", facts: { appointmentId: id, appointmentKind: "home_visit", startsAt: at, endsAt: at, staff: person } }),
    ).toBe("Home visit, [2026-06-10T02:00:00.000Z], with Dewi: no outcome recorded");
    expect(words({ ...base, kind: "no_contact", facts: { lastContactOn: "2026-05-01", daysWithoutContact: 40, noContactDays: 30 } })).toBe(
      "No contact for 40 days (last on [2026-05-01])",
    );
    expect(words({ ...base, kind: "no_contact", facts: { lastContactOn: null, daysWithoutContact: 31, noContactDays: 30 } })).toBe(
      "No contact since the case was opened (31 days)",
    );
    expect(
      words({
        ...base,
        kind: "milestone_overdue",
        facts: { milestoneId: id, catalogKey: "enrolled_in_school", customTitle: null, domain: "education", status: "in_progress" },
      }),
    ).toBe("Enrolled in school: past its target date");
    expect(words({ ...base, kind: "follow_up_due", facts: { closedAt: at } })).toBe("Closed on [2026-06-10]: a follow-up visit is due");
  });

  it("says a counselor's work, never the note's content", () => {
    const session = { appointmentId: id, startsAt: at, endsAt: at, mode: "in_person" as const, status: "scheduled" as const };
    expect(words({ ...base, kind: "session_today", facts: { ...session, note: null } })).toBe("Session at [02:00] · note not started");
    expect(words({ ...base, kind: "session_today", facts: { ...session, note: { id, status: "draft" } } })).toBe("Session at [02:00] · note in draft");
    expect(words({ ...base, kind: "unsigned_note", facts: { noteId: id, sessionDate: "2026-06-09", durationMinutes: 50, appointmentId: null } })).toBe(
      "Note of the session on [2026-06-09] (50 min) not signed",
    );
    const screen = { screeningId: id, noteId: id, instrumentCode: "PHQ-A", sessionDate: "2026-06-09", band: "moderate" };
    expect(words({ ...base, kind: "positive_screen", facts: { ...screen, critical: false } })).toBe("Positive PHQ-A in the session on [2026-06-09]");
    expect(words({ ...base, kind: "positive_screen", facts: { ...screen, critical: true } })).toContain("critical answer: review today");
  });

  it("says a supervisor's work, and when it is theirs to leave to another", () => {
    expect(words({ ...base, kind: "plan_to_approve", facts: { planVersionId: id, number: 2, submittedBy: person, mayDecide: true } })).toBe(
      "Plan version 2 submitted by Dewi",
    );
    expect(words({ ...base, kind: "plan_to_approve", facts: { planVersionId: id, number: 2, submittedBy: person, mayDecide: false } })).toBe(
      "Plan version 2 submitted by Dewi (Your own: another supervisor decides.)",
    );
    expect(words({ ...base, at, kind: "closure_to_decide", facts: { closureRequestId: id, reason: "goals_achieved", requestedBy: person } })).toBe(
      "Closure requested by Dewi on [2026-06-10T02:00:00.000Z]",
    );
    expect(
      words({ ...base, at, kind: "risk_flag_open", facts: { flagId: id, kinds: ["self_harm", "unsafe_home"], raisedBy: person, version: 1 } }),
    ).toBe("Risk flag: thoughts of self-harm, unsafe at home. Raised by Dewi on [2026-06-10T02:00:00.000Z]");
    expect(
      words({ ...base, at, kind: "break_glass_to_review", facts: { grantId: id, user: person, reason: "hotline call at night", expiresAt: at } }),
    ).toBe("Emergency access by Dewi on [2026-06-10T02:00:00.000Z]. Reason given: hotline call at night");
    expect(
      words({
        ...base,
        dueOn: "2026-06-08",
        kind: "milestone_to_verify",
        facts: { milestoneId: id, catalogKey: null, customTitle: "Joined the choir", domain: "community", achievedOn: "2026-06-08", achievedBy: person, mayVerify: true },
      }),
    ).toBe("Joined the choir: achieved on [2026-06-08], recorded by Dewi");
  });
});
