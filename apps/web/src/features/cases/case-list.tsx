import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { RiskBadge, StatusBadge } from "./case-badges";
import type { CaseListItem } from "./case-types";
import { useDateFormat } from "./format";

/** Cases as cards: one column on a phone, more on a wide screen; each card links to the case. */
export function CaseList({ items, labelledBy }: { items: CaseListItem[]; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <ul className="case-list" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.id} className="case-card">
          <p className="case-card__title">
            <Link to={`/cases/${item.id}`}>
              <span className="case-card__alias">{item.alias}</span>{" "}
              <span className="case-number">{item.caseNumber}</span>
            </Link>
          </p>
          <p className="pill-row">
            <StatusBadge status={item.status} />
            <RiskBadge riskLevel={item.riskLevel} />
          </p>
          <p className="case-card__meta">{item.harmTypes.map((harm) => t(`cases.harm.${harm}`)).join(", ")}</p>
          <p className="case-card__meta">
            {t("cases.list.openedOn", { date: format.date(item.openedAt) })} · {item.teamName}
            {item.primarySocialWorker ? ` · ${item.primarySocialWorker}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
