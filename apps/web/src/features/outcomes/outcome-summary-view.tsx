import { useTranslation } from "react-i18next";
import { useDateFormat } from "../cases/format";
import { domainLabel, findInstrument } from "./instrument-text";
import { AtRiskMark, TrendMark } from "./outcome-marks";
import { summarizeOutcomes, type DomainComparison } from "./outcome-summary";
import type { Assessment, Instrument } from "./outcome-types";
import { useOutcomeFormat } from "./use-outcome-format";

/** The latest completed assessment, each domain beside the previous one and the one at intake. */
export function OutcomeSummaryView({ assessments, instruments }: { assessments: Assessment[]; instruments: Instrument[] }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const format = useOutcomeFormat();
  const summary = summarizeOutcomes(assessments);
  if (!summary) {
    return <p className="empty">{t("outcomes.summary.empty")}</p>;
  }
  const { latest, previous, intake } = summary;
  const definition = findInstrument(instruments, latest.instrumentCode, latest.instrumentVersion);
  const label = (domain: string) => domainLabel(definition, domain, format.locale);
  const atRisk = summary.domains.filter((domain) => domain.atRisk).map((domain) => label(domain.domain));

  return (
    <div className="outcome-summary">
      <h3>{t("outcomes.summary.heading")}</h3>
      <p className="case-card__meta">
        {t("outcomes.summary.taken", {
          date: dates.date(latest.assessedOn),
          timepoint: t(`outcomes.timepoint.${latest.timepoint}`),
          name: latest.assessedBy.name,
        })}
        {definition && ` · ${format.text(definition.name)}`}
      </p>
      <p className="case-card__meta">
        {previous
          ? t("outcomes.summary.comparedWith", { date: dates.date(previous.assessedOn), timepoint: t(`outcomes.timepoint.${previous.timepoint}`) })
          : t("outcomes.summary.first")}
        {intake && intake.id !== previous?.id && ` ${t("outcomes.summary.andIntake", { date: dates.date(intake.assessedOn) })}`}
      </p>
      <p className={atRisk.length > 0 ? "outcome-summary__risk" : undefined}>
        {atRisk.length > 0 ? t("outcomes.summary.atRiskList", { domains: atRisk.join(", ") }) : t("outcomes.summary.noneAtRisk")}
      </p>
      <ul className="outcome-domains">
        {summary.domains.map((domain) => (
          <DomainRow key={domain.domain} domain={domain} label={label(domain.domain)} showIntake={intake !== null && intake.id !== previous?.id} />
        ))}
      </ul>
    </div>
  );
}

function DomainRow({ domain, label, showIntake }: { domain: DomainComparison; label: string; showIntake: boolean }) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  return (
    <li className={domain.atRisk ? "outcome-domain outcome-domain--at-risk" : "outcome-domain"}>
      <p className="outcome-domain__title">
        <span className="outcome-domain__name">{label}</span>
        {domain.atRisk && (
          <>
            {" "}
            <AtRiskMark />
          </>
        )}{" "}
        <span className="outcome-domain__score">{t("outcomes.summary.score", { score: format.score(domain.score) })}</span>
      </p>
      {(domain.previous || (showIntake && domain.intake)) && (
        <p className="outcome-domain__compare">
          {domain.previous && (
            <span>
              {t("outcomes.summary.previous", { score: format.score(domain.previous.score) })}{" "}
              <TrendMark trend={domain.previous.trend} />
            </span>
          )}
          {showIntake && domain.intake && (
            <span>
              {t("outcomes.summary.sinceIntake", { score: format.score(domain.intake.score) })}{" "}
              <TrendMark trend={domain.intake.trend} />
            </span>
          )}
        </p>
      )}
    </li>
  );
}
