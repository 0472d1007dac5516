import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "@tanstack/react-query";
import { UNSIGNED_NOTE_HOURS, type ScreeningDefinition } from "@lentera/domain";
import { errorMessageKey, reasonOf } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { FormActions } from "../../ui/form-actions";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { RefusedChange } from "../../ui/refused-change";
import { TextareaField } from "../../ui/textarea-field";
import { useDateFormat } from "../cases/format";
import { useOutcomeFormat } from "../outcomes/use-outcome-format";
import { AcknowledgeFlag, useRefreshFlags } from "./acknowledge-flag-form";
import { FlagRaised } from "./case-risk-flags";
import { useFlagKinds } from "./flag-text";
import { bandLabel, findDefinition, itemLabel } from "./screening-text";
import { notePath, type PositiveScreen, type SupervisionQueue } from "./session-types";

/**
 * The supervisor's queue for their teams: open risk flags (acknowledged with the action taken),
 * screens in the positive band (marked followed up), and notes left unsigned for more than 48 hours.
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.supervision"));
  const trpc = useTRPC();
  const queue = useQuery(trpc.supervision.queue.queryOptions());
  const instruments = useQuery(trpc.sessions.instruments.queryOptions());
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  return (
    <>
      <h1>{t("nav.supervision")}</h1>
      <p>{t("sessions.queue.intro")}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <QueueLists queue={queue.data} definitions={instruments.data ?? []} onDone={(key) => setNotice({ kind: "success", key })} />
      )}
    </>
  );
}

function CaseLink({ caseId, caseNumber, alias }: { caseId: string; caseNumber: string; alias: string }) {
  return (
    <Link to={`/cases/${caseId}`}>
      {caseNumber} · {alias}
    </Link>
  );
}

function QueueLists({
  queue,
  definitions,
  onDone,
}: {
  queue: SupervisionQueue;
  definitions: readonly ScreeningDefinition[];
  onDone: (noticeKey: string) => void;
}) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const kinds = useFlagKinds();
  const now = Date.now();

  return (
    <div className="queue">
      <section className="card queue__section" aria-labelledby="queue-flags-heading">
        <h2 id="queue-flags-heading">
          {t("sessions.queue.flagsHeading")} <span className="badge">{queue.openFlags.length}</span>
        </h2>
        {queue.openFlags.length === 0 ? (
          <p className="empty">{t("sessions.queue.noFlags")}</p>
        ) : (
          <ul className="queue__list">
            {queue.openFlags.map((flag) => (
              <li key={flag.id} className="queue__item queue__item--flag">
                <p className="queue__case">
                  <CaseLink caseId={flag.caseId} caseNumber={flag.caseNumber} alias={flag.alias} />
                </p>
                <p className="risk-alert__kinds">{kinds(flag.kinds)}</p>
                <p className="queue__meta">
                  <FlagRaised flag={flag} />
                  {flag.noteId && (
                    <>
                      {" · "}
                      <Link to={notePath(flag.caseId, flag.noteId)}>{t("sessions.queue.openNote")}</Link>
                    </>
                  )}
                </p>
                <AcknowledgeFlag flag={flag} onDone={() => onDone("sessions.queue.acknowledged")} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card queue__section" aria-labelledby="queue-screens-heading">
        <h2 id="queue-screens-heading">
          {t("sessions.queue.screensHeading")} <span className="badge">{queue.positiveScreens.length}</span>
        </h2>
        {queue.positiveScreens.length === 0 ? (
          <p className="empty">{t("sessions.queue.noScreens")}</p>
        ) : (
          <ul className="queue__list">
            {queue.positiveScreens.map((screen) => (
              <PositiveScreenItem
                key={screen.id}
                screen={screen}
                definition={findDefinition(definitions, screen.instrumentCode)}
                onDone={() => onDone("sessions.queue.followedUp")}
              />
            ))}
          </ul>
        )}
      </section>

      <section className="card queue__section" aria-labelledby="queue-unsigned-heading">
        <h2 id="queue-unsigned-heading">
          {t("sessions.queue.unsignedHeading", { hours: String(UNSIGNED_NOTE_HOURS) })} <span className="badge">{queue.unsignedNotes.length}</span>
        </h2>
        {queue.unsignedNotes.length === 0 ? (
          <p className="empty">{t("sessions.queue.noUnsigned")}</p>
        ) : (
          <ul className="queue__list">
            {queue.unsignedNotes.map((note) => (
              <li key={note.id} className="queue__item">
                <p className="queue__case">
                  <CaseLink caseId={note.caseId} caseNumber={note.caseNumber} alias={note.alias} />
                </p>
                <p className="queue__meta">
                  {t("sessions.queue.unsignedMeta", {
                    counselor: note.counselor.name,
                    date: dates.date(note.sessionDate),
                    age: String(Math.max(0, Math.floor((now - note.createdAt.getTime()) / 3_600_000))),
                  })}
                </p>
                <p>
                  <Link to={notePath(note.caseId, note.id)}>{t("sessions.queue.openNote")}</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function PositiveScreenItem({
  screen,
  definition,
  onDone,
}: {
  screen: PositiveScreen;
  definition: ScreeningDefinition | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const dates = useDateFormat();
  const format = useOutcomeFormat();
  const refresh = useRefreshFlags();
  const review = useMutation(trpc.supervision.reviewScreening.mutationOptions());
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const gone = reasonOf(review.error) === "screening_reviewed" || reasonOf(review.error) === "screening_not_positive";
  const band = bandLabel(definition, screen.band, format.text);

  return (
    <li className={screen.criticalItems.length > 0 ? "queue__item queue__item--flag" : "queue__item"}>
      <p className="queue__case">
        <CaseLink caseId={screen.caseId} caseNumber={screen.caseNumber} alias={screen.alias} />
      </p>
      <p>
        <strong>{definition ? format.text(definition.name) : screen.instrumentCode}</strong>
        {" · "}
        {t("sessions.queue.total", { total: format.score(screen.total) })}
        {band !== null && ` · ${band}`}
      </p>
      {screen.criticalItems.length > 0 && (
        <p className="queue__critical">
          <strong>{t("sessions.screening.criticalTitle")}</strong>{" "}
          {screen.criticalItems.map((item) => itemLabel(definition, item, format.text)).join("; ")}
        </p>
      )}
      <p className="queue__meta">
        {t("sessions.queue.screenMeta", { counselor: screen.counselor.name, date: dates.date(screen.sessionDate) })}
        {" · "}
        <Link to={notePath(screen.caseId, screen.noteId)}>{t("sessions.queue.openNote")}</Link>
      </p>
      {open ? (
        <form
          className="form subform"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const text = note.trim();
            review.mutate(
              { screeningId: screen.id, note: text === "" ? null : text },
              {
                onSuccess: () => {
                  setOpen(false);
                  onDone();
                  void refresh();
                },
              },
            );
          }}
        >
          <TextareaField
            label={t("sessions.queue.followUpNote")}
            hint={t("sessions.queue.followUpHint")}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <RefusedChange
            message={review.error ? t(errorMessageKey(review.error)) : null}
            reload={gone ? { label: t("sessions.flags.reload"), run: refresh } : null}
          />
          <FormActions
            submitting={review.isPending}
            submitLabel={t("sessions.queue.followUpSubmit")}
            submittingLabel={t("sessions.queue.followingUp")}
            onCancel={() => setOpen(false)}
          />
        </form>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t("sessions.queue.followUp")}
        </button>
      )}
    </li>
  );
}
