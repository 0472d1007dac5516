import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { IncomingReferral } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { errorMessageKey } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { FormActions } from "../../ui/form-actions";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { SelectField } from "../../ui/select-field";
import { TextareaField } from "../../ui/textarea-field";
import { useDateFormat } from "../cases/format";
import { movedOn } from "./referral-item";
import { readShared, receiverDecisions, type Decision } from "./referral-rules";
import { SharedValuesList } from "./shared-values";
import { ReferralFacts } from "./referral-facts";
import "./referrals.css";

/**
 * The receiving agency's intake of referrals from other agencies on this installation: what was
 * asked and shared, accepting (which opens our own case in one of the user's teams), declining and
 * completing with feedback. The sender's record is never reachable from here.
 */
export function IncomingReferralsPage() {
  const { t } = useTranslation();
  usePageTitle(t("referrals.incoming.title"));
  const trpc = useTRPC();
  const incoming = useQuery(trpc.referrals.incoming.queryOptions());
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  return (
    <>
      <h1>{t("referrals.incoming.title")}</h1>
      <p>{t("referrals.incoming.intro")}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {incoming.isPending ? (
        <Loading />
      ) : incoming.isError ? (
        <QueryError error={incoming.error} onRetry={() => void incoming.refetch()} />
      ) : incoming.data.length === 0 ? (
        <p className="empty">{t("referrals.incoming.empty")}</p>
      ) : (
        <ul className="incoming-list">
          {incoming.data.map((referral) => (
            <IncomingItem key={referral.id} referral={referral} onNotice={setNotice} />
          ))}
        </ul>
      )}
    </>
  );
}

function IncomingItem({ referral, onNotice }: { referral: IncomingReferral; onNotice: (notice: NoticeMessage) => void }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const headingId = `incoming-${referral.id}`;
  const shared = readShared(referral.shared);

  return (
    <li>
      <section aria-labelledby={headingId} className="card">
        <h2 id={headingId}>{t("referrals.incoming.from", { agency: referral.fromAgency })}</h2>
        <p>
          <span className="pill">{t(`referrals.status.${referral.status}`)}</span>{" "}
          <span className="case-card__meta">{t("referrals.incoming.sentOn", { date: format.date(referral.sentAt) })}</span>
        </p>
        <ReferralFacts referral={referral} />
        <h3>{t("referrals.incoming.sharedHeading")}</h3>
        <SharedValuesList values={shared} />
        {referral.receiverCaseId && (
          <p>
            <Link to={`/cases/${referral.receiverCaseId}`}>{t("referrals.incoming.openCase")}</Link>
          </p>
        )}
        {deciding ? (
          <IncomingDecisionForm
            referral={referral}
            decision={deciding}
            onDone={(notice) => {
              setDeciding(null);
              if (notice) onNotice(notice);
            }}
          />
        ) : (
          receiverDecisions(referral.status).length > 0 && (
            <div className="action-list">
              {receiverDecisions(referral.status).map((decision) => (
                <button
                  key={decision}
                  type="button"
                  className={decision === "declined" ? "button button--quiet" : "button button--primary"}
                  onClick={() => setDeciding(decision)}
                >
                  {t(`referrals.incoming.${DECISION_WORD[decision]}`)}
                  <span className="visually-hidden"> {t("referrals.incoming.from", { agency: referral.fromAgency })}</span>
                </button>
              ))}
            </div>
          )
        )}
      </section>
    </li>
  );
}

const DECISION_WORD = { accepted: "accept", declined: "decline", completed: "complete", withdrawn: "decline" } as const satisfies Record<Decision, string>;
const DECISION_HEADING = { accepted: "acceptHeading", declined: "declineHeading", completed: "completeHeading", withdrawn: "declineHeading" } as const satisfies Record<Decision, string>;

function IncomingDecisionForm({
  referral,
  decision,
  onDone,
}: {
  referral: IncomingReferral;
  decision: Decision;
  onDone: (notice: NoticeMessage | null) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const decide = useMutation(trpc.referrals.decide.mutationOptions());
  const [teamId, setTeamId] = useState(user.teams.length === 1 ? (user.teams[0]?.id ?? "") : "");
  const [feedback, setFeedback] = useState("");
  const [teamError, setTeamError] = useState<string | undefined>(undefined);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const accepting = decision === "accepted";

  async function submit() {
    setErrorKey(null);
    setTeamError(undefined);
    if (accepting && !teamId) return setTeamError("validation.required");
    try {
      await decide.mutateAsync({
        referralId: referral.id,
        version: referral.version,
        status: decision,
        feedback: feedback.trim() || null,
        ...(accepting ? { teamId } : {}),
      });
    } catch (error) {
      if (movedOn(error)) {
        await queryClient.invalidateQueries(trpc.referrals.incoming.queryFilter());
        onDone({ kind: "error", key: "referrals.stale" });
        return;
      }
      setErrorKey(errorMessageKey(error));
      return;
    }
    await Promise.all([
      queryClient.invalidateQueries(trpc.referrals.incoming.queryFilter()),
      accepting ? queryClient.invalidateQueries(trpc.cases.list.pathFilter()) : Promise.resolve(),
    ]);
    onDone({ kind: "success", key: `referrals.incoming.done.${decision === "withdrawn" ? "declined" : decision}` });
  }

  return (
    <form
      className="form subform"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 className="subform__title">{t(`referrals.incoming.${DECISION_HEADING[decision]}`)}</h3>
      {accepting &&
        (user.teams.length === 0 ? (
          <p className="notice notice--error">{t("referrals.incoming.noTeam")}</p>
        ) : (
          <>
            <p className="field__hint">{t("referrals.incoming.acceptHint")}</p>
            <SelectField
              label={t("referrals.incoming.team")}
              autoFocus
              value={teamId}
              error={teamError}
              onChange={(event) => setTeamId(event.target.value)}
            >
              <option value="">{t("referrals.incoming.chooseTeam")}</option>
              {user.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </SelectField>
          </>
        ))}
      <TextareaField
        label={t("referrals.decide.feedback")}
        hint={t("referrals.decide.feedbackHint")}
        autoFocus={!accepting}
        maxLength={2000}
        value={feedback}
        onChange={(event) => setFeedback(event.target.value)}
      />
      <div role="alert" className="notice-region">
        {errorKey && <p className="notice notice--error">{t(errorKey)}</p>}
      </div>
      <FormActions
        submitting={decide.isPending}
        submitLabel={t("referrals.decide.submit")}
        submittingLabel={t("referrals.decide.saving")}
        onCancel={() => onDone(null)}
        tone={decision === "declined" ? "danger" : "primary"}
      />
    </form>
  );
}
