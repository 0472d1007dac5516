import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { can } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { RefusedChange } from "../../ui/refused-change";
import { useAppointmentErrorMessage, useRefreshAppointments } from "./appointment-error";
import { AppointmentCard } from "./appointment-card";
import { formatTimeRange, viewerTimeZone, zoneDiffers } from "./appointment-time";
import { CalendarView, type MoveRequest } from "./calendar-view";
import { FeedPanel } from "./feed-panel";

/**
 * My calendar (or a supervisor's team): day, week and agenda; drag or resize to move an
 * appointment, or open it and type the new time. A clash puts it back and names the time taken.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const trpc = useTRPC();
  const teamViewAllowed = can(user, "appointments.team_view");
  const [team, setTeam] = useState(false);
  const [range, setRange] = useState<{ from: Date; to: Date } | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  usePageTitle(team ? t("appointments.calendar.teamTitle") : t("appointments.calendar.title"));

  const calendar = useQuery({
    ...trpc.appointments.calendar.queryOptions({ from: range?.from ?? new Date(0), to: range?.to ?? new Date(1), team }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
  const update = useMutation(trpc.appointments.update.mutationOptions());
  const refresh = useRefreshAppointments();
  const errorMessage = useAppointmentErrorMessage();
  const agencyZone = calendar.data?.timeZone ?? viewerTimeZone();
  const appointments = calendar.data?.appointments ?? [];
  const selected = appointments.find((item) => item.id === selectedId) ?? null;

  const onRangeChange = useCallback((next: { from: Date; to: Date }) => {
    setRange((current) => (current && current.from.getTime() === next.from.getTime() && current.to.getTime() === next.to.getTime() ? current : next));
  }, []);

  const saved = async (key: string, values?: Record<string, string>) => {
    setMoveError(null);
    await refresh();
    setNotice({ kind: "success", key, ...(values ? { values } : {}) });
  };

  const move = ({ appointment, startsAt, endsAt, revert }: MoveRequest) => {
    setNotice(null);
    setMoveError(null);
    update.mutate(
      { appointmentId: appointment.id, version: appointment.version, startsAt, endsAt },
      {
        onSuccess: () => void saved("appointments.done.moved", { time: formatTimeRange(startsAt, endsAt, i18n.language, agencyZone) }),
        onError: (error) => {
          revert();
          setMoveError(errorMessage(error, agencyZone));
        },
      },
    );
  };

  return (
    <>
      <h1>{team ? t("appointments.calendar.teamTitle") : t("appointments.calendar.title")}</h1>
      <div className="calendar-page__bar">
        {teamViewAllowed && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={team}
              onChange={(event) => {
                setSelectedId(null);
                setTeam(event.target.checked);
              }}
            />
            <span>{t("appointments.calendar.teamView")}</span>
          </label>
        )}
        {calendar.data && zoneDiffers(agencyZone) && (
          <p className="field__hint">{t("appointments.zoneNote", { zone: viewerTimeZone() })}</p>
        )}
        <p className="field__hint">{t("appointments.calendar.dragHint")}</p>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <RefusedChange message={moveError} />
      {calendar.isError && <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.isFetching && !calendar.data && <Loading />}
      <CalendarView
        appointments={appointments}
        showStaff={team}
        onRangeChange={onRangeChange}
        onSelect={(item) => {
          setMoveError(null);
          setSelectedId(item.id);
        }}
        onMove={move}
      />
      {selected && (
        <section className="card calendar-page__selected" aria-labelledby="calendar-selected-heading">
          <div className="plan__heading">
            <h2 id="calendar-selected-heading">{t("appointments.calendar.selected")}</h2>
            <button type="button" className="button button--quiet" onClick={() => setSelectedId(null)}>
              {t("appointments.calendar.close")}
            </button>
          </div>
          <AppointmentCard
            key={`${selected.id}-${selected.version}`}
            appointment={selected}
            agencyZone={agencyZone}
            timeAction="move"
            canChange={selected.alias !== null}
            canRecordOutcome
            showCase
            onSaved={saved}
          />
        </section>
      )}
      <FeedPanel />
    </>
  );
}
