import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { useDateFormat } from "../cases/format";
import { AcknowledgeFlag } from "./acknowledge-flag-form";
import { useFlagKinds } from "./flag-text";
import type { RiskFlag } from "./session-types";

/** "Raised by Dewi on 2 Mar 2026, 10:12". */
export function FlagRaised({ flag }: { flag: RiskFlag }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  return <>{t("sessions.flags.raised", { name: flag.raisedBy.name, time: dates.dateTime(flag.raisedAt) })}</>;
}

/**
 * The case's open risk flags, at the top of the case page where no one can miss them: what was
 * found, when and by whom. A supervisor acknowledges a flag here or on the supervision queue.
 */
export function CaseRiskFlags({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const kinds = useFlagKinds();
  const flags = useQuery(trpc.supervision.flagsByCase.queryOptions({ caseId }));
  const open = flags.data?.open ?? [];
  if (open.length === 0) return null;

  return (
    <section className="risk-alert" aria-labelledby="case-risk-flags-heading">
      <h2 id="case-risk-flags-heading">{t("sessions.flags.openHeading", { number: String(open.length) })}</h2>
      <ul className="risk-alert__list">
        {open.map((flag) => (
          <li key={flag.id}>
            <p className="risk-alert__kinds">{kinds(flag.kinds)}</p>
            <p className="risk-alert__meta">
              <FlagRaised flag={flag} />
            </p>
            {flags.data?.canAcknowledge && <AcknowledgeFlag flag={flag} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Flags acknowledged lately, with the action taken: in the sessions section, for the record. */
export function AcknowledgedFlags({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const dates = useDateFormat();
  const kinds = useFlagKinds();
  const flags = useQuery(trpc.supervision.flagsByCase.queryOptions({ caseId }));
  const done = flags.data?.acknowledged ?? [];
  if (done.length === 0) return null;
  return (
    <details className="sessions__flags">
      <summary>{t("sessions.flags.acknowledgedHeading", { number: String(done.length) })}</summary>
      <ul className="plain-list plain-list--flush">
        {done.map((flag) => (
          <li key={flag.id}>
            <p>
              <strong>{kinds(flag.kinds)}</strong> · <FlagRaised flag={flag} />
            </p>
            <p>
              {t("sessions.flags.acknowledgedBy", {
                name: flag.acknowledgedBy?.name ?? "",
                time: flag.acknowledgedAt ? dates.dateTime(flag.acknowledgedAt) : "",
              })}
              {flag.actionTaken ? ` ${t("sessions.flags.actionTakenWas", { action: flag.actionTaken })}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </details>
  );
}
