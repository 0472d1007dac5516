import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CaseOverview } from "./case-types";
import { useDateFormat } from "./format";

/** A term and its value; an empty value says so rather than leaving a gap. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === "";
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{empty ? <span className="empty">{t("cases.page.none")}</span> : children}</dd>
    </div>
  );
}

export function CaseOverviewSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const { client } = caseData;
  const age =
    client.birthDate !== null
      ? format.date(client.birthDate)
      : client.estimatedAge !== null
        ? t("cases.page.estimatedAge", { age: client.estimatedAge })
        : null;
  const address = [client.district, client.regencyCity, client.province, t(`cases.country.${client.country}`)]
    .filter(Boolean)
    .join(", ");

  return (
    <section aria-labelledby="case-overview-heading" className="card">
      <h2 id="case-overview-heading">{t("cases.page.overviewHeading")}</h2>
      <dl className="facts">
        <Fact label={t("cases.fields.harmTypes")}>{caseData.harmTypes.map((harm) => t(`cases.harm.${harm}`)).join(", ")}</Fact>
        <Fact label={t("cases.fields.referralSource")}>{t(`cases.referral.${caseData.referralSource}`)}</Fact>
        <Fact label={t("cases.fields.riskLevel")}>{t(`cases.risk.${caseData.riskLevel}`)}</Fact>
        <Fact label={t("cases.fields.riskConcerns")}>
          {caseData.riskConcerns && <span className="prewrap">{caseData.riskConcerns}</span>}
        </Fact>
        <Fact label={t("cases.fields.safetyNotes")}>
          {caseData.safetyNotes && <span className="prewrap">{caseData.safetyNotes}</span>}
        </Fact>
        <Fact label={t("cases.fields.openedAt")}>{format.date(caseData.openedAt)}</Fact>
        {caseData.closedAt && <Fact label={t("cases.fields.closedAt")}>{format.date(caseData.closedAt)}</Fact>}
        {caseData.closureReason && (
          <Fact label={t("cases.fields.closureReason")}>{t(`cases.closureReason.${caseData.closureReason}`)}</Fact>
        )}
        {caseData.followUpDates && caseData.followUpDates.length > 0 && (
          <Fact label={t("cases.fields.followUpDates")}>{caseData.followUpDates.map((date) => format.date(date)).join(", ")}</Fact>
        )}
      </dl>
      <h3>{t("cases.page.clientHeading")}</h3>
      <dl className="facts">
        <Fact label={t("cases.page.birthDateOrAge")}>{age}</Fact>
        <Fact label={t("cases.fields.client.sex")}>{t(`cases.sex.${client.sex}`)}</Fact>
        <Fact label={t("cases.fields.client.gender")}>{client.gender}</Fact>
        <Fact label={t("cases.fields.client.languages")}>{client.languages.join(", ")}</Fact>
        <Fact label={t("cases.fields.client.disability")}>{client.disability}</Fact>
        <Fact label={t("cases.fields.client.guardianRelationship")}>{client.guardianRelationship}</Fact>
        <Fact label={t("cases.page.area")}>{address}</Fact>
      </dl>
    </section>
  );
}
