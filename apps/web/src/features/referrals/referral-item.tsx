import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReferralSummary } from "@lentera/domain";
import { domainCodeOf, errorMessageKey, isUnauthenticated, reasonOf } from "../../lib/api-errors";
import { notifySessionExpired } from "../../lib/session-expiry";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { TextareaField } from "../../ui/textarea-field";
import { useCaseChange } from "../cases/case-context";
import { useDateFormat } from "../cases/format";
import { senderDecisions, type Decision } from "./referral-rules";
import { ReferralFacts } from "./referral-facts";

/** Refusals that mean the referral moved on elsewhere: the latest is loaded and the user told so. */
export function movedOn(error: unknown): boolean {
  const code = domainCodeOf(error);
  return code === "stale_version" || code === "not_found" || reasonOf(error) === "referral_transition";
}

/** One referral of the case: to whom, what, how urgent, where it stands, and what the sender may do next. */
export function ReferralItem({ referral, canWork }: { referral: ReferralSummary; canWork: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [stale, setStale] = useState(false);
  const decisions = canWork ? senderDecisions(referral) : [];
  const status = t(`referrals.status.${referral.status}`);

  return (
    <li className="consent">
      <h3 className="consent__title">
        {referral.partner.name} <span className="case-card__meta">({t(`partners.kind.${referral.partner.kind}`)})</span>
      </h3>
      <p>
        <span className="pill">{status}</span>{" "}
        <span className="case-card__meta">
          {t("referrals.item.sentOn", { date: format.date(referral.sentAt), name: referral.sentBy.name })}
          {referral.decidedAt && ` · ${t("referrals.item.decidedOn", { date: format.date(referral.decidedAt) })}`}
          {referral.completedAt && ` · ${t("referrals.item.completedOn", { date: format.date(referral.completedAt) })}`}
        </span>
      </p>
      {referral.overrideReason && (
        <p className="banner banner--warning prewrap">{t("referrals.item.override", { reason: referral.overrideReason })}</p>
      )}
      <ReferralFacts referral={referral}>
        <div>
          <dt>{t("referrals.item.shared")}</dt>
          <dd>{referral.shared.map((field) => t(`referrals.shared.${field}`)).join(", ") || t("referrals.values.none")}</dd>
        </div>
      </ReferralFacts>
      {referral.partner.linkedAgency && <p className="field__hint">{t("referrals.item.linkedAgency")}</p>}
      <div role="alert" className="notice-region">
        {stale && <p className="notice notice--error">{t("referrals.stale")}</p>}
      </div>
      {deciding ? (
        <DecisionForm
          referral={referral}
          decision={deciding}
          onDone={() => setDeciding(null)}
          onStale={() => {
            setDeciding(null);
            setStale(true);
          }}
        />
      ) : (
        canWork && (
          <div className="action-list">
            {decisions.map((decision) => (
              <button
                key={decision}
                type="button"
                className={decision === "withdrawn" ? "button button--quiet" : "button button--secondary"}
                onClick={() => {
                  setStale(false);
                  setDeciding(decision);
                }}
              >
                {t(`referrals.actions.${decision}`)}
                <span className="visually-hidden"> {referral.partner.name}</span>
              </button>
            ))}
            {!referral.partner.linkedAgency && <LetterButton referral={referral} />}
          </div>
        )
      )}
    </li>
  );
}

function DecisionForm({
  referral,
  decision,
  onDone,
  onStale,
}: {
  referral: ReferralSummary;
  decision: Decision;
  onDone: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { succeeded } = useCaseChange();
  const decide = useMutation(trpc.referrals.decide.mutationOptions());
  const [feedback, setFeedback] = useState("");
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const reload = () => queryClient.invalidateQueries(trpc.referrals.byCase.queryFilter({ caseId: referral.caseId }));

  async function submit() {
    setErrorKey(null);
    try {
      await decide.mutateAsync({ referralId: referral.id, version: referral.version, status: decision, feedback: feedback.trim() || null });
    } catch (error) {
      if (movedOn(error)) {
        await reload();
        onStale();
        return;
      }
      setErrorKey(errorMessageKey(error));
      return;
    }
    onDone();
    await reload();
    await succeeded("referrals.done.decided", { partner: referral.partner.name, status: t(`referrals.status.${decision}`) });
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
      <h4 className="subform__title">{t(`referrals.decide.heading.${decision}`)}</h4>
      <TextareaField
        label={t("referrals.decide.feedback")}
        hint={t("referrals.decide.feedbackHint")}
        autoFocus
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
        onCancel={onDone}
        tone={decision === "withdrawn" || decision === "declined" ? "danger" : "primary"}
      />
    </form>
  );
}

/** "Referral letter (PDF)": the server gives the letter's facts (and records the export); the PDF is drawn here. */
function LetterButton({ referral }: { referral: ReferralSummary }) {
  const { t, i18n } = useTranslation();
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [errorKey, setErrorKey] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setErrorKey(null);
    try {
      const [letter, { downloadReferralLetter }] = await Promise.all([
        client.referrals.letter.mutate({ referralId: referral.id }),
        import("./referral-letter-pdf"),
      ]);
      await downloadReferralLetter(letter, { t, locale: i18n.language });
    } catch (error) {
      if (isUnauthenticated(error)) notifySessionExpired();
      setErrorKey(errorMessageKey(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download()}>
        {busy ? t("referrals.actions.preparing") : t("referrals.actions.letter")}
        <span className="visually-hidden"> {referral.partner.name}</span>
      </button>
      <span role="alert" className="notice-region">
        {errorKey && <span className="notice notice--error">{t(errorKey)}</span>}
      </span>
    </>
  );
}
