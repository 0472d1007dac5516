import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessageKey } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { useDateFormat } from "../cases/format";
import { useNotifications } from "./use-notifications";

/**
 * Unread alerts: a risk flag raised on one of the user's cases ("Risk flag on case LNT-2026-000001
 * (Ani): thoughts of self-harm"), each linking to the case. Plain text and links: first screen.
 */
export function AlertsCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dates = useDateFormat();
  const notifications = useNotifications(true);
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    }),
  );
  const unread = (notifications.data?.items ?? []).filter((item) => item.readAt === null);
  // In the order the flag lists them. (Not through @lentera/domain's list: that would bring the
  // sessions' whole vocabulary into the first screen's code.)
  const kinds = (list: readonly string[]) => list.map((kind) => t(`sessions.flagKind.${kind}`)).join(", ");

  return (
    <section className="card alerts" aria-labelledby="home-alerts">
      <h2 id="home-alerts">{t("home.alerts.heading")}</h2>
      {notifications.isPending ? (
        <Loading />
      ) : notifications.isError ? (
        <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : unread.length === 0 ? (
        <p className="empty">{t("home.alerts.empty")}</p>
      ) : (
        <>
          <ul className="alerts__list">
            {unread.map((item) => (
              <li key={item.id} className="alerts__item">
                <p>
                  <Link to={`/cases/${item.caseId}`}>
                    {t("home.alerts.riskFlag", { caseNumber: item.caseNumber, alias: item.alias, kinds: kinds(item.kinds) })}
                  </Link>
                </p>
                <p className="alerts__meta">{dates.dateTime(item.createdAt)}</p>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate({ ids: [item.id] })}
                >
                  {t("home.alerts.markRead")}
                  <span className="visually-hidden"> {item.caseNumber}</span>
                </button>
              </li>
            ))}
          </ul>
          {unread.length > 1 && (
            <button
              type="button"
              className="button button--secondary"
              disabled={markRead.isPending}
              onClick={() => markRead.mutate({ ids: unread.slice(0, 200).map((item) => item.id) })}
            >
              {t("home.alerts.markAllRead")}
            </button>
          )}
          {markRead.error && (
            <p role="alert" className="field__error">
              {t(errorMessageKey(markRead.error))}
            </p>
          )}
        </>
      )}
    </section>
  );
}
