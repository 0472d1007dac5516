import { describe, expect, it } from "vitest";
import { MY_WORK_LINK_PAGES, MY_WORK_LIMIT, type MyWork, type MyWorkItem } from "@lentera/domain";
import { hasDueDate, isOverdue, itemPath } from "./item-links";
import { countsOf } from "./work-counts";

const caseId = "0b7c2d3e-1111-4222-8333-944455556666";
const targetId = "1b7c2d3e-1111-4222-8333-944455556666";
const base = { caseId, caseNumber: "LNT-2026-000001", alias: "Ani", at: null, link: { page: "case" as const, caseId, targetId: null } };

describe("itemPath: where each item's work is done", () => {
  it("gives every page of the vocabulary an address", () => {
    const paths = Object.fromEntries(MY_WORK_LINK_PAGES.map((page) => [page, itemPath({ page, caseId, targetId })]));
    expect(paths).toEqual({
      case: `/cases/${caseId}`,
      plan: `/cases/${caseId}#case-plan-heading`,
      appointment: `/cases/${caseId}#case-appointments-heading`,
      session_note: `/cases/${caseId}/sessions/${targetId}`,
      milestone: `/cases/${caseId}#case-milestones-heading`,
      follow_up: `/cases/${caseId}#case-follow-ups-heading`,
      risk_flag: "/supervision#queue-flags-heading",
      closure: `/cases/${caseId}#case-status-heading`,
      break_glass: "/cases/emergency-access",
    });
  });

  it("opens the case when a note link has no note", () => {
    expect(itemPath({ page: "session_note", caseId, targetId: null })).toBe(`/cases/${caseId}`);
  });
});

describe("isOverdue and hasDueDate", () => {
  const today = "2026-06-10";
  const review = (overdue: boolean): MyWorkItem => ({ ...base, kind: "review_due", dueOn: "2026-06-01", facts: { goals: 2, overdueGoals: overdue ? 1 : 0, overdue } });
  const followUp = (dueOn: string): MyWorkItem => ({ ...base, kind: "follow_up_due", dueOn, facts: { closedAt: new Date("2025-12-01T00:00:00Z") } });

  it("marks what is late, by the kind's own rule", () => {
    expect(isOverdue(review(true), today)).toBe(true);
    expect(isOverdue(review(false), today)).toBe(false);
    expect(isOverdue(followUp("2026-06-09"), today)).toBe(true);
    expect(isOverdue(followUp(today), today)).toBe(false);
    expect(isOverdue({ ...base, kind: "no_contact", dueOn: "2026-06-01", facts: { lastContactOn: null, daysWithoutContact: 40, noContactDays: 30 } }, today)).toBe(true);
    expect(
      isOverdue({ ...base, kind: "closure_to_decide", dueOn: null, facts: { closureRequestId: targetId, reason: "goals_achieved", requestedBy: { id: targetId, name: "Dewi" } } }, today),
    ).toBe(false);
  });

  it("shows a due date only where the date is one", () => {
    expect(hasDueDate(review(false))).toBe(true);
    expect(
      hasDueDate({
        ...base,
        kind: "positive_screen",
        dueOn: "2026-06-01",
        facts: { screeningId: targetId, noteId: targetId, instrumentCode: "PHQ-A", sessionDate: "2026-06-01", band: null, critical: false },
      }),
    ).toBe(false);
  });
});

describe("countsOf", () => {
  it("counts each section up to the limit, as myWork.counts does", () => {
    const items = (n: number) => Array.from({ length: n }, () => ({ ...base, kind: "no_contact" as const, dueOn: null, facts: { lastContactOn: null, daysWithoutContact: 40, noContactDays: 30 } }));
    const work: MyWork = {
      today: "2026-06-10",
      timeZone: "Asia/Jakarta",
      sections: [
        { key: "no_contact", role: "social_worker", items: items(3), truncated: false },
        { key: "review_due", role: "social_worker", items: [], truncated: false },
        { key: "outcome_missing", role: "social_worker", items: items(MY_WORK_LIMIT), truncated: true },
      ],
      teamOverdue: null,
    };
    expect(countsOf(work, MY_WORK_LIMIT)).toEqual({ total: 3 + MY_WORK_LIMIT, bySection: { no_contact: 3, review_due: 0, outcome_missing: MY_WORK_LIMIT } });
  });
});
