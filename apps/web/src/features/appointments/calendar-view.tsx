// First: FullCalendar finds its stylesheet ready (our CSP blocks the <style> it would create).
import "./fullcalendar-csp";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import FullCalendar from "@fullcalendar/react";
import type { DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from "@fullcalendar/core";
import idLocale from "@fullcalendar/core/locales/id";
import viLocale from "@fullcalendar/core/locales/vi";
import timeGridPlugin from "@fullcalendar/timegrid";
import listPlugin from "@fullcalendar/list";
import interactionPlugin, { type EventResizeDoneArg } from "@fullcalendar/interaction";
import type { AppointmentItem } from "./appointment-types";

/** Phones open on the agenda (a list reads well at 360 px); wider screens on the week. */
const NARROW = "(max-width: 640px)";

/** The hours the day and week grids show: 07–20, widened to fit any appointment outside them. */
function visibleHours(appointments: readonly AppointmentItem[]): { min: string; max: string } {
  let min = 7;
  let max = 20;
  for (const item of appointments) {
    min = Math.min(min, item.startsAt.getHours());
    const end = item.endsAt.getHours() + (item.endsAt.getMinutes() > 0 ? 1 : 0);
    max = Math.max(max, item.endsAt.getDate() !== item.startsAt.getDate() ? 24 : end);
  }
  const pad = (hour: number) => `${String(hour).padStart(2, "0")}:00:00`;
  return { min: pad(min), max: pad(max) };
}

export interface MoveRequest {
  appointment: AppointmentItem;
  startsAt: Date;
  endsAt: Date;
  /** Puts the event back where it was (the change was refused). */
  revert: () => void;
}

/**
 * The FullCalendar day / week / agenda views of appointments, in the browser's zone and the
 * interface language. Each event says its kind and status in words; scheduled ones can be dragged
 * or resized, which asks `onMove` (the page calls the API and reverts on a refusal).
 */
export function CalendarView({
  appointments,
  showStaff,
  onRangeChange,
  onSelect,
  onMove,
}: {
  appointments: readonly AppointmentItem[];
  showStaff: boolean;
  onRangeChange: (range: { from: Date; to: Date }) => void;
  onSelect: (appointment: AppointmentItem) => void;
  onMove: (request: MoveRequest) => void;
}) {
  const { t, i18n } = useTranslation();
  const byId = useMemo(() => new Map(appointments.map((item) => [item.id, item])), [appointments]);
  const hours = useMemo(() => visibleHours(appointments), [appointments]);
  const [narrow] = useState(() => window.matchMedia(NARROW).matches);
  const initialView = narrow ? "listWeek" : "timeGridWeek";

  const events = useMemo<EventInput[]>(
    () =>
      appointments.map((item) => ({
        id: item.id,
        start: item.startsAt,
        end: item.endsAt,
        title: `${t(`appointments.kind.${item.kind}`)} · ${item.caseNumber}`,
        classNames: ["appt-event", `appt-kind--${item.kind}`, `appt-event--${item.status}`],
        // Only what the viewer may change: scheduled, on a case they can open (the server checks again).
        editable: item.status === "scheduled" && item.alias !== null,
      })),
    [appointments, t],
  );

  const moved = (info: EventDropArg | EventResizeDoneArg) => {
    const appointment = byId.get(info.event.id);
    const { start, end } = info.event;
    if (!appointment || !start || !end) {
      info.revert();
      return;
    }
    onMove({ appointment, startsAt: start, endsAt: end, revert: info.revert });
  };

  const content = (arg: EventContentArg) => {
    const item = byId.get(arg.event.id);
    if (!item) return null;
    return (
      <span className="appt-event__body">
        {arg.timeText && <span className="appt-event__time">{arg.timeText}</span>}{" "}
        <strong className="appt-event__kind">{t(`appointments.kind.${item.kind}`)}</strong>{" "}
        <span className="appt-event__case">
          {item.caseNumber}
          {item.alias !== null ? ` · ${item.alias}` : ""}
        </span>
        {showStaff && <span className="appt-event__staff"> · {item.staffName}</span>}
        {item.status !== "scheduled" && <span className="appt-event__status"> · {t(`appointments.status.${item.status}`)}</span>}
      </span>
    );
  };

  return (
    <div className="calendar">
      <FullCalendar
        plugins={[timeGridPlugin, listPlugin, interactionPlugin]}
        locales={[idLocale, viLocale]}
        locale={i18n.language}
        initialView={initialView}
        headerToolbar={{ start: "prev,next today", center: "title", end: "timeGridDay,timeGridWeek,listWeek" }}
        // Words, not FullCalendar's icon font (a data: font, which our CSP refuses).
        buttonIcons={false}
        buttonText={{
          prev: t("appointments.calendar.previous"),
          next: t("appointments.calendar.next"),
          today: t("appointments.calendar.today"),
          day: t("appointments.calendar.day"),
          week: t("appointments.calendar.week"),
          list: t("appointments.calendar.agenda"),
        }}
        buttonHints={{ prev: t("appointments.calendar.previous"), next: t("appointments.calendar.next"), today: t("appointments.calendar.today") }}
        noEventsText={t("appointments.calendar.empty")}
        firstDay={1}
        views={{
          // Seven columns on a phone: "W 25" rather than "Wed 11/25" (which would not fit).
          timeGridWeek: { dayHeaderFormat: narrow ? { weekday: "narrow", day: "numeric" } : { weekday: "short", day: "numeric", month: "short" } },
          timeGridDay: { dayHeaderFormat: { weekday: "long", day: "numeric", month: "long" } },
        }}
        listDayFormat={{ weekday: "long", day: "numeric", month: "long" }}
        listDaySideFormat={false}
        allDaySlot={false}
        nowIndicator
        height="auto"
        slotMinTime={hours.min}
        slotMaxTime={hours.max}
        slotDuration="00:30:00"
        eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        slotLabelFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        events={events}
        eventContent={content}
        eventInteractive
        editable
        eventDurationEditable
        longPressDelay={500}
        eventClick={(info: EventClickArg) => {
          info.jsEvent.preventDefault();
          const item = byId.get(info.event.id);
          if (item) onSelect(item);
        }}
        eventDrop={moved}
        eventResize={moved}
        datesSet={(arg: DatesSetArg) => onRangeChange({ from: arg.start, to: arg.end })}
      />
    </div>
  );
}
