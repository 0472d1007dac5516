import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@lentera/api";
import { useTRPC } from "../../lib/trpc";
import { errorMessageKey } from "../../lib/api-errors";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { useDateFormat } from "../cases/format";
import { describeUserAgent } from "./user-agent";

type UserSession = RouterOutputs["auth"]["sessions"]["list"][number];

/** The user's sessions: each with when and where it began, "end" for the others, and "end all others". */
export function SessionsSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useDateFormat();
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const list = useQuery(trpc.auth.sessions.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.auth.sessions.list.queryFilter());
  const onError = (error: unknown) => {
    setNotice({ kind: "error", key: errorMessageKey(error) });
    return refresh();
  };
  const end = useMutation(
    trpc.auth.sessions.end.mutationOptions({
      onSuccess: () => {
        setNotice({ kind: "success", key: "security.sessions.ended" });
        return refresh();
      },
      onError,
    }),
  );
  const endOthers = useMutation(
    trpc.auth.sessions.endOthers.mutationOptions({
      onSuccess: ({ ended }) => {
        setNotice({ kind: "success", key: "security.sessions.othersEnded", values: { number: String(ended) } });
        return refresh();
      },
      onError,
    }),
  );

  const others = (list.data ?? []).filter((session) => !session.current);
  const stageNote = (session: UserSession) =>
    session.stage === "second_factor" ? t("security.sessions.secondFactor") : session.stage === "enrollment" ? t("security.sessions.enrollment") : null;

  return (
    <section className="card form-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t("security.sessions.heading")}</h2>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <ul className="session-list">
            {list.data.map((session) => (
              <li key={session.id} className="session-list__item">
                <p className="session-list__device">
                  <strong>{describeUserAgent(session.userAgent) ?? t("security.sessions.unknownDevice")}</strong>
                  {session.current && <span className="tag">{t("security.sessions.current")}</span>}
                </p>
                <p className="session-list__facts">
                  {t("security.sessions.started", { date: format.dateTime(session.createdAt) })}
                  {" · "}
                  {t("security.sessions.lastSeen", { date: format.dateTime(session.lastSeenAt) })}
                  {session.ip && (
                    <>
                      {" · "}
                      {t("security.sessions.address", { ip: session.ip })}
                    </>
                  )}
                </p>
                {stageNote(session) && <p className="field__hint">{stageNote(session)}</p>}
                {!session.current && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={end.isPending}
                    onClick={() => end.mutate({ sessionId: session.id })}
                  >
                    {end.isPending && end.variables.sessionId === session.id ? t("security.sessions.ending") : t("security.sessions.end")}
                    <span className="visually-hidden"> {describeUserAgent(session.userAgent) ?? ""}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {others.length === 0 ? (
            <p>{t("security.sessions.noOthers")}</p>
          ) : (
            <button type="button" className="button button--danger" disabled={endOthers.isPending} onClick={() => endOthers.mutate()}>
              {t("security.sessions.endOthers")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
