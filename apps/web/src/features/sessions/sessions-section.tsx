import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { errorMessageKey } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { RefusedChange } from "../../ui/refused-change";
import { useDateFormat } from "../cases/format";
import type { CaseOverview } from "../cases/case-types";
import { AcknowledgedFlags } from "./case-risk-flags";
import { ScreeningCharts } from "./screening-charts";
import { notePath, type CaseSessions, type SessionMetadata } from "./session-types";
import { useStartSession } from "./use-start-session";

/**
 * A case's counseling sessions. Everyone who reads the case sees that a session happened (date,
 * duration, counselor, attendance); the counselors on the case and its supervisor open the notes
 * and see the screening totals over time.
 */
export function SessionsSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const sessions = useQuery(trpc.sessions.byCase.queryOptions({ caseId: caseData.id }));

  return (
    <section aria-labelledby="case-sessions-heading" className="card sessions">
      <h2 id="case-sessions-heading">{t("sessions.list.heading")}</h2>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <SessionsBody caseId={caseData.id} data={sessions.data} />
      )}
    </section>
  );
}

function SessionsBody({ caseId, data }: { caseId: string; data: CaseSessions }) {
  const { t } = useTranslation();
  const start = useStartSession(caseId);
  const newestFirst = [...data.sessions].sort((a, b) => (a.sessionDate < b.sessionDate ? 1 : a.sessionDate > b.sessionDate ? -1 : 0));

  return (
    <>
      {data.canLog && (
        <div className="action-list">
          <button type="button" className="button button--primary" disabled={start.isPending} onClick={() => start.start(null)}>
            {start.isPending ? t("sessions.list.opening") : t("sessions.list.log")}
          </button>
          <RefusedChange message={start.error ? t(errorMessageKey(start.error)) : null} />
        </div>
      )}
      {!data.clinical && <p className="field__hint">{t("sessions.list.metadataOnly")}</p>}
      {newestFirst.length === 0 ? (
        <p className="empty">{t("sessions.list.none")}</p>
      ) : (
        <ul className="session-list">
          {newestFirst.map((session) => (
            <SessionRow key={session.id} session={session} clinical={data.clinical} />
          ))}
        </ul>
      )}
      {data.clinical && <ScreeningCharts caseId={caseId} />}
      <AcknowledgedFlags caseId={caseId} />
    </>
  );
}

/** "2 Mar 2026 · Session · 50 min · attended · in person · Dewi", with the note's state. */
function SessionRow({ session, clinical }: { session: SessionMetadata; clinical: boolean }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const date = dates.date(session.sessionDate);
  return (
    <li className="session-row">
      <p className="session-row__title">
        {clinical ? <Link to={notePath(session.caseId, session.id)}>{t("sessions.list.openNote", { date })}</Link> : <span>{date}</span>}{" "}
        <span className={`pill pill--note-${session.status}`}>{t(`sessions.status.${session.status}`)}</span>
      </p>
      <p className="session-row__meta">
        {t("sessions.list.meta", {
          minutes: String(session.durationMinutes),
          attendance: t(`sessions.attendance.${session.attendance}`),
          modality: t(`sessions.modality.${session.modality}`),
          counselor: session.counselor.name,
        })}
      </p>
    </li>
  );
}
