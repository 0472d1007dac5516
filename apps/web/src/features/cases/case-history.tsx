import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import type { CaseHistoryEvent, CaseOverview } from "./case-types";
import { useDateFormat } from "./format";
import {
  describeDetail,
  describeValue,
  fieldLabel,
  HISTORY_ACTIONS,
  orderedChanges,
  REDACTED,
  type HistoryContext,
} from "./history-format";

const DETAIL_KEYS = ["reason", "comment"] as const;

/** Every change to the case, newest first, field by field; identifying values are shown as hidden. */
export function CaseHistory({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useDateFormat();
  const history = useQuery(trpc.cases.history.queryOptions({ caseId: caseData.id }));
  const members = new Map(caseData.careTeam.map((member) => [member.userId, member.displayName]));
  const context: HistoryContext = {
    t: (key, values) => t(key, values),
    date: (value) => format.date(value),
    teamName: (id) => (id === caseData.team.id ? caseData.team.name : null),
    memberName: (id) => members.get(id) ?? null,
  };

  return (
    <section aria-labelledby="case-history-heading" className="card">
      <h2 id="case-history-heading">{t("cases.history.heading")}</h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p className="empty">{t("cases.history.empty")}</p>
      ) : (
        <ol className="timeline">
          {history.data.map((event) => (
            <HistoryEntry key={event.id} event={event} context={context} when={format.dateTime(event.occurredAt)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryEntry({ event, context, when }: { event: CaseHistoryEvent; context: HistoryContext; when: string }) {
  const { t } = context;
  const known = (HISTORY_ACTIONS as readonly string[]).includes(event.action);
  const details = event.details ?? {};
  const possibleDuplicates = Array.isArray(details.possibleDuplicates) ? details.possibleDuplicates.map(String) : [];
  return (
    <li className="timeline__entry">
      <p className="timeline__title">
        <strong>{known ? t(`cases.history.actions.${event.action}`) : event.action}</strong>
      </p>
      <p className="case-card__meta">
        <time dateTime={event.occurredAt.toISOString()}>{when}</time> · {event.actor ?? t("cases.history.system")}
      </p>
      {typeof details.number === "number" && <p>{t("cases.history.planVersion", { number: details.number })}</p>}
      <ChangeList action={event.action} changes={event.changes} context={context} />
      {DETAIL_KEYS.map((key) => {
        const text = describeDetail(event.action, key, details[key], t);
        return text ? (
          <p key={key} className="prewrap">
            {t(`cases.history.detail.${key}`, { text })}
          </p>
        ) : null;
      })}
      {possibleDuplicates.length > 0 && (
        <p>{t("cases.history.possibleDuplicates", { caseNumbers: possibleDuplicates.join(", ") })}</p>
      )}
    </li>
  );
}

/** Visible changes one per line, in a fixed order; hidden (identifying) ones named together on one line. */
function ChangeList({ action, changes, context }: { action: string; changes: CaseHistoryEvent["changes"]; context: HistoryContext }) {
  const { t } = context;
  const entries = orderedChanges(changes ?? {});
  const hidden = entries.filter(([, change]) => change.to === REDACTED).map(([field]) => fieldLabel(field, t));
  const shown = entries.filter(([, change]) => change.to !== REDACTED && !isEmptySetting(change));
  if (hidden.length === 0 && shown.length === 0) return null;
  return (
    <ul className="change-list">
      {shown.map(([field, change]) => (
        <li key={field}>{describeChange(action, field, change, context)}</li>
      ))}
      {hidden.length > 0 && <li>{t("cases.history.hiddenFields", { fields: hidden.join(", ") })}</li>}
    </ul>
  );
}

/** A field first set to nothing (an empty list on a new case) says nothing worth a line. */
function isEmptySetting(change: { from: unknown; to: unknown }): boolean {
  return (change.from === null || change.from === undefined) && Array.isArray(change.to) && change.to.length === 0;
}

function describeChange(action: string, field: string, change: { from: unknown; to: unknown }, context: HistoryContext): string {
  const { t } = context;
  const label = fieldLabel(field, t);
  const to = describeValue(field, change.to, context, action);
  if (change.from === null || change.from === undefined) return t("cases.history.set", { field: label, to });
  return t("cases.history.change", { field: label, from: describeValue(field, change.from, context, action), to });
}
