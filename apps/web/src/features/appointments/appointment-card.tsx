import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation } from "@tanstack/react-query";
import type { AppointmentOutcome } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { useCurrentUser } from "../../app/current-user";
import { AppointmentChangeError } from "./appointment-error";
import { formatTimeRange } from "./appointment-time";
import type { AppointmentItem } from "./appointment-types";
import { CancelForm, TimeChangeForm } from "./time-change-form";
import { LogSessionButton, offersSessionLog } from "./log-session-button";

type OpenForm = "time" | "cancel" | null;

/** The kind as a coloured label (the colour is never the only sign: the word is always there). */
export function KindLabel({ kind }: { kind: AppointmentItem["kind"] }) {
  const { t } = useTranslation();
  return <span className={`appt-kind appt-kind--${kind}`}>{t(`appointments.kind.${kind}`)}</span>;
}

export function StatusLabel({ status }: { status: AppointmentItem["status"] }) {
  const { t } = useTranslation();
  return <span className={`pill appt-status appt-status--${status}`}>{t(`appointments.status.${status}`)}</span>;
}

/**
 * One appointment with what can be done to it: a new time, cancel with a reason, and once it has
 * started, its outcome (attended / no-show).
 */
export function AppointmentCard({
  appointment,
  agencyZone,
  timeAction,
  canChange,
  canRecordOutcome,
  showCase,
  headingLevel = 3,
  sessionNoteId = null,
  onSaved,
}: {
  appointment: AppointmentItem;
  agencyZone: string;
  timeAction: "move" | "reschedule";
  /** May change time or cancel (the server decides again). */
  canChange: boolean;
  canRecordOutcome: boolean;
  /** Name the case (in a calendar; not on the case's own page). */
  showCase: boolean;
  headingLevel?: 3 | 4;
  /** The session note written from this appointment, when the case page knows of one. */
  sessionNoteId?: string | null;
  onSaved: (noticeKey: string, values?: Record<string, string>) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const [open, setOpen] = useState<OpenForm>(null);
  const outcome = useMutation(trpc.appointments.recordOutcome.mutationOptions());
  const time = formatTimeRange(appointment.startsAt, appointment.endsAt, i18n.language, agencyZone);
  const scheduled = appointment.status === "scheduled";
  const started = appointment.startsAt.getTime() <= Date.now();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  // In the calendar a case one may not read has no alias: no note to write there.
  const logSession = open === null && appointment.alias !== null && offersSessionLog(appointment, user);

  const record = (value: AppointmentOutcome) => {
    outcome.mutate(
      { appointmentId: appointment.id, version: appointment.version, outcome: value },
      { onSuccess: () => void onSaved(`appointments.done.${value}`, { time }) },
    );
  };

  return (
    <article className={`appt-card appt-card--${appointment.status}`} aria-label={`${t(`appointments.kind.${appointment.kind}`)}, ${time}`}>
      <Heading className="appt-card__time">{time}</Heading>
      <p className="pill-row">
        <KindLabel kind={appointment.kind} />
        <StatusLabel status={appointment.status} />
      </p>
      {showCase && (
        <p className="appt-card__case">
          {appointment.alias !== null ? (
            <Link to={`/cases/${appointment.caseId}`}>
              {appointment.caseNumber} · {appointment.alias}
            </Link>
          ) : (
            appointment.caseNumber
          )}
        </p>
      )}
      <dl className="appt-card__facts">
        <div>
          <dt>{t("appointments.field.staff")}</dt>
          <dd>{appointment.staffName}</dd>
        </div>
        <div>
          <dt>{t("appointments.field.mode")}</dt>
          <dd>
            {t(`appointments.mode.${appointment.mode}`)}
            {appointment.place ? ` · ${appointment.place}` : ""}
          </dd>
        </div>
        {appointment.notes && (
          <div>
            <dt>{t("appointments.field.notes")}</dt>
            <dd>{appointment.notes}</dd>
          </div>
        )}
        {appointment.status === "cancelled" && appointment.cancelReason && (
          <div>
            <dt>{t("appointments.cancel.reason")}</dt>
            <dd>{appointment.cancelReason}</dd>
          </div>
        )}
      </dl>
      {scheduled && open === null && (
        <div className="button-row">
          {started && canRecordOutcome && (
            <>
              <button type="button" className="button button--primary" disabled={outcome.isPending} onClick={() => record("attended")}>
                {t("appointments.outcome.attended")}
              </button>
              <button type="button" className="button button--secondary" disabled={outcome.isPending} onClick={() => record("no_show")}>
                {t("appointments.outcome.no_show")}
              </button>
            </>
          )}
          {canChange && (
            <>
              <button type="button" className="button button--secondary" onClick={() => setOpen("time")}>
                {timeAction === "move" ? t("appointments.move.open") : t("appointments.reschedule.open")}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setOpen("cancel")}>
                {t("appointments.cancel.open")}
              </button>
            </>
          )}
        </div>
      )}
      {logSession && (
        <div className="button-row">
          <LogSessionButton appointment={appointment} noteId={sessionNoteId} />
        </div>
      )}
      <AppointmentChangeError error={outcome.error} agencyZone={agencyZone} />
      {open === "time" && (
        <TimeChangeForm
          appointment={appointment}
          action={timeAction}
          agencyZone={agencyZone}
          onDone={() => setOpen(null)}
          onSaved={() => onSaved(timeAction === "move" ? "appointments.done.moved" : "appointments.done.rescheduled", { time })}
        />
      )}
      {open === "cancel" && (
        <CancelForm
          appointment={appointment}
          agencyZone={agencyZone}
          onDone={() => setOpen(null)}
          onSaved={() => onSaved("appointments.done.cancelled", { time })}
        />
      )}
    </article>
  );
}
