import type { MyWorkItem } from "@lentera/domain";

type Translate = (key: string, values?: Record<string, string>) => string;

export interface ItemFormat {
  t: Translate;
  /** A calendar date (YYYY-MM-DD), or the day of an instant, in words. */
  date: (value: string | Date) => string;
  /** An instant with its time of day. */
  dateTime: (value: Date) => string;
  /** The time of day of an instant. */
  time: (value: Date) => string;
  /** A milestone's name in the reader's language. */
  milestone: (naming: { catalogKey: string | null; customTitle: string | null }) => string;
}

/**
 * What an item is about, in a short sentence of the reader's language ("Goals to review: 3, 1 of
 * them overdue"). Only facts the server sent: no note text, no clinical content.
 */
export function itemFacts(item: MyWorkItem, f: ItemFormat): string {
  const { t } = f;
  const key = `work.item.${item.kind}`;
  switch (item.kind) {
    case "review_due":
      return t(key, { goals: String(item.facts.goals), overdue: String(item.facts.overdueGoals) });
    case "outcome_missing":
      return t(key, {
        kind: t(`appointments.kind.${item.facts.appointmentKind}`),
        time: f.dateTime(item.facts.startsAt),
        staff: item.facts.staff.name,
      });
    case "no_contact":
      return item.facts.lastContactOn === null
        ? t(`${key}Never`, { days: String(item.facts.daysWithoutContact) })
        : t(key, { days: String(item.facts.daysWithoutContact), date: f.date(item.facts.lastContactOn) });
    case "milestone_overdue":
      return t(key, { milestone: f.milestone(item.facts) });
    case "follow_up_due":
      return t(key, { date: f.date(item.facts.closedAt) });
    case "takedown_follow_up":
      return t(key, { platform: item.facts.platformName, date: f.date(item.facts.reportedOn) });
    case "session_today":
      return t(key, {
        time: f.time(item.facts.startsAt),
        note: t(`work.note.${item.facts.note?.status ?? "none"}`),
      });
    case "unsigned_note":
      return t(key, { date: f.date(item.facts.sessionDate), minutes: String(item.facts.durationMinutes) });
    case "positive_screen":
      return t(item.facts.critical ? `${key}Critical` : key, { instrument: item.facts.instrumentCode.toUpperCase(), date: f.date(item.facts.sessionDate) });
    case "plan_to_approve":
      return (
        t(key, { number: String(item.facts.number), name: item.facts.submittedBy?.name ?? "—" }) +
        (item.facts.mayDecide ? "" : ` ${t("work.item.notYours")}`)
      );
    case "closure_to_decide":
      return t(key, { name: item.facts.requestedBy.name, time: at(item, f) });
    case "risk_flag_open":
      return t(key, {
        kinds: item.facts.kinds.map((kind) => t(`sessions.flagKind.${kind}`)).join(", "),
        name: item.facts.raisedBy.name,
        time: at(item, f),
      });
    case "break_glass_to_review":
      return t(key, { name: item.facts.user.name, reason: item.facts.reason, time: at(item, f) });
    case "milestone_to_verify":
      return (
        t(key, { milestone: f.milestone(item.facts), name: item.facts.achievedBy?.name ?? "—", date: item.dueOn ? f.date(item.dueOn) : "—" }) +
        (item.facts.mayVerify ? "" : ` ${t("work.item.notYours")}`)
      );
  }
}

function at(item: MyWorkItem, f: ItemFormat): string {
  return item.at ? f.dateTime(item.at) : "—";
}
