import { useTranslation } from "react-i18next";
import { hasRole } from "@lentera/domain";
import { errorMessageKey } from "../../lib/api-errors";
import type { CurrentUser } from "../../app/current-user";
import { RefusedChange } from "../../ui/refused-change";
import { useStartSession } from "../sessions/use-start-session";
import type { AppointmentItem } from "./appointment-types";

/**
 * Whether the user may log a session from this appointment: their own counseling appointment that
 * has started and was not missed or called off (the server checks the care team again).
 */
export function offersSessionLog(
  appointment: Pick<AppointmentItem, "kind" | "staffUserId" | "status" | "startsAt">,
  user: Pick<CurrentUser, "id" | "roles">,
  now: number = Date.now(),
): boolean {
  return (
    appointment.kind === "counseling" &&
    appointment.staffUserId === user.id &&
    hasRole(user, "counselor") &&
    (appointment.status === "scheduled" || appointment.status === "attended") &&
    appointment.startsAt.getTime() <= now
  );
}

/**
 * "Log session" opens the note of this appointment (the server fills the date, duration and
 * modality, and records the appointment as attended); "Open session note" when there is one.
 */
export function LogSessionButton({ appointment, noteId }: { appointment: AppointmentItem; noteId: string | null }) {
  const { t } = useTranslation();
  const start = useStartSession(appointment.caseId);
  return (
    <>
      <button
        type="button"
        className={noteId ? "button button--secondary" : "button button--primary"}
        disabled={start.isPending}
        onClick={() => start.start(appointment.id)}
      >
        {start.isPending ? t("appointments.session.opening") : noteId ? t("appointments.session.open") : t("appointments.session.log")}
      </button>
      <RefusedChange message={start.error ? t(errorMessageKey(start.error)) : null} />
    </>
  );
}
