import type { MyWorkItem, MyWorkLinkPage } from "@lentera/domain";

/**
 * The heading a My-work link scrolls to on the case page (the shell scrolls to the hash once the
 * element is there). The follow-ups id is the one FollowUpsSection gives its heading.
 */
const CASE_ANCHORS: Partial<Record<MyWorkLinkPage, string>> = {
  plan: "case-plan-heading",
  appointment: "case-appointments-heading",
  milestone: "case-milestones-heading",
  follow_up: "case-follow-ups-heading",
  closure: "case-status-heading",
};

/** Where an item's work is done, as an address in the app. */
export function itemPath(link: MyWorkItem["link"]): string {
  const casePath = `/cases/${link.caseId}`;
  if (link.page === "session_note") return link.targetId ? `${casePath}/sessions/${link.targetId}` : casePath;
  // Risk flags are acknowledged on the supervision queue; emergency access is reviewed on its log.
  if (link.page === "risk_flag") return "/supervision#queue-flags-heading";
  if (link.page === "break_glass") return "/cases/emergency-access";
  const anchor = CASE_ANCHORS[link.page];
  return anchor ? `${casePath}#${anchor}` : casePath;
}

/** Whether an item is late: shown with the word "Overdue", not by colour alone. */
export function isOverdue(item: MyWorkItem, today: string): boolean {
  switch (item.kind) {
    case "review_due":
      return item.facts.overdue;
    case "no_contact":
    case "milestone_overdue":
      return true;
    case "follow_up_due":
    case "takedown_follow_up":
      return item.dueOn !== null && item.dueOn < today;
    default:
      return false;
  }
}

/** The kinds whose date is a due date (the others say their time in the facts). */
export function hasDueDate(item: MyWorkItem): boolean {
  return item.dueOn !== null && ["review_due", "no_contact", "milestone_overdue", "follow_up_due", "takedown_follow_up"].includes(item.kind);
}
