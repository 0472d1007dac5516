import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import type { CaseOverview } from "../cases/case-types";
import { AssessmentForm } from "./assessment-form";
import { AssessmentHistory } from "./assessment-history";
import { OutcomeChart } from "./outcome-chart";
import { outcomeActionsFor } from "./outcome-permissions";
import { OutcomeSummaryView } from "./outcome-summary-view";
import type { Assessment } from "./outcome-types";

type Editing = { draft: Assessment | null } | null;

/** The case's outcome assessments: scores per domain over time, entry with scoring as you go. */
export function OutcomesSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const assessments = useQuery(trpc.outcomes.byCase.queryOptions({ caseId: caseData.id }));
  const instruments = useQuery(trpc.outcomes.instruments.queryOptions());
  const actions = outcomeActionsFor(caseData);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const finish = useCallback((message: NoticeMessage | null) => {
    setEditing(null);
    if (message) setNotice(message);
    // Back to the top of the section, where the notice and the new scores are.
    headingRef.current?.focus();
  }, []);

  const start = (draft: Assessment | null) => {
    setNotice(null);
    setEditing({ draft });
  };

  return (
    <section aria-labelledby="case-outcomes-heading" className="card outcomes">
      <h2 id="case-outcomes-heading" ref={headingRef} tabIndex={-1}>
        {t("outcomes.heading")}
      </h2>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {assessments.isPending || instruments.isPending ? (
        <Loading />
      ) : assessments.isError ? (
        <QueryError error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : instruments.isError ? (
        <QueryError error={instruments.error} onRetry={() => void instruments.refetch()} />
      ) : editing ? (
        <AssessmentForm
          key={editing.draft?.id ?? "new"}
          caseId={caseData.id}
          draft={editing.draft}
          assessments={assessments.data}
          instruments={instruments.data}
          onDone={finish}
        />
      ) : (
        <>
          <OutcomeSummaryView assessments={assessments.data} instruments={instruments.data} />
          <OutcomeChart assessments={assessments.data} instruments={instruments.data} />
          {actions.assess && instruments.data.length > 0 && (
            <button type="button" className="button button--secondary" onClick={() => start(null)}>
              {t("outcomes.new")}
            </button>
          )}
          <AssessmentHistory
            assessments={assessments.data}
            instruments={instruments.data}
            canContinue={actions.assess}
            onContinue={start}
          />
        </>
      )}
    </section>
  );
}
