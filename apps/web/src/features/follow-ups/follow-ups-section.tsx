import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import type { CaseFollowUps } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { useDateFormat } from "../cases/format";
import type { CaseOverview } from "../cases/case-types";
import { RecordFollowUpForm } from "./record-follow-up-form";

type FollowUp = CaseFollowUps["followUps"][number];

/**
 * The visits after closure (about 6 and 12 months, DOMAIN.md): when each is due, and what it found.
 * The care team records the outcome once the date has come; serious concerns can reopen the case.
 * (My work links here: the heading's id is the address's #hash.)
 */
export function FollowUpsSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const followUps = useQuery(trpc.followUps.byCase.queryOptions({ caseId: caseData.id }));

  return (
    <section aria-labelledby="case-follow-ups-heading" className="card follow-ups">
      <h2 id="case-follow-ups-heading">{t("followUps.heading")}</h2>
      {followUps.isPending ? (
        <Loading />
      ) : followUps.isError ? (
        <QueryError error={followUps.error} onRetry={() => void followUps.refetch()} />
      ) : followUps.data.followUps.length === 0 ? (
        <p className="empty">{t("followUps.empty")}</p>
      ) : (
        <ul className="follow-up-list">
          {followUps.data.followUps.map((item) => (
            <li key={item.dueOn}>
              <FollowUpItem item={item} data={followUps.data} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FollowUpItem({ item, data }: { item: FollowUp; data: CaseFollowUps }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const headingId = useId();
  const [recording, setRecording] = useState(false);
  const { outcome } = item;
  const date = dates.date(item.dueOn);
  const mayRecord = data.canRecord && data.caseStatus === "closed" && item.scheduled && item.due && outcome === null;

  return (
    <article className="follow-up" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("followUps.visit", { date })}</h3>
      {outcome ? (
        <>
          <p>
            <strong>{t(`followUps.outcome.${outcome.outcome}`)}</strong>
            {outcome.reopened && <> · {t("followUps.reopened")}</>}
          </p>
          <p className="case-card__meta">
            {t("followUps.recordedBy", { name: outcome.recordedBy.name, time: dates.dateTime(outcome.recordedAt) })}
          </p>
          {outcome.note && <p className="prewrap">{outcome.note}</p>}
        </>
      ) : !item.scheduled ? null : item.due ? (
        <p>
          <span className="pill pill--overdue">{item.dueOn < data.today ? t("followUps.overdue") : t("followUps.dueToday")}</span>
        </p>
      ) : (
        <p className="case-card__meta">{t("followUps.notDue")}</p>
      )}
      {mayRecord &&
        (recording ? (
          <RecordFollowUpForm data={data} dueOn={item.dueOn} date={date} onDone={() => setRecording(false)} />
        ) : (
          <button type="button" className="button button--primary" onClick={() => setRecording(true)}>
            {t("followUps.record")}
            <span className="visually-hidden"> {date}</span>
          </button>
        ))}
    </article>
  );
}
