import { useId } from "react";
import { useTranslation } from "react-i18next";
import { isMilestoneOverdue } from "@lentera/domain";
import { todayIso, useDateFormat } from "../cases/format";
import { EditMilestoneForm } from "./edit-milestone-form";
import { MilestoneHistory } from "./milestone-history";
import type { GoalChoice, MilestoneItem } from "./milestone-types";
import { StatusForm } from "./status-form";
import { useDisclosureForm } from "./use-disclosure-form";
import { VerifyForm } from "./verify-form";

export function MilestoneStatusPill({ status }: { status: MilestoneItem["status"] }) {
  const { t } = useTranslation();
  return <span className={`pill pill--milestone-${status}`}>{t(`milestones.status.${status}`)}</span>;
}

/**
 * One milestone, named by its label: where it stands, its dates, evidence and goal, what the reader
 * may do with it, and every step of its history.
 */
export function MilestoneCard({
  milestone,
  label,
  goals,
  goalTitle,
  canTrack,
  canVerify,
}: {
  milestone: MilestoneItem;
  label: string;
  goals: readonly GoalChoice[];
  /** The linked goal's title, or null when it has none or the plan no longer shows it. */
  goalTitle: string | null;
  canTrack: boolean;
  canVerify: boolean;
}) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const titleId = useId();
  const { open, close, opener } = useDisclosureForm<"status" | "edit">();
  const overdue = isMilestoneOverdue(milestone, todayIso());
  const verified = milestone.status === "achieved" && milestone.verifiedBy !== null && milestone.verifiedAt !== null;

  return (
    <article className={`milestone${overdue ? " milestone--overdue" : ""}`} aria-labelledby={titleId}>
      <h4 id={titleId} className="milestone__title">
        {label}
      </h4>
      <p className="pill-row">
        <MilestoneStatusPill status={milestone.status} />
        {overdue && <span className="pill pill--overdue">{t("milestones.badge.overdue")}</span>}
        {milestone.awaitingVerification && <span className="pill pill--awaiting">{t("milestones.badge.awaiting")}</span>}
        {verified && <span className="pill pill--verified">{t("milestones.badge.verified")}</span>}
      </p>
      <dl className="milestone__facts">
        {milestone.targetDate && (
          <div>
            <dt>{t("milestones.field.targetDate")}</dt>
            <dd className={overdue ? "milestone__overdue" : undefined}>{format.date(milestone.targetDate)}</dd>
          </div>
        )}
        {milestone.achievedOn && (
          <div>
            <dt>{t("milestones.field.achievedOn")}</dt>
            <dd>{format.date(milestone.achievedOn)}</dd>
          </div>
        )}
        {verified && milestone.verifiedBy && milestone.verifiedAt && (
          <div>
            <dt>{t("milestones.field.verifiedBy")}</dt>
            <dd>{t("milestones.facts.verifiedBy", { name: milestone.verifiedBy.name, date: format.dateTime(milestone.verifiedAt) })}</dd>
          </div>
        )}
        {milestone.goalKey && (
          <div>
            <dt>{t("milestones.field.goal")}</dt>
            <dd>{goalTitle ?? t("milestones.facts.earlierGoal")}</dd>
          </div>
        )}
        {milestone.evidenceNote && (
          <div>
            <dt>{t("milestones.field.evidence")}</dt>
            <dd className="prewrap">{milestone.evidenceNote}</dd>
          </div>
        )}
      </dl>
      {canVerify && milestone.awaitingVerification && <VerifyForm milestone={milestone} label={label} />}
      {canTrack &&
        (open === "status" ? (
          <StatusForm milestone={milestone} label={label} onDone={close} />
        ) : open === "edit" ? (
          <EditMilestoneForm milestone={milestone} label={label} goals={goals} goalTitle={goalTitle} onDone={close} />
        ) : (
          <div className="action-list">
            <button type="button" className="button button--secondary" {...opener("status")}>
              {t("milestones.changeStatus.open")}
            </button>
            <button type="button" className="button button--quiet" {...opener("edit")}>
              {t("milestones.edit.open")}
            </button>
          </div>
        ))}
      <MilestoneHistory events={milestone.history} />
    </article>
  );
}
