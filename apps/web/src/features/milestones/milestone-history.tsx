import { useTranslation } from "react-i18next";
import { useDateFormat } from "../cases/format";
import type { MilestoneEventItem } from "./milestone-types";

/** What one step of a milestone's history says happened. */
function useEventTitle() {
  const { t } = useTranslation();
  return (event: MilestoneEventItem): string => {
    const to = t(`milestones.status.${event.toStatus}`);
    if (event.kind === "verified") return t("milestones.eventKind.verified");
    if (event.kind === "verification_rejected") return t("milestones.history.returned", { status: to });
    if (event.fromStatus === null) return t("milestones.history.added", { status: to });
    return t("milestones.history.change", { from: t(`milestones.status.${event.fromStatus}`), to });
  };
}

/**
 * Every step of a milestone, oldest first, behind a disclosure: an achievement that later regressed
 * stays in the list beside the regression, with its date and who recorded each.
 */
export function MilestoneHistory({ events }: { events: readonly MilestoneEventItem[] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const title = useEventTitle();
  return (
    <details className="goal__history milestone__history">
      <summary>{t("milestones.history.summary", { count: events.length })}</summary>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.id} className="timeline__entry">
            <p className="timeline__title">
              <strong>{title(event)}</strong>
            </p>
            <p className="case-card__meta">
              <time dateTime={event.occurredAt.toISOString()}>{format.dateTime(event.occurredAt)}</time> · {event.actor.name}
            </p>
            {event.achievedOn && <p>{t("milestones.history.achievedOn", { date: format.date(event.achievedOn) })}</p>}
            {event.note && <p className="prewrap">{t("milestones.history.note", { text: event.note })}</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}
