import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { noShowRate } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { useCaseChange } from "../cases/case-context";
import type { CaseOverview } from "../cases/case-types";
import { useRefreshAppointments } from "./appointment-error";
import { AppointmentCard } from "./appointment-card";
import { zoneDiffers, viewerTimeZone } from "./appointment-time";
import type { AppointmentItem, CaseAppointments } from "./appointment-types";
import { BookForm } from "./book-form";
import { useSessionNotesByAppointment } from "../sessions/use-notes-by-appointment";

/** Past appointments shown before "Show all": the section stays short on a phone. */
const FIRST_PAST = 5;

/** A case's appointments: upcoming and past, its no-show rate, booking, and each one's changes and outcome. */
export function AppointmentsSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const appointments = useQuery(trpc.appointments.byCase.queryOptions({ caseId: caseData.id }));

  return (
    <section aria-labelledby="case-appointments-heading" className="card appointments">
      <h2 id="case-appointments-heading">{t("appointments.section.heading")}</h2>
      {appointments.isPending ? (
        <Loading />
      ) : appointments.isError ? (
        <QueryError error={appointments.error} onRetry={() => void appointments.refetch()} />
      ) : (
        <AppointmentsBody caseId={caseData.id} data={appointments.data} />
      )}
    </section>
  );
}

function AppointmentsBody({ caseId, data }: { caseId: string; data: CaseAppointments }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { succeeded } = useCaseChange();
  const refresh = useRefreshAppointments();
  const [booking, setBooking] = useState(false);
  const [showAllPast, setShowAllPast] = useState(false);
  const notes = useSessionNotesByAppointment(caseId);
  const now = Date.now();
  const upcoming = data.appointments.filter((item) => item.startsAt.getTime() > now);
  const past = data.appointments.filter((item) => item.startsAt.getTime() <= now).reverse();
  const attended = data.appointments.filter((item) => item.status === "attended").length;
  const noShows = data.appointments.filter((item) => item.status === "no_show").length;
  const rate = noShowRate(attended, noShows);

  const saved = async (key: string, values?: Record<string, string>) => {
    await refresh();
    await succeeded(key, values);
  };
  const card = (item: AppointmentItem) => (
    <li key={item.id}>
      <AppointmentCard
        appointment={item}
        agencyZone={data.timeZone}
        timeAction="reschedule"
        canChange={data.permissions.book}
        canRecordOutcome={data.permissions.book || item.staffUserId === user.id}
        showCase={false}
        headingLevel={4}
        sessionNoteId={notes.get(item.id) ?? null}
        onSaved={saved}
      />
    </li>
  );

  return (
    <>
      <p className="appointments__rate">
        {rate === null
          ? t("appointments.section.noRate")
          : t("appointments.section.rate", { rate: String(Math.round(rate * 100)), noShows: String(noShows), total: String(attended + noShows) })}
      </p>
      {zoneDiffers(data.timeZone) && <p className="field__hint">{t("appointments.zoneNote", { zone: viewerTimeZone() })}</p>}
      {data.permissions.book &&
        (booking ? (
          <BookForm
            caseId={caseId}
            agencyZone={data.timeZone}
            onDone={() => setBooking(false)}
            onBooked={(count) => saved(count > 1 ? "appointments.done.seriesBooked" : "appointments.done.booked", { count: String(count) })}
          />
        ) : (
          <div className="action-list">
            <button type="button" className="button button--primary" onClick={() => setBooking(true)}>
              {t("appointments.book.open")}
            </button>
          </div>
        ))}
      <h3>{t("appointments.section.upcoming")}</h3>
      {upcoming.length === 0 ? <p className="empty">{t("appointments.section.noneUpcoming")}</p> : <ul className="appt-list">{upcoming.map(card)}</ul>}
      <h3>{t("appointments.section.past")}</h3>
      {past.length === 0 ? (
        <p className="empty">{t("appointments.section.nonePast")}</p>
      ) : (
        <>
          <ul className="appt-list">{past.slice(0, showAllPast ? past.length : FIRST_PAST).map(card)}</ul>
          {past.length > FIRST_PAST && (
            <button type="button" className="button button--secondary" onClick={() => setShowAllPast(!showAllPast)}>
              {showAllPast ? t("appointments.section.showFewer") : t("appointments.section.showAll", { count: String(past.length) })}
            </button>
          )}
        </>
      )}
    </>
  );
}
