import { useTranslation } from "react-i18next";
import type { SharedValues } from "./referral-rules";

/** What a sending agency shared, in words: alias, age group, sex, languages, harms, risk, plan goals, identity if any. */
export function SharedValuesList({ values }: { values: SharedValues }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [];
  if (values.alias !== undefined) rows.push([t("referrals.shared.alias"), values.alias]);
  if (values.age_group !== undefined) {
    rows.push([
      t("referrals.shared.age_group"),
      values.age_group === "unknown" ? t("referrals.values.ageGroupUnknown") : t("referrals.values.ageGroupYears", { group: values.age_group }),
    ]);
  }
  if (values.sex !== undefined) rows.push([t("referrals.shared.sex"), t(`cases.sex.${values.sex}`)]);
  if (values.languages !== undefined) rows.push([t("referrals.shared.languages"), values.languages.join(", ") || t("referrals.values.none")]);
  if (values.harm_types !== undefined) {
    rows.push([t("referrals.shared.harm_types"), values.harm_types.map((harm) => t(`cases.harm.${harm}`)).join(", ") || t("referrals.values.none")]);
  }
  if (values.risk_level !== undefined) rows.push([t("referrals.shared.risk_level"), t(`cases.risk.${values.risk_level}`)]);
  if (values.plan_goals !== undefined) {
    rows.push([
      t("referrals.shared.plan_goals"),
      values.plan_goals.map((goal) => `${goal.title} (${t(`plans.domain.${goal.domain}`)})`).join("; ") || t("referrals.values.none"),
    ]);
  }
  if (values.identity !== undefined) {
    rows.push([t("referrals.values.legalName"), values.identity.legalName]);
    if (values.identity.phone) rows.push([t("referrals.values.phone"), values.identity.phone]);
    if (values.identity.address) rows.push([t("referrals.values.address"), values.identity.address]);
  }
  if (rows.length === 0) return <p className="empty">{t("referrals.incoming.nothingShared")}</p>;
  return (
    <dl className="shared-values">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="prewrap">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
