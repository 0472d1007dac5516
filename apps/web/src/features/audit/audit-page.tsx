import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { hasRole } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { errorMessageKey, isUnauthenticated } from "../../lib/api-errors";
import { notifySessionExpired } from "../../lib/session-expiry";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { useDateFormat } from "../cases/format";
import { saveCsv } from "../reports/save-file";
import { filterFromSearch, searchFromFilter, serverFilter, type AuditUrlFilter } from "./audit-filter-url";
import { ACCOUNT_ACTIONS, actionWords, auditCsv, CASE_ACTIONS, entityWords, type AuditEvent } from "./audit-words";
import "../reports/reports.css";
import "./audit.css";

const PAGE_SIZE = 50;

/**
 * The audit log: supervisors read their teams' case events, administrators their agency's account
 * events (the server decides; this page only asks). Reading it, and downloading it, are audited.
 */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t("audit.title"));
  const trpc = useTRPC();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  const asked = serverFilter(filter);
  const events = useQuery({
    ...trpc.audit.list.queryOptions({ filter: asked.problem === null ? asked.filter : {}, limit: PAGE_SIZE, ...(filter.after ? { after: filter.after } : {}) }),
    enabled: asked.problem === null,
  });
  const go = (next: AuditUrlFilter) => setSearch(searchFromFilter(next));
  const actions = [...(hasRole(user, "supervisor") ? CASE_ACTIONS : []), ...(hasRole(user, "admin") ? ACCOUNT_ACTIONS : [])];
  const actorName = filter.user ? events.data?.events.find((event) => event.actor?.id === filter.user)?.actor?.name : undefined;

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t(hasRole(user, "admin") && !hasRole(user, "supervisor") ? "audit.introAdmin" : "audit.introSupervisor")}</p>
      <AuditFilters key={search.toString()} filter={filter} actions={actions} onChange={(next) => go({ ...next, after: null })} />
      {filter.user && (
        <p className="pill-row">
          <span>{actorName ? t("audit.onlyBy", { name: actorName }) : t("audit.onlyByOne")}</span>
          <button type="button" className="button button--secondary" onClick={() => go({ ...filter, user: "", after: null })}>
            {t("audit.everyone")}
          </button>
        </p>
      )}
      {asked.problem !== null ? (
        <p role="alert" className="field__error">
          {t(asked.problem === "order" ? "audit.period.order" : "audit.period.tooLong")}
        </p>
      ) : (
        <>
          <AuditExport filter={asked.filter} />
          <section aria-labelledby="audit-heading">
            <h2 id="audit-heading" className="visually-hidden">
              {t("audit.listHeading")}
            </h2>
            {events.isPending ? (
              <Loading />
            ) : events.isError ? (
              <QueryError error={events.error} onRetry={() => void events.refetch()} />
            ) : events.data.events.length === 0 ? (
              <p className="empty">{t("audit.empty")}</p>
            ) : (
              <AuditTable events={events.data.events} actorHref={(id) => `/audit?${searchFromFilter({ ...filter, user: id, after: null }).toString()}`} />
            )}
            {events.data && (filter.after !== null || events.data.next !== null) && (
              <nav aria-label={t("audit.pages")} className="list-pager">
                <div className="button-row">
                  <button type="button" className="button button--secondary" disabled={filter.after === null} onClick={() => go({ ...filter, after: null })}>
                    {t("audit.newest")}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={events.data.next === null}
                    onClick={() => events.data.next !== null && go({ ...filter, after: events.data.next })}
                  >
                    {t("audit.older")}
                  </button>
                </div>
              </nav>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** The filters apply on submit: a slow connection is spared a request per key. */
function AuditFilters({ filter, actions, onChange }: { filter: AuditUrlFilter; actions: readonly string[]; onChange: (next: AuditUrlFilter) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filter);
  const set = (key: "caseNumber" | "action" | "from" | "to", value: string) => setDraft({ ...draft, [key]: value });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange({ ...draft, caseNumber: draft.caseNumber.trim().toUpperCase() });
  }
  return (
    <form role="search" aria-label={t("audit.filters")} className="form audit-filters" onSubmit={submit}>
      <div className="filter-grid">
        <TextField
          label={t("audit.caseNumber")}
          hint={t("audit.caseNumberHint")}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          value={draft.caseNumber}
          onChange={(event) => set("caseNumber", event.target.value)}
        />
        <SelectField label={t("audit.action")} value={draft.action} onChange={(event) => set("action", event.target.value)}>
          <option value="">{t("audit.anyAction")}</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {actionWords(action, t)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("audit.from")} type="date" value={draft.from} onChange={(event) => set("from", event.target.value)} />
        <TextField label={t("audit.to")} type="date" value={draft.to} onChange={(event) => set("to", event.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t("audit.apply")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onChange({ caseNumber: "", action: "", user: "", from: "", to: "", after: null })}>
          {t("audit.clear")}
        </button>
      </div>
    </form>
  );
}

function AuditTable({ events, actorHref }: { events: readonly AuditEvent[]; actorHref: (userId: string) => string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="data-table data-table--wide">
        <caption id="audit-caption" className="visually-hidden">
          {t("audit.listHeading")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.column.when")}</th>
            <th scope="col">{t("audit.column.action")}</th>
            <th scope="col">{t("audit.column.who")}</th>
            <th scope="col">{t("audit.column.case")}</th>
            <th scope="col">{t("audit.column.record")}</th>
            <th scope="col">{t("audit.column.from")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="cell--nowrap">
                <time dateTime={event.occurredAt.toISOString()}>{format.dateTime(event.occurredAt)}</time>
              </td>
              <th scope="row">{actionWords(event.action, t)}</th>
              <td>
                {event.actor ? (
                  <Link to={actorHref(event.actor.id)}>
                    {event.actor.name}
                    <span className="visually-hidden"> {t("audit.onlyThisPerson")}</span>
                  </Link>
                ) : (
                  <span className="empty">{t("audit.nobody")}</span>
                )}
              </td>
              <td>
                {event.case ? (
                  <Link to={`/cases/${event.case.id}`} className="case-number">
                    {event.case.caseNumber}
                  </Link>
                ) : (
                  <span className="empty">{t("audit.none")}</span>
                )}
              </td>
              <td>
                {entityWords(event.entityType, t)}
                {event.fields.length > 0 && <span className="case-card__meta"> ({t("audit.fieldsChanged", { count: event.fields.length })})</span>}
              </td>
              <td>{event.ip ?? <span className="empty">{t("audit.none")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The server hands over the rows (and records the export); the CSV is written here, in the page's words. */
function AuditExport({ filter }: { filter: Parameters<ReturnType<typeof useTRPCClient>["audit"]["export"]["mutate"]>[0]["filter"] }) {
  const { t, i18n } = useTranslation();
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  async function download() {
    setBusy(true);
    setNotice(null);
    try {
      const result = await client.audit.export.mutate({ filter });
      saveCsv(auditCsv(result.rows, t), `audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
      const number = new Intl.NumberFormat(i18n.language).format(result.rows.length);
      setNotice({ kind: "success", key: result.truncated ? "audit.export.truncated" : "audit.export.done", values: { number } });
    } catch (error) {
      if (isUnauthenticated(error)) notifySessionExpired();
      setNotice({ kind: "error", key: errorMessageKey(error) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="list-export">
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download()}>
        {busy ? t("audit.export.preparing") : t("audit.export.csv")}
      </button>
      <p className="field__hint">{t("audit.export.audited")}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </div>
  );
}
