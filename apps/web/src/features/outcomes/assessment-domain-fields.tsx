import { useTranslation } from "react-i18next";
import type { UseFormRegister } from "react-hook-form";
import type { DomainScore } from "@lentera/domain";
import type { AssessmentFormValues } from "./assessment-form-values";
import { AtRiskMark } from "./outcome-marks";
import type { Instrument } from "./outcome-types";
import { useOutcomeFormat } from "./use-outcome-format";

type Domain = Instrument["domains"][number];

interface DomainFieldsProps {
  definition: Instrument;
  domain: Domain;
  score: DomainScore | undefined;
  register: UseFormRegister<AssessmentFormValues>;
  disabled: boolean;
}

/**
 * One domain of the instrument: each item a group of radio buttons labelled with the scale's own
 * words, and the domain's score as it stands, worked out by the same function the server uses.
 */
export function AssessmentDomainFields({ definition, domain, score, register, disabled }: DomainFieldsProps) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const band = score?.band ? definition.bands.find((candidate) => candidate.key === score.band) : undefined;
  const domainName = format.text(domain.label);

  return (
    <fieldset className={score?.atRisk ? "assessment-domain assessment-domain--at-risk" : "assessment-domain"}>
      <legend>{domainName}</legend>
      {domain.items.map((item) => (
        <fieldset key={item.id} className="assessment-item" disabled={disabled}>
          <legend>{format.text(item.label)}</legend>
          <div className="assessment-item__options">
            {definition.scale.map((option) => (
              <label key={option.value} className="assessment-option">
                <input type="radio" value={String(option.value)} {...register(`answers.${item.id}`)} />
                <span>
                  <span className="assessment-option__value">{option.value}</span> {format.text(option.label)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <p className="assessment-domain__score" aria-live="polite">
        {score && score.score !== null ? (
          <>
            {t("outcomes.form.domainScore", {
              domain: domainName,
              score: format.score(score.score),
              answered: String(score.answered),
              items: String(score.items),
            })}
            {/* At risk says it in words below; another band is named here. */}
            {band && score.atRisk !== true && ` · ${format.text(band.label)}`}
            {score.atRisk === true && (
              <>
                {" "}
                <AtRiskMark />
              </>
            )}
          </>
        ) : (
          t("outcomes.form.notScored", { domain: domainName })
        )}
      </p>
    </fieldset>
  );
}
