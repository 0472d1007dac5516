import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { formatTimeRange } from "../appointments/appointment-time";
import type { AppointmentItem } from "../appointments/appointment-types";

/**
 * Tomorrow's appointments and the outcomes still to record (the user's own; left out when My work
 * lists them). Plain text and links: this is on the first screen after sign-in, so no calendar library here.
 */
export function AppointmentRemindersCard({ outcomes }: { outcomes: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const reminders = useQuery(trpc.appointments.reminders.queryOptions());

  return (
    <section className="card reminders" aria-labelledby="home-appointments">
      <h2 id="home-appointments">{t("home.appointments.heading")}</h2>
      {reminders.isPending ? (
        <Loading />
      ) : reminders.isError ? (
        <QueryError error={reminders.error} onRetry={() => void reminders.refetch()} />
      ) : (
        <>
          <h3>{t("home.appointments.tomorrow")}</h3>
          <ReminderList items={reminders.data.tomorrow} zone={reminders.data.timeZone} empty={t("home.appointments.noneTomorrow")} />
          {outcomes && (
            <>
              <h3>{t("home.appointments.outcomes")}</h3>
              <ReminderList items={reminders.data.overdueOutcomes} zone={reminders.data.timeZone} empty={t("home.appointments.noneOutcomes")} />
            </>
          )}
          <p>
            <Link to="/calendar">{t("home.appointments.openCalendar")}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function ReminderList({ items, zone, empty }: { items: readonly AppointmentItem[]; zone: string; empty: string }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="reminders__list">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={`/cases/${item.caseId}`}>
            {item.caseNumber}
            {item.alias !== null ? ` · ${item.alias}` : ""}
          </Link>
          <p className="reminders__meta">
            {t(`appointments.kind.${item.kind}`)} · {formatTimeRange(item.startsAt, item.endsAt, i18n.language, zone)}
          </p>
        </li>
      ))}
    </ul>
  );
}
